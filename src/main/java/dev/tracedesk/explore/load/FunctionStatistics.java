package dev.tracedesk.explore.load;

/**
 * One function's Lambda {@code REPORT} lines in a run's window: invocations, cold starts (reports with an Init
 * Duration), timeouts, durations (ms), memory used (MB) and init durations (ms).
 */
public record FunctionStatistics(String function, int invocations, int coldStarts, int timeouts, double minMs,
        double avgMs, double p50Ms, double p95Ms, double maxMs, double avgMemoryMb, int maxMemoryMb, double avgInitMs,
        double maxInitMs) {

    public static FunctionStatistics none(String function) {
        return new FunctionStatistics(function, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
