package dev.tracedesk.explore.load;

import java.util.Objects;

/**
 * What to run: a smoke run, or a performance run of {@code requests} with {@code concurrency} clients paced to
 * {@code ratePerSecond} overall (0 = as fast as they go). {@code label} names the run in the side-by-side view.
 */
public record RunPlan(RunKind kind, int requests, int concurrency, double ratePerSecond, String label) {

    public static final int MAX_REQUESTS = 100_000;
    public static final int MAX_CONCURRENCY = 256;

    public RunPlan {
        Objects.requireNonNull(kind, "kind");
        label = label == null ? "" : label.strip();
        if (kind == RunKind.PERFORMANCE) {
            if (requests < 1 || requests > MAX_REQUESTS) {
                throw new IllegalArgumentException("requests must be 1 to " + MAX_REQUESTS + ", got " + requests);
            }
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                throw new IllegalArgumentException("concurrency must be 1 to " + MAX_CONCURRENCY + ", got " + concurrency);
            }
            if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("rate must be 0 (as fast as possible) or more requests per second");
            }
        }
    }

    public static RunPlan smoke(String label) {
        return new RunPlan(RunKind.SMOKE, 0, 1, 0, label);
    }

    public static RunPlan performance(int requests, int concurrency, double ratePerSecond, String label) {
        return new RunPlan(RunKind.PERFORMANCE, requests, concurrency, ratePerSecond, label);
    }

    public RunPlan withLabel(String newLabel) {
        return new RunPlan(kind, requests, concurrency, ratePerSecond, newLabel);
    }
}
