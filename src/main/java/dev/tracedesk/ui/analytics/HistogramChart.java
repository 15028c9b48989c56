package dev.tracedesk.ui.analytics;

import dev.tracedesk.explore.analytics.Brush;
import dev.tracedesk.explore.analytics.Histogram;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * The response-time (or duration) distribution on a log axis: all traces per bucket, the selected ones over them in
 * the accent colour, and the brush. Dragging brushes; a drag that ends at the right edge means "to the maximum".
 */
public final class HistogramChart extends ChartCanvas {
    private final AnalyticsViewModel model;

    public HistogramChart(AnalyticsViewModel model) {
        super("analytics-histogram");
        this.model = model;
        setId("histogramChart");
        model.histogramProperty().addListener((obs, o, n) -> paint());
        model.selectedCountsProperty().addListener((obs, o, n) -> paint());
        model.brushProperty().addListener((obs, o, n) -> paint());
    }

    public AnalyticsViewModel model() {
        return model;
    }

    /** The x pixel of a value (seconds) on the log axis. */
    public double xOf(double seconds) {
        Histogram h = model.histogramProperty().get();
        if (h == null) {
            return plotLeft();
        }
        double lo = Math.log(h.edge(0)), hi = Math.log(h.edge(h.buckets()));
        double t = (Math.log(Math.max(seconds, h.edge(0))) - lo) / (hi - lo);
        return plotLeft() + Math.max(0, Math.min(1, t)) * plotWidth();
    }

    /** The value (seconds) at an x pixel. */
    public double valueAt(double x) {
        Histogram h = model.histogramProperty().get();
        double lo = Math.log(h.edge(0)), hi = Math.log(h.edge(h.buckets()));
        return Math.exp(lo + (x - plotLeft()) / plotWidth() * (hi - lo));
    }

    @Override
    void brushed(double from, double to) {
        if (model.histogramProperty().get() == null) {
            return;
        }
        double high = to >= plotRight() - 2 ? Double.POSITIVE_INFINITY : valueAt(to);
        model.brush(valueAt(from), high);
    }

    @Override
    void cleared() {
        model.clearBrush();
    }

    @Override
    double[] brushPixels() {
        Brush b = model.getBrush();
        if (b == null || model.histogramProperty().get() == null || (b.low() <= 0 && Double.isInfinite(b.high()))) {
            return null;
        }
        return new double[] {xOf(b.low()), Double.isInfinite(b.high()) ? plotRight() : xOf(b.high())};
    }

    @Override
    void paintPlot(GraphicsContext g, ChartPalette p) {
        Histogram h = model.histogramProperty().get();
        if (h == null || h.maxCount() == 0) {
            return;
        }
        int[] sel = model.selectedCountsProperty().get();
        double plotH = plotBottom() - PAD_TOP;
        int max = h.maxCount();
        for (int k = 0; k < h.buckets(); k++) {
            double x0 = xOf(h.edge(k)), x1 = xOf(h.edge(k + 1));
            double bw = Math.max(1, x1 - x0 - 1);
            if (h.count(k) > 0) {
                double bh = Math.max(2, plotH * h.count(k) / max);
                g.setFill(p.baseline());
                g.fillRect(x0 + 0.5, plotBottom() - bh, bw, bh);
            }
            if (sel.length == h.buckets() && sel[k] > 0) {
                double bh = Math.max(2, plotH * sel[k] / max);
                g.setFill(p.selected());
                g.fillRect(x0 + 0.5, plotBottom() - bh, bw, bh);
            }
        }
        paintCountAxis(g, p, max);
        // Ticks at 1-2-5 steps that fall inside the axis.
        g.setFill(p.text());
        g.setStroke(p.grid());
        double lastLabelEnd = -1;
        for (int exp = -3; exp <= 4; exp++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, exp);
                if (v < h.edge(0) || v > h.edge(h.buckets())) {
                    continue;
                }
                double x = xOf(v);
                g.strokeLine(x + 0.5, plotBottom(), x + 0.5, plotBottom() + 4);
                if (x - 20 > lastLabelEnd) {
                    g.setTextAlign(TextAlignment.CENTER);
                    g.fillText(Format.seconds(v), x, plotBottom() + 5);
                    lastLabelEnd = x + 20;
                }
            }
        }
    }
}
