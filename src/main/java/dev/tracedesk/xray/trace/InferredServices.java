package dev.tracedesk.xray.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.segment.Segment;
import java.util.Locale;
import java.util.Map;

/**
 * Which inferred node a subsegment stands for (spec §6.2): {@code aws} namespace → the AWS service or resource
 * (DynamoDB table, SQS queue, S3 bucket, SNS topic, Lambda function), {@code remote} → {@code remote} node named after
 * the subsegment, a {@code sql} block → {@code Database::SQL}. Subsegments of custom code get none.
 */
public final class InferredServices {
    /** Type used for SQL databases (not documented by AWS). */
    public static final String SQL_TYPE = "Database::SQL";

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("dynamodb", "DynamoDB"), Map.entry("sqs", "SQS"), Map.entry("sns", "SNS"),
            Map.entry("s3", "S3"), Map.entry("lambda", "Lambda"), Map.entry("kinesis", "Kinesis"),
            Map.entry("sts", "STS"), Map.entry("stepfunctions", "StepFunctions"), Map.entry("sfn", "StepFunctions"),
            Map.entry("states", "StepFunctions"), Map.entry("eventbridge", "EventBridge"),
            Map.entry("secretsmanager", "SecretsManager"), Map.entry("kms", "KMS"));

    private InferredServices() {}

    /** The canonical AWS service name for an SDK subsegment name ({@code DynamoDb}, {@code dynamodb} → DynamoDB). */
    public static String canonicalAwsName(String subsegmentName) {
        if (subsegmentName == null) {
            return "AWS";
        }
        String c = CANONICAL.get(subsegmentName.toLowerCase(Locale.ROOT));
        return c != null ? c : subsegmentName;
    }

    /** True for an AWS SDK subsegment that invokes a Lambda function. */
    public static boolean isLambdaInvoke(Segment sub) {
        if (!"aws".equals(sub.namespace()) || !"Lambda".equals(canonicalAwsName(sub.name()))) {
            return false;
        }
        String op = sub.awsText("operation");
        return op == null || op.startsWith("Invoke");
    }

    /** The function a Lambda invoke subsegment calls, from {@code function_name} or {@code resource_names[0]}. */
    public static String invokedFunction(Segment sub) {
        String fn = sub.awsText("function_name");
        if (fn == null && sub.aws() != null) {
            JsonNode names = sub.aws().get("resource_names");
            if (names != null && names.isArray() && names.size() > 0) {
                fn = names.get(0).asText();
            }
        }
        if (fn == null) {
            return null;
        }
        int f = fn.indexOf(":function:");
        if (f >= 0) {
            fn = fn.substring(f + ":function:".length());
        }
        int q = fn.indexOf(':');
        return q >= 0 ? fn.substring(0, q) : fn;
    }

    /** The inferred node this subsegment calls, or null when it is local work. */
    public static ServiceId of(Segment sub) {
        String name = sub.name() == null ? "" : sub.name();
        if (sub.sql() != null) {
            return new ServiceId(name, SQL_TYPE, null);
        }
        if ("remote".equals(sub.namespace())) {
            return new ServiceId(name, ServiceId.REMOTE, null);
        }
        if (!"aws".equals(sub.namespace())) {
            return null;
        }
        String account = sub.awsText("account_id");
        String service = canonicalAwsName(sub.name());
        switch (service) {
            case "DynamoDB" -> {
                String table = sub.awsText("table_name");
                if (table != null) {
                    return new ServiceId(table, "AWS::DynamoDB::Table", account);
                }
            }
            case "SQS" -> {
                String url = sub.awsText("queue_url");
                if (url != null && !url.isEmpty()) {
                    return new ServiceId(url.substring(url.lastIndexOf('/') + 1), "AWS::SQS::Queue", account);
                }
            }
            case "S3" -> {
                String bucket = sub.awsText("bucket_name");
                bucket = bucket != null ? bucket : sub.awsText("bucket");
                if (bucket != null) {
                    return new ServiceId(bucket, "AWS::S3::Bucket", account);
                }
            }
            case "SNS" -> {
                String topic = sub.awsText("topic_arn");
                if (topic != null && !topic.isEmpty()) {
                    return new ServiceId(topic.substring(topic.lastIndexOf(':') + 1), "AWS::SNS::Topic", account);
                }
            }
            case "Lambda" -> {
                String fn = isLambdaInvoke(sub) ? invokedFunction(sub) : null;
                if (fn != null) {
                    return new ServiceId(fn, "AWS::Lambda", account);
                }
            }
            default -> { }
        }
        return new ServiceId(service, "AWS::" + service, account);
    }

    /** The name an inferred segment gets in processed documents: the AWS service name, else the subsegment name. */
    public static String inferredSegmentName(Segment sub) {
        return "aws".equals(sub.namespace()) ? canonicalAwsName(sub.name()) : sub.name();
    }
}
