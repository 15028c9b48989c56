package dev.tracedesk.shop.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.shop.ShopMessage;

/** API Gateway Lambda-proxy responses and SNS event records. */
final class Proxy {
    private Proxy() {}

    static ObjectNode response(int status, JsonNode body) {
        ObjectNode r = ShopMessage.JSON.createObjectNode().put("statusCode", status);
        r.set("headers", ShopMessage.JSON.createObjectNode().put("Content-Type", "application/json"));
        r.put("body", body.toString());
        return r;
    }

    /** The {@code Sns.Message} strings of an SNS event. */
    static java.util.List<String> snsMessages(JsonNode event) {
        java.util.List<String> out = new java.util.ArrayList<>();
        JsonNode records = event.get("Records");
        if (records == null || !records.isArray()) throw new IllegalArgumentException("not an SNS event: no Records");
        for (JsonNode r : records) {
            JsonNode sns = r.get("Sns");
            if (sns == null || !sns.hasNonNull("Message")) throw new IllegalArgumentException("SNS record without Message");
            out.add(sns.get("Message").asText());
        }
        return out;
    }
}
