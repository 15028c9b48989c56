package dev.tracedesk.explore.analytics;

import dev.tracedesk.explore.traces.TraceRow;
import java.util.List;

/**
 * What a sliced summary read brought back, with honest counts.
 *
 * @param rows               the summaries read, newest first, each trace once
 * @param processed          traces X-Ray scanned for them (TracesProcessedCount summed)
 * @param requests           GetTraceSummaries requests made so far
 * @param slices             time slices the window was cut into
 * @param complete           every slice was read through: {@code rows} is every trace in the window
 * @param estimatedTotal     traces the window is estimated to hold (each unfinished slice scaled by the share of it
 *                           its pages covered); {@code rows.size()} when complete
 * @param remainingScan      estimated traces "read all" would still scan
 * @param remainingRequests  estimated requests "read all" would still make
 */
public record SummaryRead(List<TraceRow> rows, long processed, long requests, int slices, boolean complete,
        long estimatedTotal, long remainingScan, long remainingRequests) {
    public SummaryRead {
        rows = List.copyOf(rows);
    }
}
