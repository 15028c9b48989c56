package dev.tracedesk.explore.map;

import java.util.Locale;

/** What a service-map node is, from its {@code Type} (spec §2.5, §6.2): decides its icon. */
public enum NodeKind {
    CLIENT("Client"),
    API_GATEWAY("API Gateway"),
    LAMBDA("Lambda"),
    FUNCTION("Lambda function"),
    SNS("SNS"),
    SQS("SQS"),
    DYNAMODB("DynamoDB"),
    S3("S3"),
    EC2("EC2"),
    DATABASE("Database"),
    REMOTE("Remote"),
    OTHER("Service");

    private final String label;

    NodeKind(String label) {
        this.label = label;
    }

    /** A readable name of the kind, for the legend and the side panel. */
    public String label() {
        return label;
    }

    public static NodeKind of(String type) {
        if (type == null) {
            return OTHER;
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("client")) return CLIENT;
        if (t.equals("remote")) return REMOTE;
        if (t.startsWith("aws::apigateway")) return API_GATEWAY;
        if (t.equals("aws::lambda::function")) return FUNCTION;
        if (t.startsWith("aws::lambda")) return LAMBDA;
        if (t.startsWith("aws::sns")) return SNS;
        if (t.startsWith("aws::sqs")) return SQS;
        if (t.startsWith("aws::dynamodb")) return DYNAMODB;
        if (t.startsWith("aws::s3")) return S3;
        if (t.startsWith("aws::ec2") || t.startsWith("aws::ecs") || t.startsWith("aws::elasticbeanstalk")) return EC2;
        if (t.startsWith("database::") || t.contains("rds")) return DATABASE;
        return OTHER;
    }
}
