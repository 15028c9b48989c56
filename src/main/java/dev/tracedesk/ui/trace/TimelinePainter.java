package dev.tracedesk.ui.trace;

/**
 * Where the timeline renderer draws: a Canvas's GraphicsContext on screen, a counter in the benchmark. Colours are
 * 0xAARRGGBB.
 */
public interface TimelinePainter {
    void fillRect(double x, double y, double w, double h, int argb);

    void strokeLine(double x1, double y1, double x2, double y2, int argb, boolean dashed);

    void text(String text, double x, double y, int argb, boolean bold);

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();
}
