package dev.tracedesk.shop.load;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda {@code REPORT} log event (spec §7.6), parsed without relying on exact spacing: split on newlines, then on
 * tabs, into {@code Key: Value} pairs.
 */
public record ReportLine(String requestId, double durationMs, long billedMs, int memorySizeMb, int maxMemoryUsedMb,
                         Double initDurationMs, String traceId, String segmentId, boolean timedOut) {

    public boolean coldStart() { return initDurationMs != null; }

    public static Optional<ReportLine> parse(String message) {
        if (message == null || !message.startsWith("REPORT RequestId:")) return Optional.empty();
        Map<String, String> kv = new HashMap<>();
        for (String line : message.split("\n")) {
            for (String part : line.split("\t")) {
                int colon = part.indexOf(':');
                if (colon > 0) kv.put(part.substring(0, colon).trim(), part.substring(colon + 1).trim());
            }
        }
        try {
            String rid = kv.get("REPORT RequestId");
            if (rid == null) return Optional.empty();
            return Optional.of(new ReportLine(rid, number(kv.get("Duration")), (long) number(kv.get("Billed Duration")),
                    (int) number(kv.get("Memory Size")), (int) number(kv.get("Max Memory Used")),
                    kv.containsKey("Init Duration") ? number(kv.get("Init Duration")) : null, kv.get("XRAY TraceId"),
                    kv.get("SegmentId"), "timeout".equals(kv.get("Status"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static double number(String v) {
        if (v == null) throw new IllegalArgumentException("missing field");
        int sp = v.indexOf(' ');
        return Double.parseDouble(sp < 0 ? v : v.substring(0, sp));
    }
}
