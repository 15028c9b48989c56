package dev.tracedesk.ui.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracedesk.xray.ShopTraces;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.xray.XRayClient;

/** The hand-built shop traces ({@link ShopTraces}) moved in time, so they land in a window ending now. */
public final class ShopFeed {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShopFeed() {
    }

    /** Seconds to add to ShopTraces' times so that the last trace starts {@code secondsBeforeEnd} before {@code end}. */
    public static long shift(long endEpochSeconds, long secondsBeforeEnd) {
        return endEpochSeconds - secondsBeforeEnd - ShopTraces.base(ShopTraces.COUNT - 1);
    }

    /** Trace k's id after the shift. */
    public static String traceId(int k, long shift) {
        String id = ShopTraces.traceId(k);
        return "1-" + String.format("%08x", Long.parseLong(id.substring(2, 10), 16) + shift) + id.substring(10);
    }

    public static List<String> documents(int k, long shift) {
        List<String> out = new ArrayList<>();
        for (String doc : ShopTraces.documents(k)) {
            try {
                JsonNode node = JSON.readTree(doc);
                retime(node, shift);
                out.add(JSON.writeValueAsString(node));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static void retime(JsonNode node, long shift) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            List<Map.Entry<String, JsonNode>> copy = new ArrayList<>();
            fields.forEachRemaining(copy::add);
            for (Map.Entry<String, JsonNode> f : copy) {
                String name = f.getKey();
                JsonNode v = f.getValue();
                if ((name.equals("start_time") || name.equals("end_time")) && v.isNumber()) {
                    o.put(name, v.decimalValue().add(java.math.BigDecimal.valueOf(shift)));
                } else if (name.equals("trace_id") && v.isTextual() && v.asText().startsWith("1-")) {
                    String id = v.asText();
                    o.set(name, new TextNode("1-" + String.format("%08x", Long.parseLong(id.substring(2, 10), 16)
                            + shift) + id.substring(10)));
                } else {
                    retime(v, shift);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(child -> retime(child, shift));
        }
    }

    /** Sends all 13 traces through PutTraceSegments. */
    public static void put(XRayClient xray, long shift) {
        for (int k = 0; k < ShopTraces.COUNT; k++) {
            List<String> docs = documents(k, shift);
            var response = xray.putTraceSegments(r -> r.traceSegmentDocuments(docs));
            if (!response.unprocessedTraceSegments().isEmpty()) {
                throw new IllegalStateException("unprocessed: " + response.unprocessedTraceSegments());
            }
        }
    }
}
