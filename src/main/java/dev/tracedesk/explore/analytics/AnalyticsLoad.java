package dev.tracedesk.explore.analytics;

/**
 * What a load brought back, with honest counts.
 *
 * @param processed         traces the service scanned (TracesProcessedCount summed)
 * @param capped            the read budget was spent before the window was read through: a subset is shown (the
 *                          newest traces of each time slice)
 * @param estimatedTotal    traces the window is estimated to hold (see {@link SummaryRead}); the rows read when
 *                          not capped
 * @param detailsRead       traces whose documents were read for cold start, functions and root cause
 * @param requests          GetTraceSummaries requests made for the rows (all reads of the window so far)
 * @param slices            time slices the window was read in
 * @param remainingScan     when capped, about how many more traces "read all" scans
 * @param remainingRequests when capped, about how many more requests "read all" makes
 */
public record AnalyticsLoad(AnalyticsData data, long processed, boolean capped, long estimatedTotal,
        int detailsRead, long requests, int slices, long remainingScan, long remainingRequests) {

    /** A load that read the whole window (tests and sets built in memory). */
    public AnalyticsLoad(AnalyticsData data, long processed, boolean capped, long estimatedTotal, int detailsRead) {
        this(data, processed, capped, estimatedTotal, detailsRead, 0, 1, 0, 0);
    }
}
