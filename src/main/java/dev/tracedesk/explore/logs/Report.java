package dev.tracedesk.explore.logs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of a Lambda {@code REPORT} line (spec §7.6), read as {@code Key: Value} pairs split on tabs and new
 * lines, without relying on exact spacing. Durations in milliseconds, memory in MB; absent figures are null.
 */
public record Report(String requestId, Double durationMs, Double billedMs, Double memoryMb, Double maxMemoryMb,
        Double initMs, String traceId, String segmentId) {

    public boolean coldStart() {
        return initMs != null;
    }

    public static Optional<Report> parse(String message) {
        if (message == null || !message.stripLeading().startsWith("REPORT RequestId:")) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : message.strip().split("\n")) {
            String body = line.strip();
            if (body.startsWith("REPORT ")) {
                body = body.substring("REPORT ".length());
            } else if (body.startsWith("XRAY ")) {
                body = body.substring("XRAY ".length());
            }
            for (String part : body.split("\t")) {
                int colon = part.indexOf(':');
                if (colon > 0) {
                    fields.put(part.substring(0, colon).strip(), part.substring(colon + 1).strip());
                }
            }
        }
        return Optional.of(new Report(fields.get("RequestId"), number(fields.get("Duration")),
                number(fields.get("Billed Duration")), number(fields.get("Memory Size")),
                number(fields.get("Max Memory Used")), number(fields.get("Init Duration")), fields.get("TraceId"),
                fields.get("SegmentId")));
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        String n = text.replaceAll("[^0-9.]", "");
        try {
            return n.isEmpty() ? null : Double.valueOf(n);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
