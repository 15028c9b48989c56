package dev.tracedesk.ui.trace;

/**
 * What part of a timeline is on screen: a time window (seconds after the trace start) across the bar area and the
 * first visible row. Maps time to pixels and back; zoom and pan keep the window inside the trace (with a margin).
 * Plain model; the canvas reads it on every frame.
 */
public final class TimelineViewport {

    /** Narrowest window: 1 µs, so a zoom never divides by zero. */
    static final double MIN_SPAN = 1e-6;

    private double traceSpan = 1;
    private double viewStart;
    private double viewSpan = 1;
    private double barWidth = 1;
    private int firstRow;

    /** Shows the whole trace of {@code span} seconds, with 2 % air on the right for labels. */
    public void reset(double span) {
        traceSpan = Math.max(span, MIN_SPAN);
        viewStart = 0;
        viewSpan = traceSpan * 1.02;
        firstRow = 0;
    }

    public void setBarWidth(double pixels) {
        barWidth = Math.max(1, pixels);
    }

    public double barWidth() {
        return barWidth;
    }

    public double viewStart() {
        return viewStart;
    }

    public double viewSpan() {
        return viewSpan;
    }

    public double traceSpan() {
        return traceSpan;
    }

    public double secondsPerPixel() {
        return viewSpan / barWidth;
    }

    /** Pixel offset inside the bar area of time {@code t}. */
    public double x(double t) {
        return (t - viewStart) / viewSpan * barWidth;
    }

    public double time(double x) {
        return viewStart + x / barWidth * viewSpan;
    }

    /** Zooms by {@code factor} (&lt;1 in, &gt;1 out) keeping time under {@code anchorX} fixed. */
    public void zoom(double factor, double anchorX) {
        double anchor = time(anchorX);
        double span = clamp(viewSpan * factor, MIN_SPAN, traceSpan * 1.5);
        viewStart = anchor - (anchorX / barWidth) * span;
        viewSpan = span;
        clampStart();
    }

    /** Shows exactly [from, to] (a dragged range). */
    public void zoomTo(double from, double to) {
        double a = Math.min(from, to);
        double b = Math.max(from, to);
        viewSpan = clamp(b - a, MIN_SPAN, traceSpan * 1.5);
        viewStart = a;
        clampStart();
    }

    /** Moves the window by {@code pixels} (positive: later). */
    public void pan(double pixels) {
        viewStart += pixels * secondsPerPixel();
        clampStart();
    }

    public void setViewStart(double start) {
        viewStart = start;
        clampStart();
    }

    private void clampStart() {
        double margin = viewSpan * 0.25;
        viewStart = clamp(viewStart, -margin, Math.max(-margin, traceSpan + margin - viewSpan));
    }

    public int firstRow() {
        return firstRow;
    }

    public void setFirstRow(int row, int rowCount, int rowsShown) {
        firstRow = Math.max(0, Math.min(row, Math.max(0, rowCount - rowsShown)));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
