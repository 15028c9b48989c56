package dev.tracedesk.ui.trace;

import java.util.Locale;

/**
 * Draws a {@link TimelineModel} through a {@link TimelinePainter}: the minimap of the whole trace, the time axis,
 * then only the rows in view (a name column with nesting, badges and a bar per row). Level of detail: the minimap
 * merges rows per pixel line and spans per pixel column; bars narrower than a pixel are drawn 1 px wide; labels
 * are drawn only where they fit. Every frame starts by filling the whole area. Cost per frame is proportional to
 * the rows on screen, not to the trace.
 */
public final class TimelineRenderer {

    public static final double MINIMAP_HEIGHT = 36;
    public static final double AXIS_HEIGHT = 22;
    public static final double ROW_HEIGHT = 22;
    public static final double HEADER_HEIGHT = MINIMAP_HEIGHT + AXIS_HEIGHT;
    static final double CHAR_WIDTH = 6.6;
    private static final double INDENT = 12;

    private double nameWidth = 300;
    private TimelineModel minimapFor;
    private int minimapWidth = -1;
    private int[][] minimapRuns = new int[0][];

    public double nameWidth() {
        return nameWidth;
    }

    public void setNameWidth(double width) {
        nameWidth = Math.max(120, width);
    }

    /** Rows that fit below the header in {@code height} pixels. */
    public static int rowsShown(double height) {
        return Math.max(1, (int) Math.floor((height - HEADER_HEIGHT) / ROW_HEIGHT));
    }

    /** The visible-row index at {@code y}, or -1 in the header or below the last row. */
    public int visibleIndexAt(TimelineModel model, TimelineViewport viewport, double y) {
        if (y < HEADER_HEIGHT) {
            return -1;
        }
        int index = viewport.firstRow() + (int) Math.floor((y - HEADER_HEIGHT) / ROW_HEIGHT);
        return index < model.visibleCount() ? index : -1;
    }

    /** Draws one frame of {@code width} × {@code height} pixels. */
    public void render(TimelineModel model, TimelineViewport viewport, TimelinePalette p, TimelinePainter g,
            double width, double height, int selectedRow) {
        viewport.setBarWidth(width - nameWidth - 8);
        g.fillRect(0, 0, width, height, p.background());
        drawMinimap(model, viewport, p, g, width);
        drawAxis(viewport, p, g, width, height);
        drawRows(model, viewport, p, g, width, height, selectedRow);
    }

    // ~ minimap: every row, merged per pixel line and per pixel column

    private void drawMinimap(TimelineModel model, TimelineViewport viewport, TimelinePalette p, TimelinePainter g,
            double width) {
        int w = (int) Math.max(1, width - nameWidth - 8);
        if (minimapFor != model || minimapWidth != w) {
            minimapRuns = minimapRuns(model, w);
            minimapFor = model;
            minimapWidth = w;
        }
        double x0 = nameWidth;
        int lines = minimapRuns.length;
        double lineHeight = (MINIMAP_HEIGHT - 6) / Math.max(1, lines);
        for (int line = 0; line < lines; line++) {
            int[] runs = minimapRuns[line];
            for (int r = 0; r + 1 < runs.length && runs[r] >= 0; r += 2) {
                g.fillRect(x0 + runs[r], 3 + line * lineHeight, Math.max(1, runs[r + 1] - runs[r]),
                        Math.max(1, lineHeight - 0.5), p.minimapBar());
            }
        }
        // the window on screen
        double span = viewport.traceSpan() * 1.02;
        double a = x0 + Math.max(0, viewport.viewStart()) / span * w;
        double b = x0 + Math.min(span, viewport.viewStart() + viewport.viewSpan()) / span * w;
        g.fillRect(a, 0, Math.max(2, b - a), MINIMAP_HEIGHT, p.minimapWindow());
        g.text("overview", 8, 22, p.mutedText(), false);
        g.strokeLine(0, MINIMAP_HEIGHT - 0.5, width, MINIMAP_HEIGHT - 0.5, p.grid(), false);
    }

