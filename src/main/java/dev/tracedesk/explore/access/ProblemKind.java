package dev.tracedesk.explore.access;

/** What went wrong talking to AWS, in terms of what the user has to do about it (the {@code aws} kinds, by name). */
public enum ProblemKind {
    /** The SSO access token is expired and cannot be refreshed: sign in again. */
    SSO_TOKEN_EXPIRED,
    /** The browser sign-in did not complete (code expired, denied, registration rejected). */
    SSO_LOGIN_FAILED,
    /** Temporary credentials (session token) have expired. */
    CREDENTIALS_EXPIRED,
    /** The access key or token is not recognised by AWS. */
    INVALID_CREDENTIALS,
    /** The profile has no way to obtain credentials. */
    NO_CREDENTIALS,
    MISSING_REGION,
    /** An IAM permission is missing; {@link Problem#missingPermission()} names it when AWS said which. */
    ACCESS_DENIED,
    NETWORK_UNREACHABLE,
    CLOCK_SKEW,
    THROTTLED,
    PROFILE_NOT_FOUND,
    /** The profile is written wrongly (missing key, loop in source_profile, unreadable file). */
    INVALID_PROFILE,
    /** The user cancelled (sign-in, MFA prompt). */
    CANCELLED,
    OTHER;

    /** The sign-in behind the connection ran out (SSO token or temporary credentials): signing in again fixes it. */
    public boolean isSessionExpired() {
        return this == SSO_TOKEN_EXPIRED || this == CREDENTIALS_EXPIRED;
    }

    static ProblemKind of(dev.tracedesk.aws.ProblemKind kind) {
        return valueOf(kind.name());
    }
}
