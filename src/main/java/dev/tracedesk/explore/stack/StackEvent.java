package dev.tracedesk.explore.stack;

import java.time.Instant;
import java.util.Objects;

/**
 * One CloudFormation stack event (DescribeStackEvents), oldest first in a deployment's progress.
 *
 * @param reason {@code ResourceStatusReason}, empty when CloudFormation gave none
 */
public record StackEvent(String eventId, Instant timestamp, String logicalId, String resourceType, String status,
                         String reason) {
    public StackEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(timestamp, "timestamp");
        logicalId = logicalId == null ? "" : logicalId;
        resourceType = resourceType == null ? "" : resourceType;
        status = status == null ? "" : status;
        reason = reason == null ? "" : reason;
    }

    public boolean isFailure() {
        return status.endsWith("_FAILED");
    }

    /** One line: {@code 05:12:03  CREATE_COMPLETE  AcceptFunction (AWS::Lambda::Function)  reason}. */
    public String line() {
        return String.format("%tT  %-20s %s (%s)%s", java.util.Date.from(timestamp), status, logicalId, resourceType,
                reason.isEmpty() ? "" : "  " + reason);
    }
}
