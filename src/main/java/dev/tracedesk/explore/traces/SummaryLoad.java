package dev.tracedesk.explore.traces;

import java.util.List;

/**
 * What a summary load brought back.
 *
 * @param processed traces the service scanned in the window (TracesProcessedCount summed over pages)
 * @param complete  every page of every slice was read
 * @param capped    stopped at the row limit while the window holds more (never silent: the list says so)
 * @param cached    answered from the cache without a request
 */
public record SummaryLoad(List<TraceRow> rows, long processed, boolean complete, boolean capped, boolean cached) {
    public SummaryLoad {
        rows = List.copyOf(rows);
    }
}
