package dev.tracedesk.explore.traces;

import java.time.Instant;
import java.util.List;

/**
 * One page of GetTraceSummaries.
 *
 * @param processed       TracesProcessedCount: traces scanned for this page, matching or not
 * @param nextToken       null on the last page
 * @param approximateTime ApproximateTime: how far back (pages go newest first) the scan has come; null when the
 *                        service did not say
 */
public record SummaryPage(List<TraceRow> rows, long processed, String nextToken, Instant approximateTime) {
    public SummaryPage {
        rows = List.copyOf(rows);
    }

    public SummaryPage(List<TraceRow> rows, long processed, String nextToken) {
        this(rows, processed, nextToken, null);
    }
}
