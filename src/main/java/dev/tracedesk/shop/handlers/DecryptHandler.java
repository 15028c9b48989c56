package dev.tracedesk.shop.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.shop.FunctionEnvironment;
import dev.tracedesk.shop.Invocation;
import dev.tracedesk.shop.OrderCrypto;
import dev.tracedesk.shop.ShopFunction;
import dev.tracedesk.shop.ShopMessage;

/**
 * {@code <prefix>_shop_decrypt}: subscribed to the first topic. Decrypts each payload with AES-GCM (key
 * {@code SHOP_KEY}), drops tampered messages (logged as REJECTED: retrying cannot fix them), publishes the order to
 * the second topic ({@code TOPIC_ARN}).
 */
public final class DecryptHandler implements ShopFunction {
    private OrderCrypto crypto;
    private String topicArn;

    @Override
    public void init(FunctionEnvironment env) {
        crypto = OrderCrypto.fromBase64(env.require("SHOP_KEY"));
        topicArn = env.require("TOPIC_ARN");
    }

    @Override
    public JsonNode handle(JsonNode event, Invocation inv) throws Exception {
        int forwarded = 0;
        int rejected = 0;
        for (String m : Proxy.snsMessages(event)) {
            ShopMessage msg = ShopMessage.of(ShopMessage.JSON.readTree(m));
            String plain;
            try {
                plain = crypto.decrypt(msg.shopId(), msg.messageId(), msg.payload());
            } catch (OrderCrypto.TamperedException e) {
                inv.log("REJECTED message " + msg.messageId() + " of shop " + msg.shopId() + ": " + e.getMessage());
                rejected++;
                continue;
            }
            JsonNode order;
            try {
                order = ShopMessage.JSON.readTree(plain);
            } catch (Exception e) {
                inv.log("REJECTED message " + msg.messageId() + ": decrypted order is not JSON");
                rejected++;
                continue;
            }
            ObjectNode out = ShopMessage.JSON.createObjectNode().put("shopId", msg.shopId()).put("messageId", msg.messageId());
            out.set("order", order);
            inv.aws().publish(topicArn, out.toString());
            inv.log("decrypted message " + msg.messageId() + " of shop " + msg.shopId());
            forwarded++;
        }
        return ShopMessage.JSON.createObjectNode().put("forwarded", forwarded).put("rejected", rejected);
    }
}
