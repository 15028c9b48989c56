package dev.tracedesk.ui.stack;

import java.util.Objects;

/**
 * The Stack screen: the shop stack on the current connection. It holds one model per part of the screen (switches,
 * load tests); they do not know each other, except through the tracing-cost sequence, which drives both.
 */
public final class StackViewModel {

    private final TracingViewModel tracing;
    private final LoadTestsViewModel loadTests;
    private final TracingCost tracingCost;

    public StackViewModel(TracingViewModel tracing, LoadTestsViewModel loadTests, TracingCost tracingCost) {
        this.tracing = Objects.requireNonNull(tracing);
        this.loadTests = Objects.requireNonNull(loadTests);
        this.tracingCost = Objects.requireNonNull(tracingCost);
    }

    public TracingCost tracingCost() {
        return tracingCost;
    }

    public TracingViewModel tracing() {
        return tracing;
    }

    public LoadTestsViewModel loadTests() {
        return loadTests;
    }

    /** The screen was loaded: read the stack and find the shop. */
    public void activate() {
        tracing.reload();
        loadTests.locate();
    }
}
