package dev.tracedesk.aws;

/** The services TraceDesk talks to, with the suffix of their {@code AWS_ENDPOINT_URL_<SUFFIX>} variable. */
public enum AwsService {
    XRAY("XRAY"),
    CLOUDWATCH_LOGS("CLOUDWATCH_LOGS"),
    LAMBDA("LAMBDA"),
    API_GATEWAY("API_GATEWAY"),
    IAM("IAM"),
    STS("STS"),
    CLOUDFORMATION("CLOUDFORMATION"),
    S3("S3"),
    SSO("SSO"),
    SSO_OIDC("SSO_OIDC");

    private final String envSuffix;

    AwsService(String envSuffix) {
        this.envSuffix = envSuffix;
    }

    /** The SDK-wide service-specific endpoint variable, e.g. {@code AWS_ENDPOINT_URL_XRAY}. */
    public String endpointVariable() {
        return "AWS_ENDPOINT_URL_" + envSuffix;
    }
}
