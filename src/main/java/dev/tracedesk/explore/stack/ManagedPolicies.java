package dev.tracedesk.explore.stack;

import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies a tracing check meets most, with their documents (as AWS publishes them), so the check
 * needs no GetPolicyVersion call for them. Other AWS managed policies are read from IAM.
 */
public final class ManagedPolicies {
    /** The policy Lambda's console attaches when tracing is switched on; TraceDesk offers to attach it. */
    public static final String XRAY_DAEMON_WRITE_ACCESS = "AWSXRayDaemonWriteAccess";

    private static final String XRAY_WRITE = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["xray:PutTraceSegments",\
            "xray:PutTelemetryRecords","xray:GetSamplingRules","xray:GetSamplingTargets",\
            "xray:GetSamplingStatisticSummaries"],"Resource":["*"]}]}""";

    private static final Map<String, String> KNOWN = Map.of(
            XRAY_DAEMON_WRITE_ACCESS, XRAY_WRITE,
            "AWSXrayWriteOnlyAccess", XRAY_WRITE,
            "AWSXrayFullAccess", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["xray:*"],"Resource":["*"]}]}""",
            "AWSXRayFullAccess", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["xray:*"],"Resource":["*"]}]}""",
            "AWSLambdaBasicExecutionRole", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogGroup",\
                    "logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}""",
            "AdministratorAccess", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");

    private ManagedPolicies() {
    }

    /** The document of a well-known AWS managed policy, by its ARN. */
    public static Optional<String> knownDocument(String policyArn) {
        if (!isAwsManaged(policyArn)) {
            return Optional.empty();
        }
        return Optional.ofNullable(KNOWN.get(policyArn.substring(policyArn.lastIndexOf('/') + 1)));
    }

    /** AWS managed policies live in account "aws": {@code arn:<partition>:iam::aws:policy/...}. */
    public static boolean isAwsManaged(String policyArn) {
        return policyArn != null && policyArn.matches("arn:[^:]+:iam::aws:policy/.+");
    }

    /** The ARN of AWSXRayDaemonWriteAccess in the partition of {@code roleArn} (aws, aws-cn, aws-us-gov). */
    public static String daemonWriteAccessArn(String roleArn) {
        String partition = "aws";
        if (roleArn != null && roleArn.startsWith("arn:")) {
            String[] parts = roleArn.split(":", 3);
            if (parts.length > 2 && !parts[1].isEmpty()) {
                partition = parts[1];
            }
        }
        return "arn:" + partition + ":iam::aws:policy/" + XRAY_DAEMON_WRITE_ACCESS;
    }
}
