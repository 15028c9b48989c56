package dev.tracedesk.explore.load;

import java.util.Map;

/**
 * What the load generator saw of a performance run: answers per HTTP status, requests that got no answer, wall time
 * and latency figures in milliseconds.
 */
public record ClientLatency(int completed, Map<Integer, Integer> statuses, int transportErrors, long wallMillis,
        double minMs, double avgMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    public ClientLatency {
        statuses = Map.copyOf(statuses);
    }

    /** Requests per second over the run's wall time. */
    public double throughput() {
        return wallMillis <= 0 ? 0 : completed * 1000.0 / wallMillis;
    }

    /** Answers with a 5xx status plus requests that got none. */
    public int failures() {
        int failed = transportErrors;
        for (Map.Entry<Integer, Integer> e : statuses.entrySet()) {
            if (e.getKey() >= 500) {
                failed += e.getValue();
            }
        }
        return failed;
    }
}
