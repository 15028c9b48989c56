package dev.tracedesk.explore.traces;

import java.util.List;

/**
 * One page of GetTraceSummaries.
 *
 * @param processed TracesProcessedCount: traces scanned for this page, matching or not
 * @param nextToken null on the last page
 */
public record SummaryPage(List<TraceRow> rows, long processed, String nextToken) {
    public SummaryPage {
        rows = List.copyOf(rows);
    }
}
