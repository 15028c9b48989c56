package dev.tracedesk.aws;

/** How a profile gets its credentials, in the order the SDK decides (role first, then SSO, process, keys). */
public enum ProfileKind {
    STATIC_KEYS("Access keys"),
    SSO_SESSION("IAM Identity Center (sso-session)"),
    SSO_LEGACY("IAM Identity Center (legacy)"),
    ASSUME_ROLE_SOURCE_PROFILE("Assume role (source profile)"),
    ASSUME_ROLE_CREDENTIAL_SOURCE("Assume role (credential source)"),
    CREDENTIAL_PROCESS("Credential process"),
    WEB_IDENTITY("Web identity"),
    /** A profile with settings (e.g. only a region) but no way to get credentials. */
    NO_CREDENTIALS("No credentials"),
    LOCAL_SANDBOX("Local sandbox");

    private final String label;

    ProfileKind(String label) {
        this.label = label;
    }

    /** Short user-facing name for the sign-in list. */
    public String label() {
        return label;
    }

    public boolean isAssumeRole() {
        return this == ASSUME_ROLE_SOURCE_PROFILE || this == ASSUME_ROLE_CREDENTIAL_SOURCE;
    }

    public boolean isSso() {
        return this == SSO_SESSION || this == SSO_LEGACY;
    }
}
