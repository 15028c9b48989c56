package dev.tracedesk.ui.analytics;

import dev.tracedesk.explore.analytics.Brush;
import dev.tracedesk.explore.analytics.TimeSeries;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** Traces per interval of the window, the selected ones over them; dragging a time range narrows the selection. */
public final class TimeSeriesChart extends ChartCanvas {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private final AnalyticsViewModel model;
    private ZoneId zone = ZoneId.systemDefault();

    public TimeSeriesChart(AnalyticsViewModel model) {
        super("analytics-series");
        this.model = model;
        setId("seriesChart");
        model.seriesProperty().addListener((obs, o, n) -> paint());
        model.brushProperty().addListener((obs, o, n) -> paint());
    }

    void setZone(ZoneId zone) {
        this.zone = zone;
        paint();
    }

    public double xOf(long millis) {
        TimeSeries s = model.seriesProperty().get();
        if (s == null) {
            return plotLeft();
        }
        double t = (double) (millis - s.fromMillis()) / (s.toMillis() - s.fromMillis());
        return plotLeft() + Math.max(0, Math.min(1, t)) * plotWidth();
    }

    long millisAt(double x) {
        TimeSeries s = model.seriesProperty().get();
        return s.fromMillis() + Math.round((x - plotLeft()) / plotWidth() * (s.toMillis() - s.fromMillis()));
    }

    @Override
    void brushed(double from, double to) {
        if (model.seriesProperty().get() != null) {
            model.brushTime(millisAt(from), millisAt(to));
        }
    }

    @Override
    void cleared() {
        model.clearTimeBrush();
    }

    @Override
    double[] brushPixels() {
        Brush b = model.getBrush();
        if (b == null || !b.hasTimeRange() || model.seriesProperty().get() == null) {
            return null;
        }
        return new double[] {xOf(b.fromMillis()), xOf(b.toMillis())};
    }

    @Override
    void paintPlot(GraphicsContext g, ChartPalette p) {
        TimeSeries s = model.seriesProperty().get();
        if (s == null) {
            return;
        }
        int max = Math.max(1, s.maxCount());
        double plotH = plotBottom() - PAD_TOP;
        double bw = plotWidth() / s.buckets();
        for (int k = 0; k < s.buckets(); k++) {
            double x = plotLeft() + k * bw;
            if (s.counts()[k] > 0) {
                double bh = Math.max(2, plotH * s.counts()[k] / max);
                g.setFill(p.baseline());
                g.fillRect(x + 0.5, plotBottom() - bh, Math.max(1, bw - 1), bh);
            }
            if (s.selected()[k] > 0) {
                double bh = Math.max(3, plotH * s.selected()[k] / max);
                g.setFill(p.selected());
                g.fillRect(x + 0.5, plotBottom() - bh, Math.max(2, bw - 1), bh);
            }
        }
        paintCountAxis(g, p, max);
        g.setFill(p.text());
        g.setStroke(p.grid());
        int ticks = 6;
        for (int t = 0; t <= ticks; t++) {
            long ms = s.fromMillis() + (s.toMillis() - s.fromMillis()) * t / ticks;
            double x = xOf(ms);
            g.strokeLine(x + 0.5, plotBottom(), x + 0.5, plotBottom() + 4);
            g.setTextAlign(t == 0 ? TextAlignment.LEFT : t == ticks ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(HM.format(Instant.ofEpochMilli(ms).atZone(zone)), x, plotBottom() + 5);
        }
    }
}
