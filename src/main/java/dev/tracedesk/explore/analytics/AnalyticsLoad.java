package dev.tracedesk.explore.analytics;

/**
 * What a load brought back, with honest counts.
 *
 * @param processed      traces the service scanned (TracesProcessedCount summed)
 * @param capped         the summary budget was reached before the window was read through: a subset (the newest
 *                       traces) is shown
 * @param estimatedTotal when capped, the traces the window is estimated to hold (the rows read, scaled by the share
 *                       of the window they cover); otherwise the rows read
 * @param detailsRead    traces whose documents were read for cold start, functions and root cause
 */
public record AnalyticsLoad(AnalyticsData data, long processed, boolean capped, long estimatedTotal,
        int detailsRead) {
}
