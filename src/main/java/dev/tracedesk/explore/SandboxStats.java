package dev.tracedesk.explore;

/**
 * The sandbox daemon's counters, for the status bar.
 *
 * @param received documents that arrived (UDP and PutTraceSegments)
 * @param stored   documents committed to the database
 * @param rejected documents refused (malformed, too large, ...)
 * @param traces   traces in the index
 */
public record SandboxStats(long received, long stored, long rejected, long traces) {
}
