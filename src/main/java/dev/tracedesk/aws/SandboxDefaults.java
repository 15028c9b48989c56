package dev.tracedesk.aws;

/** Fixed values for talking to the local sandbox with unchanged AWS SDK clients. */
public final class SandboxDefaults {
    /** The sandbox ignores signatures; SDKs still need some region to sign for. */
    public static final String REGION = "us-east-1";
    /** Dummy keys: the SDK refuses to sign without credentials, the sandbox accepts any. */
    public static final String ACCESS_KEY_ID = "AKIDLOCALSANDBOX";
    public static final String SECRET_ACCESS_KEY = "local-sandbox-secret";

    private SandboxDefaults() {
    }
}
