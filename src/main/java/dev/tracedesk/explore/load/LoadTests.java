package dev.tracedesk.explore.load;

/**
 * Load tests of the shop stack on the current connection, as the Stack screen asks for them. The app implements it
 * over the shop's load generator and reads the REPORT lines through the session's CloudWatch Logs client. Blocking:
 * call off the FX thread.
 */
public interface LoadTests {

    /** Where the shop answers now; throws {@link ShopNotFoundException} with the reason when there is none. */
    ShopTarget locate() throws ShopNotFoundException;

    /**
     * Runs {@code plan} against the shop, then reads each function's REPORT lines of the run's window until their
     * counts stop changing (asynchronous hops finish after the last answer).
     */
    RunResult run(RunPlan plan, RunProgress progress) throws ShopNotFoundException, InterruptedException;
}
