package dev.tracedesk.sandbox.stack;

import dev.tracedesk.shop.ShopBackend;
import java.util.Map;
import java.util.UUID;

/** The handlers' AWS calls answered in-process by the sandbox's SNS topics and DynamoDB tables. */
public final class LocalBackend implements ShopBackend {
    private volatile LocalTopics topics;
    private final LocalTable tables;

    public LocalBackend(LocalTable tables) {
        this.tables = tables;
    }

    /** Topics need the runtime and the runtime needs the backend: wired after both exist. */
    void topics(LocalTopics t) { this.topics = t; }

    @Override
    public Reply publish(String topicArn, String message, String traceHeader) {
        String requestId = UUID.randomUUID().toString();
        return new Reply(requestId, 200, topics.publish(topicArn, message, traceHeader, requestId));
    }

    @Override
    public Reply putItem(String table, Map<String, String> item, String conditionKeyAbsent) {
        String requestId = LocalTable.newRequestId();
        tables.putItem(table, item, conditionKeyAbsent, requestId);
        return new Reply(requestId, 200, null);
    }

    @Override
    public Map<String, String> getItem(String table, String keyName, String keyValue) {
        return tables.getItem(table, keyName, keyValue, LocalTable.newRequestId());
    }
}
