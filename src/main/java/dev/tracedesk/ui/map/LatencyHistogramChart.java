package dev.tracedesk.ui.map;

import dev.tracedesk.xray.graph.Histogram;
import dev.tracedesk.xray.graph.HistogramEntry;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A response-time distribution on a log time axis (1 ms … 10 s decades), drawn on a canvas, with a brush: drag
 * across it to pick a latency range, click without dragging to clear it. The range goes out through
 * {@link #setOnBrush}; a range that reaches the right end is open-ended (high = NaN).
 */
public final class LatencyHistogramChart extends Region {
    private static final int BINS = 40;
    private static final double PAD_LEFT = 8;
    private static final double PAD_RIGHT = 8;
    private static final double PAD_TOP = 8;
    private static final double AXIS = 18;

    private final Canvas canvas = new Canvas();
    private final Label themeProbe = new Label();
    private Histogram histogram = new Histogram();
    private double logMin;
    private double logMax;
    private double brushFrom = Double.NaN; // pixels while dragging; recomputed from the range otherwise
    private double brushTo = Double.NaN;
    private ServiceMapViewModel.LatencyRange shown;
    private double pressX;
    private Consumer<ServiceMapViewModel.LatencyRange> onBrush = r -> { };

    public LatencyHistogramChart() {
        getStyleClass().add("latency-histogram");
        themeProbe.getStyleClass().add("service-map-theme");
        themeProbe.setManaged(false);
        themeProbe.setVisible(false);
        getChildren().addAll(canvas, themeProbe);
        setMinHeight(110);
        setPrefHeight(130);
        setOnMousePressed(e -> pressX = e.getX());
        themeProbe.textFillProperty().addListener((obs, o, n) -> paint());
        setOnMouseDragged(this::onDrag);
        setOnMouseReleased(this::onRelease);
    }

    public void setOnBrush(Consumer<ServiceMapViewModel.LatencyRange> handler) {
        this.onBrush = handler;
    }

    /** Shows a histogram and drops the brush. */
    public void setHistogram(Histogram h) {
        histogram = h == null ? new Histogram() : h;
        List<HistogramEntry> entries = histogram.entries();
        double min = entries.isEmpty() ? 0.001 : Math.max(0.0005, entries.get(0).value());
        double max = entries.isEmpty() ? 1 : Math.max(min * 10, entries.get(entries.size() - 1).value());
        logMin = Math.floor(Math.log10(min));
        logMax = Math.ceil(Math.log10(max * 1.0001));
        if (logMax - logMin < 1) {
            logMax = logMin + 1;
        }
        shown = null;
        brushFrom = brushTo = Double.NaN;
        paint();
    }

    /** Sets the brush from the model (null clears it) without calling the handler. */
    public void showBrush(ServiceMapViewModel.LatencyRange range) {
        shown = range;
        placeBrush();
        paint();
    }

    private void placeBrush() {
        if (shown == null) {
            brushFrom = brushTo = Double.NaN;
        } else {
            brushFrom = Double.isNaN(shown.low()) || shown.low() <= 0 ? PAD_LEFT : clampX(xOf(shown.low()));
            brushTo = Double.isNaN(shown.high()) ? getWidth() - PAD_RIGHT : clampX(xOf(shown.high()));
        }
    }

    /** Brushes the range between two latencies (seconds), as a drag would. */
    public void brush(double lowSeconds, double highSeconds) {
        brushFrom = xOf(lowSeconds);
        brushTo = xOf(highSeconds);
        emit();
        paint();
    }

    /** The x (local) of a latency on the log axis. */
    public double xOf(double seconds) {
        double t = (Math.log10(Math.max(seconds, 1e-6)) - logMin) / (logMax - logMin);
        return PAD_LEFT + t * (getWidth() - PAD_LEFT - PAD_RIGHT);
    }

    double secondsAt(double x) {
        double t = (x - PAD_LEFT) / Math.max(1, getWidth() - PAD_LEFT - PAD_RIGHT);
        return Math.pow(10, logMin + t * (logMax - logMin));
    }

    private void onDrag(MouseEvent e) {
        brushFrom = clampX(Math.min(pressX, e.getX()));
        brushTo = clampX(Math.max(pressX, e.getX()));
        paint();
    }

    private void onRelease(MouseEvent e) {
        if (Math.abs(e.getX() - pressX) < 3) {
            brushFrom = brushTo = Double.NaN;
            onBrush.accept(null);
        } else {
            onDrag(e);
            emit();
        }
        paint();
    }

    private void emit() {
        if (Double.isNaN(brushFrom)) {
            onBrush.accept(null);
            return;
        }
        double low = brushFrom <= PAD_LEFT + 1 ? Double.NaN : secondsAt(brushFrom);
        double high = brushTo >= getWidth() - PAD_RIGHT - 1 ? Double.NaN : secondsAt(brushTo);
        onBrush.accept(new ServiceMapViewModel.LatencyRange(low, high));
    }

    private double clampX(double x) {
        return Math.max(PAD_LEFT, Math.min(getWidth() - PAD_RIGHT, x));
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            placeBrush();
            paint();
        }
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        boolean dark = themeProbe.getTextFill() instanceof Color c && c.getBrightness() > 0.6;
        MapPalette p = dark ? MapPalette.DARK : MapPalette.LIGHT;
        g.setFill(p.surface());
        g.fillRect(0, 0, w, h);
        if (w <= PAD_LEFT + PAD_RIGHT) {
            return;
        }
        double plotH = h - PAD_TOP - AXIS;
        long[] bins = new long[BINS];
        long maxBin = 0;
        for (HistogramEntry e : histogram.entries()) {
            double t = (Math.log10(Math.max(e.value(), 1e-6)) - logMin) / (logMax - logMin);
            int b = Math.max(0, Math.min(BINS - 1, (int) (t * BINS)));
            bins[b] += e.count();
            maxBin = Math.max(maxBin, bins[b]);
        }
        double bw = (w - PAD_LEFT - PAD_RIGHT) / BINS;
        g.setFill(p.accent().deriveColor(0, 1, 1, 0.75));
        for (int b = 0; b < BINS; b++) {
            if (bins[b] == 0) {
                continue;
            }
            double bh = Math.max(2, plotH * Math.sqrt((double) bins[b] / maxBin)); // sqrt keeps rare slow calls visible
            g.fillRect(PAD_LEFT + b * bw + 0.5, PAD_TOP + plotH - bh, Math.max(1, bw - 1), bh);
        }
        g.setStroke(p.muted());
        g.setLineWidth(1);
        g.strokeLine(PAD_LEFT, PAD_TOP + plotH + 0.5, w - PAD_RIGHT, PAD_TOP + plotH + 0.5);
        g.setFill(p.muted());
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.TOP);
        for (int d = (int) logMin; d <= (int) logMax; d++) {
            double x = PAD_LEFT + (d - logMin) / (logMax - logMin) * (w - PAD_LEFT - PAD_RIGHT);
            g.strokeLine(x, PAD_TOP + plotH, x, PAD_TOP + plotH + 4);
            g.setTextAlign(d == (int) logMin ? TextAlignment.LEFT : d == (int) logMax ? TextAlignment.RIGHT
                    : TextAlignment.CENTER);
            g.fillText(MapFormat.latency(Math.pow(10, d)), x, PAD_TOP + plotH + 5);
        }
        if (!Double.isNaN(brushFrom)) {
            g.setFill(p.accent().deriveColor(0, 1, 1, 0.18));
            g.fillRect(brushFrom, PAD_TOP, brushTo - brushFrom, plotH);
            g.setStroke(p.accent());
            g.strokeLine(brushFrom + 0.5, PAD_TOP, brushFrom + 0.5, PAD_TOP + plotH);
            g.strokeLine(brushTo - 0.5, PAD_TOP, brushTo - 0.5, PAD_TOP + plotH);
        }
    }
}
