package dev.tracedesk.aws;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure, translated for the user.
 *
 * @param userMessage       one or two sentences saying what happened and what to do
 * @param missingPermission for ACCESS_DENIED, the IAM action AWS reported (e.g. {@code xray:GetTraceSummaries})
 * @param detail            the original error text, for a "details" expander and the log; never holds secrets
 */
public record AwsProblem(ProblemKind kind, String userMessage, Optional<String> missingPermission, String detail) {
    public AwsProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(userMessage, "userMessage");
        Objects.requireNonNull(missingPermission, "missingPermission");
        detail = detail == null ? "" : detail;
    }

    public static AwsProblem of(ProblemKind kind, String userMessage) {
        return new AwsProblem(kind, userMessage, Optional.empty(), "");
    }
}
