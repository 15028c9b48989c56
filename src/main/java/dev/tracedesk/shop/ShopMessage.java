package dev.tracedesk.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.regex.Pattern;

/** A shop request {@code {"shopId", "messageId", "payload"}} and its validation (reasons are what a 400 says). */
public record ShopMessage(String shopId, String messageId, String payload) {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHOP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    static final int MAX_PAYLOAD = 64 * 1024;

    /** A validation failure with the reason the caller gets. */
    public static final class Invalid extends Exception {
        public Invalid(String reason) { super(reason, null, false, false); }
    }

    public static ShopMessage parse(String body) throws Invalid {
        if (body == null || body.isBlank()) throw new Invalid("request body is empty");
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (Exception e) {
            throw new Invalid("request body is not JSON");
        }
        return of(n);
    }

    public static ShopMessage of(JsonNode n) throws Invalid {
        if (n == null || !n.isObject()) throw new Invalid("request body must be a JSON object");
        String shopId = text(n, "shopId");
        String messageId = text(n, "messageId");
        String payload = text(n, "payload");
        if (!SHOP_ID.matcher(shopId).matches()) throw new Invalid("shopId must be 1-64 letters, digits, '-' or '_'");
        if (!MESSAGE_ID.matcher(messageId).matches()) throw new Invalid("messageId must be 1-128 letters, digits, '-' or '_'");
        if (payload.length() > MAX_PAYLOAD) throw new Invalid("payload exceeds " + MAX_PAYLOAD + " characters");
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new Invalid("payload is not base64");
        }
        if (raw.length < OrderCrypto.IV_BYTES + OrderCrypto.TAG_BITS / 8 + 1) {
            throw new Invalid("payload is too short to be an encrypted order");
        }
        return new ShopMessage(shopId, messageId, payload);
    }

    private static String text(JsonNode n, String field) throws Invalid {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new Invalid(field + " is required");
        if (!v.isTextual()) throw new Invalid(field + " must be a string");
        return v.textValue();
    }

    public ObjectNode toJson() {
        return JSON.createObjectNode().put("shopId", shopId).put("messageId", messageId).put("payload", payload);
    }
}
