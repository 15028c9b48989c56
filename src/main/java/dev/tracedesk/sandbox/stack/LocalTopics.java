package dev.tracedesk.sandbox.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.sandbox.runtime.LocalLambda;
import dev.tracedesk.shop.AwsServiceException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * SNS topics whose Lambda subscriptions are invoked asynchronously (Event invocations, so Lambda's retries apply) with
 * the standard SNS event, keeping the publisher's trace header so the chain stays one trace.
 */
public final class LocalTopics {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalLambda lambda;
    private final Map<String, List<String>> subscriptions = new ConcurrentHashMap<>();

    public LocalTopics(LocalLambda lambda) {
        this.lambda = lambda;
    }

    public void createTopic(String arn) {
        subscriptions.putIfAbsent(arn, new CopyOnWriteArrayList<>());
    }

    public void deleteTopic(String arn) {
        subscriptions.remove(arn);
    }

    public boolean exists(String arn) { return subscriptions.containsKey(arn); }

    public void subscribe(String topicArn, String functionName) {
        List<String> subs = subscriptions.get(topicArn);
        if (subs == null) throw new IllegalArgumentException("no topic " + topicArn);
        if (!subs.contains(functionName)) subs.add(functionName);
    }

    /** Publish: returns the message id; NotFound (404) for an unknown topic, as SNS answers. */
    public String publish(String topicArn, String message, String traceHeader, String requestId) {
        List<String> subs = subscriptions.get(topicArn);
        if (subs == null) throw new AwsServiceException("NotFound", 404, "Topic does not exist", requestId);
        String messageId = UUID.randomUUID().toString();
        for (String fn : subs) {
            lambda.invokeAsync(fn, event(topicArn, fn, messageId, message), traceHeader);
        }
        return messageId;
    }

    private ObjectNode event(String topicArn, String fn, String messageId, String message) {
        ObjectNode sns = JSON.createObjectNode().put("Type", "Notification").put("MessageId", messageId)
                .put("TopicArn", topicArn).put("Subject", (String) null).put("Message", message)
                .put("Timestamp", Instant.now().toString()).put("SignatureVersion", "1");
        ObjectNode record = JSON.createObjectNode().put("EventSource", "aws:sns").put("EventVersion", "1.0")
                .put("EventSubscriptionArn", topicArn + ":" + UUID.nameUUIDFromBytes(fn.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        record.set("Sns", sns);
        ObjectNode event = JSON.createObjectNode();
        event.set("Records", JSON.createArrayNode().add(record));
        return event;
    }
}
