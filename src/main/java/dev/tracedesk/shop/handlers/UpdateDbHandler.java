package dev.tracedesk.shop.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracedesk.shop.AwsServiceException;
import dev.tracedesk.shop.FunctionEnvironment;
import dev.tracedesk.shop.Invocation;
import dev.tracedesk.shop.ShopFunction;
import dev.tracedesk.shop.ShopMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code <prefix>_shop_update_db} (and, configured with a table that does not exist,
 * {@code <prefix>_unittest_object_under_test_update_db}): writes each order to {@code TABLE_NAME} with
 * {@code attribute_not_exists(messageId)}, so a duplicate SNS delivery does not write twice. Accepts SNS events and,
 * for the unit-test route, an API Gateway proxy event whose body is the order message.
 */
public final class UpdateDbHandler implements ShopFunction {
    public static final String KEY = "messageId";
    private String table;

    @Override
    public void init(FunctionEnvironment env) {
        table = env.require("TABLE_NAME");
    }

    @Override
    public JsonNode handle(JsonNode event, Invocation inv) throws Exception {
        boolean proxy = event.has("httpMethod");
        List<String> messages = new ArrayList<>();
        if (proxy) messages.add(event.path("body").asText("")); else messages.addAll(Proxy.snsMessages(event));
        int written = 0;
        int duplicates = 0;
        for (String m : messages) {
            JsonNode n = ShopMessage.JSON.readTree(m);
            String shopId = n.path("shopId").asText("");
            String messageId = n.path("messageId").asText("");
            if (shopId.isEmpty() || messageId.isEmpty()) throw new IllegalArgumentException("order message without shopId/messageId");
            Map<String, String> item = Map.of(KEY, messageId, "shopId", shopId,
                    "order", n.path("order").toString(), "writtenBy", inv.requestId());
            try {
                inv.aws().putItem(table, item, KEY);
                written++;
                inv.log("stored order " + messageId + " of shop " + shopId + " in " + table);
            } catch (AwsServiceException e) {
                if (!"ConditionalCheckFailedException".equals(e.errorCode())) throw e;
                duplicates++;
                inv.log("duplicate delivery of order " + messageId + ": already stored, not written again");
            }
        }
        JsonNode result = ShopMessage.JSON.createObjectNode().put("written", written).put("duplicates", duplicates);
        return proxy ? Proxy.response(200, result) : result;
    }
}
