package dev.tracedesk.aws;

/** What went wrong talking to AWS, in terms of what the user has to do about it. */
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
    /** An IAM permission is missing; {@link AwsProblem#missingPermission()} names it when AWS said which. */
    ACCESS_DENIED,
    NETWORK_UNREACHABLE,
    CLOCK_SKEW,
    THROTTLED,
    PROFILE_NOT_FOUND,
    /** The profile is written wrongly (missing key, loop in source_profile, unreadable file). */
    INVALID_PROFILE,
    /** The user cancelled (sign-in, MFA prompt). */
    CANCELLED,
    OTHER
}
