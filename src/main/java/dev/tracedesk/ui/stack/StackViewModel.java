package dev.tracedesk.ui.stack;

import java.util.Objects;

/**
 * The Stack screen: the shop stack on the current connection. It holds one model per part of the screen (the load
 * tests now); the parts do not know each other, except that the tracing-cost sequence drives switches and runs.
 */
public final class StackViewModel {

    private final LoadTestsViewModel loadTests;

    public StackViewModel(LoadTestsViewModel loadTests) {
        this.loadTests = Objects.requireNonNull(loadTests);
    }

    public LoadTestsViewModel loadTests() {
        return loadTests;
    }

    /** The screen became visible for the first time: find the shop. */
    public void activate() {
        loadTests.locate();
    }
}
