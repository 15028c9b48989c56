package dev.tracedesk.explore.stack;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a deployment (or deletion) ended.
 *
 * @param status    the stack's final status (CREATE_COMPLETE, UPDATE_COMPLETE, DELETE_COMPLETE, ROLLBACK_COMPLETE...)
 * @param unchanged an update found nothing to change ("No updates are to be performed")
 * @param outputs   the stack's outputs by key (InvokeUrl, RestApiId, function names)
 * @param failures  the failed events' reasons, oldest first (what to fix when it rolled back)
 */
public record DeployResult(String stackName, String status, boolean unchanged, Map<String, String> outputs,
                           List<StackEvent> failures) {
    public DeployResult {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(status, "status");
        outputs = Map.copyOf(outputs);
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return status.endsWith("_COMPLETE") && !status.contains("ROLLBACK") && failures.isEmpty()
                || unchanged;
    }

    public Optional<String> invokeUrl() {
        return Optional.ofNullable(outputs.get("InvokeUrl"));
    }
}
