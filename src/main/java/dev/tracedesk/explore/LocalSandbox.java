package dev.tracedesk.explore;

import java.io.IOException;
import java.util.Optional;

/**
 * The built-in local X-Ray as the GUI sees it: something that makes sure it runs and reports its counters. The app
 * implements it with the sandbox facade (the UI never reaches into the sandbox itself). Blocking: call off the FX
 * thread.
 */
public interface LocalSandbox {
    /**
     * Starts the sandbox in this process (port 2000 when free, else a free port) or attaches to one already serving
     * on 2000, and returns the port its API and UDP daemon listen on.
     */
    int ensureRunning() throws IOException;

    /** The current counters, or empty when it is not running or does not answer. */
    Optional<SandboxStats> stats();
}
