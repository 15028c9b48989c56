package dev.tracedesk.shop.lambda;

import dev.tracedesk.shop.AwsServiceException;
import dev.tracedesk.shop.ShopBackend;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * The shop's AWS calls on real AWS (inside Lambda): SNS Publish with the trace header the X-Ray SDK would add, and
 * DynamoDB PutItem/GetItem. Region and credentials come from Lambda's environment; SDK errors become the shop's
 * {@link AwsServiceException} with AWS's code, status and request id.
 */
public final class SdkShopBackend implements ShopBackend, AutoCloseable {
    static final String TRACE_HEADER = "X-Amzn-Trace-Id";

    private final SnsClient sns;
    private final DynamoDbClient dynamo;
    private final SdkHttpClient http;

    public SdkShopBackend(SnsClient sns, DynamoDbClient dynamo) {
        this(sns, dynamo, null);
    }

    private SdkShopBackend(SnsClient sns, DynamoDbClient dynamo, SdkHttpClient http) {
        this.sns = sns;
        this.dynamo = dynamo;
        this.http = http;
    }

    /** Clients for the function's own region and role (AWS_REGION and the role's keys in the environment). */
    public static SdkShopBackend fromEnvironment() {
        SdkHttpClient http = Apache5HttpClient.create();
        return new SdkShopBackend(SnsClient.builder().httpClient(http).build(),
                DynamoDbClient.builder().httpClient(http).build(), http);
    }

    @Override
    public Reply publish(String topicArn, String message, String traceHeader) {
        PublishResponse r = translate(() -> sns.publish(b -> {
            b.topicArn(topicArn).message(message);
            if (traceHeader != null) {
                b.overrideConfiguration(AwsRequestOverrideConfiguration.builder().putHeader(TRACE_HEADER, traceHeader)
                        .build());
            }
        }));
        return new Reply(r.responseMetadata().requestId(), r.sdkHttpResponse().statusCode(), r.messageId());
    }

    @Override
    public Reply putItem(String table, Map<String, String> item, String conditionKeyAbsent) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        item.forEach((k, v) -> attributes.put(k, AttributeValue.fromS(v)));
        PutItemRequest.Builder request = PutItemRequest.builder().tableName(table).item(attributes);
        if (conditionKeyAbsent != null) {
            request.conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", conditionKeyAbsent));
        }
        PutItemResponse r = translate(() -> dynamo.putItem(request.build()));
        return new Reply(r.responseMetadata().requestId(), r.sdkHttpResponse().statusCode(), null);
    }

    @Override
    public Map<String, String> getItem(String table, String keyName, String keyValue) {
        GetItemResponse r = translate(() -> dynamo.getItem(b -> b.tableName(table)
                .key(Map.of(keyName, AttributeValue.fromS(keyValue))).consistentRead(true)));
        if (!r.hasItem() || r.item().isEmpty()) {
            return null;
        }
        Map<String, String> out = new HashMap<>();
        r.item().forEach((k, v) -> out.put(k, v.s() != null ? v.s() : v.n() != null ? v.n() : String.valueOf(v.bool())));
        return out;
    }

    private static <T> T translate(Supplier<T> call) {
        try {
            return call.get();
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new AwsServiceException(code == null ? "ServiceException" : code, e.statusCode(), message, e.requestId());
        }
    }

    @Override
    public void close() {
        sns.close();
        dynamo.close();
        if (http != null) {
            http.close();
        }
    }
}
