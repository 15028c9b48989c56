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
    private final DeployViewModel deploy;

    public StackViewModel(TracingViewModel tracing, LoadTestsViewModel loadTests, TracingCost tracingCost,
            DeployViewModel deploy) {
        this.tracing = Objects.requireNonNull(tracing);
        this.loadTests = Objects.requireNonNull(loadTests);
        this.tracingCost = Objects.requireNonNull(tracingCost);
        this.deploy = Objects.requireNonNull(deploy);
    }

    public DeployViewModel deploy() {
        return deploy;
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
        deploy.refresh();
    }

    /** A deployment or deletion finished: the switches and the load tests' target read the stack again. */
    public void stackChanged() {
        tracing.reload();
        loadTests.locate();
    }
}
