package dev.tracedesk.explore.stack;

import java.util.Objects;
import java.util.Optional;

/**
 * A Lambda function's configuration as read back from GetFunctionConfiguration.
 *
 * @param lastModified     as Lambda reports it (ISO-8601 with offset, e.g. {@code 2026-11-28T05:12:01.123+0000})
 * @param lastUpdateStatus Successful / InProgress / Failed, empty when the service does not report it
 */
public record StackFunction(String name, String arn, String runtime, String handler, int memoryMb, int timeoutSeconds,
                            TracingMode tracing, String role, String lastModified, Optional<String> lastUpdateStatus) {
    public StackFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tracing, "tracing");
        Objects.requireNonNull(lastUpdateStatus, "lastUpdateStatus");
        arn = arn == null ? "" : arn;
        runtime = runtime == null ? "" : runtime;
        handler = handler == null ? "" : handler;
        role = role == null ? "" : role;
        lastModified = lastModified == null ? "" : lastModified;
    }

    public boolean isActive() {
        return tracing == TracingMode.ACTIVE;
    }
}
