package dev.tracedesk.sandbox.api;

/** The fixed region and account the sandbox pretends to be, used in every ARN it mints. */
public final class AwsIdentity {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private AwsIdentity() {}

    public static String samplingRuleArn(String name) {
        return "arn:aws:xray:" + REGION + ":" + ACCOUNT + ":sampling-rule/" + name;
    }

    public static String groupArn(String name, String uniqueId) {
        return "arn:aws:xray:" + REGION + ":" + ACCOUNT + ":group/" + name + "/" + uniqueId;
    }
}
