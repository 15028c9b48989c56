package dev.tracedesk.shop.lambda;

/** Where a function's subsegment documents go: the X-Ray daemon Lambda runs beside the function. */
public interface SegmentSender {
    /** Sends one segment or independent-subsegment document (JSON, without the daemon header). */
    void send(String document);
}
