package dev.tracedesk.xray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The hand-built {@link ShopTraces}, re-timed into a recent window: trace k starts at {@code end - (COUNT - k) * gap}
 * seconds, with every time and the epoch part of its trace id moved alike. Until the shop stack feeds the sandbox,
 * this is the shop-shaped traffic of the GUI tests and screenshots.
 */
public final class ShopTraffic {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ShopTraffic() {
    }

    /** The new start (epoch seconds) of trace k. */
    public static long start(int k, Instant end, int gapSeconds) {
        return end.getEpochSecond() - (long) (ShopTraces.COUNT - k) * gapSeconds;
    }

    public static String traceId(int k, Instant end, int gapSeconds) {
        return "1-" + String.format("%08x", start(k, end, gapSeconds)) + ShopTraces.traceId(k).substring(10);
    }

    /** Every document of every shop trace, re-timed (JSON text, ready for PutTraceSegments or UDP). */
    public static List<String> documents(Instant end, int gapSeconds) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < ShopTraces.COUNT; k++) {
            double shift = start(k, end, gapSeconds) - ShopTraces.base(k);
            String id = traceId(k, end, gapSeconds);
            for (String doc : ShopTraces.documents(k)) {
                try {
                    ObjectNode node = (ObjectNode) MAPPER.readTree(doc);
                    retime(node, shift, id);
                    out.add(node.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    private static void retime(JsonNode node, double shift, String traceId) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (String time : new String[] {"start_time", "end_time"}) {
                if (o.path(time).isNumber()) {
                    o.put(time, Math.round((o.get(time).asDouble() + shift) * 1e6) / 1e6);
                }
            }
            if (o.path("trace_id").isTextual()) {
                o.put("trace_id", traceId);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                retime(fields.next().getValue(), shift, traceId);
            }
        } else if (node.isArray()) {
            node.forEach(n -> retime(n, shift, traceId));
        }
    }
}
