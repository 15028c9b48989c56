package dev.tracedesk.shop;

import java.util.Map;

/**
 * The AWS calls the shop handlers make (SNS Publish, DynamoDB PutItem/GetItem). The sandbox implements it in-process
 * (sandbox.stack.LocalBackend); errors are {@link AwsServiceException}s with AWS's codes and statuses.
 */
public interface ShopBackend {
    String REGION = "us-east-1";

    /** What a call returned: the request id, the HTTP status and an optional result value (message id). */
    record Reply(String requestId, int httpStatus, String value) {}

    /** SNS Publish; {@code traceHeader} is the X-Amzn-Trace-Id the SDK would send (the delivery keeps it). */
    Reply publish(String topicArn, String message, String traceHeader);

    /** DynamoDB PutItem; with {@code conditionKeyAbsent} non-null, {@code attribute_not_exists(<that key>)}. */
    Reply putItem(String table, Map<String, String> item, String conditionKeyAbsent);

    /** DynamoDB GetItem by one string key; the item is null when absent. */
    Map<String, String> getItem(String table, String keyName, String keyValue);
}
