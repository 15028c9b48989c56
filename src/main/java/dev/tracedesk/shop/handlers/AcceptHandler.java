package dev.tracedesk.shop.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.shop.FunctionEnvironment;
import dev.tracedesk.shop.Invocation;
import dev.tracedesk.shop.ShopFunction;
import dev.tracedesk.shop.ShopMessage;

/**
 * {@code <prefix>_shop_accept}: behind {@code POST /shop} (API Gateway proxy integration). Validates the request and
 * publishes it to the first topic ({@code TOPIC_ARN}); a bad request gets 400 with the reason.
 */
public final class AcceptHandler implements ShopFunction {
    private String topicArn;

    @Override
    public void init(FunctionEnvironment env) {
        topicArn = env.require("TOPIC_ARN");
    }

    @Override
    public JsonNode handle(JsonNode event, Invocation inv) {
        JsonNode body = event.get("body");
        ShopMessage msg;
        try {
            msg = ShopMessage.parse(body == null || body.isNull() ? null : body.asText());
        } catch (ShopMessage.Invalid e) {
            inv.log("rejected request: " + e.getMessage());
            return Proxy.response(400, ShopMessage.JSON.createObjectNode().put("message", e.getMessage()));
        }
        String snsMessageId = inv.aws().publish(topicArn, msg.toJson().toString());
        inv.log("accepted message " + msg.messageId() + " of shop " + msg.shopId() + " (SNS " + snsMessageId + ")");
        ObjectNode out = ShopMessage.JSON.createObjectNode().put("messageId", msg.messageId()).put("status", "accepted");
        return Proxy.response(202, out);
    }
}
