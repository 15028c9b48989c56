package dev.tracedesk.explore.traces;

import dev.tracedesk.explore.logs.LogsSource;
import java.util.Optional;

/** What the traces and trace screens read from: the current connection's sources. */
public interface TracesBackend {
    /** Names the connection (profile and region, or the sandbox endpoint) for caches. */
    String connectionKey();

    TraceSummarySource summaries();

    TraceSource traces();

    LogsSource logs();

    /** The AWS region when connected to AWS (so console links make sense); empty on the sandbox. */
    Optional<String> awsRegion();

    /** Whether this is the local sandbox, where reading every trace costs nothing (no budget, no cap). */
    default boolean isSandbox() {
        return awsRegion().isEmpty();
    }
}
