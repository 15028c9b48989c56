package dev.tracedesk.ui.traces;

/**
 * The figures of one group of traces: response times in seconds (average, nearest-rank p50 and p95, maximum) and
 * the shares (0..1) of traces with a fault and with an error.
 */
public record TraceGroup(String key, int count, double average, double p50, double p95, double max,
        double faultShare, double errorShare) {
}
