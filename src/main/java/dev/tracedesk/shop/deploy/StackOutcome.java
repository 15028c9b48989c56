package dev.tracedesk.shop.deploy;

import java.util.List;
import java.util.Map;

/**
 * How a stack operation ended.
 *
 * @param unchanged nothing to do: an update without changes, or deleting a stack that does not exist
 * @param failures  the operation's failed events (their reasons say what to fix), oldest first
 */
public record StackOutcome(String stackName, String stackId, String status, boolean unchanged,
                           Map<String, String> outputs, List<StackEventRecord> failures, String statusReason) {
    public StackOutcome {
        outputs = Map.copyOf(outputs);
        failures = List.copyOf(failures);
        statusReason = statusReason == null ? "" : statusReason;
    }

    public boolean succeeded() {
        return unchanged || status.endsWith("_COMPLETE") && !status.contains("ROLLBACK");
    }
}