    /** Per minimap line, runs of covered pixel columns as [from, to) pairs (terminated by -1). */
    static int[][] minimapRuns(TimelineModel model, int width) {
        int n = model.rowCount();
        int lines = Math.max(1, Math.min(30, n));
        int[][] diff = new int[lines][width + 2];
        double span = model.span() * 1.02;
        for (int row = 0; row < n; row++) {
            int line = (int) ((long) row * lines / n);
            int a = (int) Math.floor(model.start(row) / span * width);
            int b = (int) Math.ceil(model.end(row) / span * width);
            a = Math.max(0, Math.min(width - 1, a));
            b = Math.max(a + 1, Math.min(width, b));
            diff[line][a]++;
            diff[line][b]--;
        }
        int[][] runs = new int[lines][];
        for (int line = 0; line < lines; line++) {
            int[] out = new int[width + 2];
            int k = 0;
            int depth = 0;
            int open = -1;
            for (int x = 0; x <= width; x++) {
                depth += diff[line][x];
                if (depth > 0 && open < 0) {
                    open = x;
                } else if (depth <= 0 && open >= 0) {
                    out[k++] = open;
                    out[k++] = x;
                    open = -1;
                }
            }
            if (k < out.length) {
                out[k] = -1;
            }
            runs[line] = java.util.Arrays.copyOf(out, Math.min(out.length, k + 1));
        }
        return runs;
    }

    // ~ axis

    private void drawAxis(TimelineViewport viewport, TimelinePalette p, TimelinePainter g, double width,
            double height) {
        double top = MINIMAP_HEIGHT;
        double step = niceStep(viewport.viewSpan() / Math.max(1, viewport.barWidth() / 90));
        double first = Math.ceil(viewport.viewStart() / step) * step;
        g.clip(nameWidth, top, width - nameWidth, height - top);
        for (double t = first; t <= viewport.viewStart() + viewport.viewSpan(); t += step) {
            double x = Math.floor(nameWidth + viewport.x(t)) + 0.5;
            g.strokeLine(x, top + AXIS_HEIGHT - 6, x, height, p.grid(), false);
            g.text(formatDuration(t, step), x + 3, top + 14, p.mutedText(), false);
        }
        g.unclip();
        g.text("name", 8, top + 15, p.mutedText(), true);
        g.strokeLine(0, HEADER_HEIGHT - 0.5, width, HEADER_HEIGHT - 0.5, p.grid(), false);
    }

