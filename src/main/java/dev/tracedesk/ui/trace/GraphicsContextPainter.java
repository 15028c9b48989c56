package dev.tracedesk.ui.trace;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** Draws timeline frames into a Canvas's {@link GraphicsContext}; lines snapped to n + 0.5 stay crisp. */
public final class GraphicsContextPainter implements TimelinePainter {
    private static final Font REGULAR = Font.font("System", 12);
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 12);
    private final GraphicsContext g;
    private final java.util.HashMap<Integer, Color> colors = new java.util.HashMap<>();
    private int depth;

    public GraphicsContextPainter(GraphicsContext g) {
        this.g = g;
    }

    private Color color(int argb) {
        return colors.computeIfAbsent(argb, c -> Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF,
                ((c >>> 24) & 0xFF) / 255.0));
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        g.setFill(color(argb));
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2, int argb, boolean dashed) {
        g.setStroke(color(argb));
        g.setLineWidth(1);
        if (dashed) {
            g.setLineDashes(3, 3);
        }
        g.strokeLine(x1, y1, x2, y2);
        if (dashed) {
            g.setLineDashes((double[]) null);
        }
    }

    @Override
    public void text(String text, double x, double y, int argb, boolean bold) {
        g.setFont(bold ? BOLD : REGULAR);
        g.setFill(color(argb));
        g.fillText(text, x, y);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.save();
        depth++;
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
    }

    @Override
    public void unclip() {
        if (depth > 0) {
            depth--;
            g.restore();
        }
    }
}
