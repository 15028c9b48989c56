package dev.tracedesk.explore.access;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure, translated for the user.
 *
 * @param userMessage       one or two sentences saying what happened and what to do
 * @param missingPermission for ACCESS_DENIED, the IAM action AWS reported (e.g. {@code xray:GetTraceSummaries})
 * @param detail            the original error text, for a tooltip and the log; never holds secrets
 */
public record Problem(ProblemKind kind, String userMessage, Optional<String> missingPermission, String detail) {
    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(userMessage, "userMessage");
        Objects.requireNonNull(missingPermission, "missingPermission");
        detail = detail == null ? "" : detail;
    }

    public static Problem of(ProblemKind kind, String userMessage) {
        return new Problem(kind, userMessage, Optional.empty(), "");
    }

    public boolean isSessionExpired() {
        return kind.isSessionExpired();
    }
}
