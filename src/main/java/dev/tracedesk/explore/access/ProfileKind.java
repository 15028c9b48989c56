package dev.tracedesk.explore.access;

/** How a profile gets its credentials (the {@code aws} kinds, by name), with the sign-in list's label. */
public enum ProfileKind {
    STATIC_KEYS,
    SSO_SESSION,
    SSO_LEGACY,
    ASSUME_ROLE_SOURCE_PROFILE,
    ASSUME_ROLE_CREDENTIAL_SOURCE,
    CREDENTIAL_PROCESS,
    WEB_IDENTITY,
    /** A profile with settings (e.g. only a region) but no way to get credentials. */
    NO_CREDENTIALS,
    LOCAL_SANDBOX;

    /** Short user-facing name for the sign-in list. */
    public String label() {
        return dev.tracedesk.aws.ProfileKind.valueOf(name()).label();
    }

    public boolean isAssumeRole() {
        return this == ASSUME_ROLE_SOURCE_PROFILE || this == ASSUME_ROLE_CREDENTIAL_SOURCE;
    }

    public boolean isSso() {
        return this == SSO_SESSION || this == SSO_LEGACY;
    }

    static ProfileKind of(dev.tracedesk.aws.ProfileKind kind) {
        return valueOf(kind.name());
    }
}
