package dev.tracedesk.explore.access;

import java.time.Instant;

/** A connection used lately: profile ({@link Profile#SANDBOX_NAME} for the sandbox) and region, never secrets. */
public record RecentConnection(String profile, String region, Instant lastUsed) {
}
