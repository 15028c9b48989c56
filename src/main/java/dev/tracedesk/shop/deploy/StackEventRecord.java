package dev.tracedesk.shop.deploy;

import java.time.Instant;

/** One CloudFormation stack event (DescribeStackEvents). */
public record StackEventRecord(String eventId, Instant timestamp, String logicalId, String resourceType, String status,
                               String reason) {
    public boolean isFailure() {
        return status != null && status.endsWith("_FAILED");
    }
}