    static double niceStep(double raw) {
        double pow = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (raw <= m * pow) {
                return m * pow;
            }
        }
        return 10 * pow;
    }

    // ~ rows

    private void drawRows(TimelineModel model, TimelineViewport viewport, TimelinePalette p, TimelinePainter g,
            double width, double height, int selectedRow) {
        int[] visible = model.visibleRows();
        int shown = rowsShown(height);
        int first = viewport.firstRow();
        int last = Math.min(visible.length, first + shown + 1);
        double barX = nameWidth;
        double barW = viewport.barWidth();
        boolean finding = model.hasFind();
        for (int v = first; v < last; v++) {
            int row = visible[v];
            double y = HEADER_HEIGHT + (v - first) * ROW_HEIGHT;
            if ((v & 1) == 1) {
                g.fillRect(0, y, width, ROW_HEIGHT, p.rowAlt());
            }
            if (finding && model.isMatch(row)) {
                g.fillRect(0, y, width, ROW_HEIGHT, p.match());
            }
            if (row == selectedRow) {
                g.fillRect(0, y, width, ROW_HEIGHT, p.selection());
            }
            drawName(model, p, g, row, y, finding && !model.isMatch(row));
            drawBar(model, viewport, p, g, row, y, barX, barW, finding && !model.isMatch(row));
        }
        g.strokeLine(nameWidth - 0.5, HEADER_HEIGHT, nameWidth - 0.5, height, p.grid(), false);
    }

    private void drawName(TimelineModel model, TimelinePalette p, TimelinePainter g, int row, double y,
            boolean dim) {
        double x = 6 + model.depth(row) * INDENT;
        g.clip(0, y, nameWidth - 4, ROW_HEIGHT);
        if (model.hasChildren(row)) {
            g.text(model.isCollapsed(row) ? "▸" : "▾", x, y + 15, p.mutedText(), false);
        }
        x += 12;
        boolean segment = model.isSegment(row);
        String name = model.segment(row).name() == null ? "(unnamed)" : model.segment(row).name();
        g.text(name, x, y + 15, dim ? p.mutedText() : p.text(), segment);
        x += name.length() * (segment ? 8.0 : 7.0) + 6; // generous: bold glyphs are wider than the estimate
        if (model.isColdStart(row)) {
            x = badge(g, p, "cold start", x, y);
        }
        if (model.isAsync(row)) {
            x = badge(g, p, "async", x, y);
        }
        if (segment && model.segment(row).origin() != null
                && x + model.segment(row).origin().length() * 7.0 < nameWidth - 4) {
            g.text(model.segment(row).origin(), x, y + 15, p.mutedText(), false);
        }
        g.unclip();
    }

    private static double badge(TimelinePainter g, TimelinePalette p, String text, double x, double y) {
        double w = text.length() * 5.8 + 8;
        g.fillRect(x, y + 4, w, ROW_HEIGHT - 8, p.badge());
        g.text(text, x + 4, y + 15, p.badgeText(), false);
        return x + w + 6;
    }

    private void drawBar(TimelineModel model, TimelineViewport viewport, TimelinePalette p, TimelinePainter g,
            int row, double y, double barX, double barW, boolean dim) {
        double a = viewport.x(model.start(row));
        double b = viewport.x(model.end(row));
        if (b < 0 || a > barW) {
            return; // outside the time window
        }
        g.clip(barX, y, barW + 8, ROW_HEIGHT);
        double x = barX + Math.max(-2, a);
        double w = Math.max(1, Math.min(barW + 2, b) - Math.max(-2, a));
        int color = p.bar(model.outcome(row));
        if (dim) {
            color = (color & 0x00FFFFFF) | 0x55000000;
        }
        if (model.isAsync(row) && model.parent(row) >= 0) {
            // the hop: from the caller's end (it did not wait) to this segment's start
            double from = barX + viewport.x(model.end(model.parent(row)));
            g.strokeLine(Math.min(from, x), y + ROW_HEIGHT / 2, x, y + ROW_HEIGHT / 2, p.asyncLine(), true);
        }
        g.fillRect(x, y + 5, w, ROW_HEIGHT - 10, color);
        if (model.isCritical(row)) {
            g.fillRect(x, y + ROW_HEIGHT - 5, w, 2, p.critical());
        }
        String label = formatDuration(model.end(row) - model.start(row), 0);
        double textWidth = label.length() * CHAR_WIDTH;
        if (w > textWidth + 8) {
            g.text(label, x + 4, y + 15, 0xFFFFFFFF, false);
        } else if (x + w + 4 + textWidth < barX + barW + 8) {
            g.text(label, x + w + 4, y + 15, p.mutedText(), false);
        }
        g.unclip();
    }

    /** "0.4 ms", "12.3 ms", "1.25 s": seconds as people read them; {@code step} picks the precision on the axis. */
    public static String formatDuration(double seconds, double step) {
        double ms = seconds * 1000;
        if (Math.abs(seconds) >= 1 && (step == 0 || step >= 0.1)) {
            return String.format(Locale.ROOT, step >= 1 || step == 0 ? "%.2f s" : "%.1f s", seconds);
        }
        if (step > 0 && step < 0.001) {
            return String.format(Locale.ROOT, "%.3f ms", ms);
        }
        if (Math.abs(ms) >= 100 || (step >= 0.001 && step > 0)) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, Math.abs(ms) >= 10 ? "%.1f ms" : "%.2f ms", ms);
    }
}
