package dev.tracedesk.xray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code X-Amzn-Trace-Id} header (spec §4.2): {@code Root=...;Parent=...;Sampled=1;Lineage=...} plus any other
 * keys, which are kept in order and written back. Keys are matched case-insensitively, values are kept as sent.
 *
 * @param root    the trace id, or null when absent or malformed (the raw text is kept in {@code extras} then)
 * @param parent  the caller's (sub)segment id, or null
 * @param sampled the sampling decision
 * @param lineage Lambda's loop-detection value, opaque, or null
 * @param extras  any other keys in the order they came (e.g. {@code Self})
 */
public record TraceHeader(TraceId root, String parent, Sampled sampled, String lineage, Map<String, String> extras) {
    public static final String NAME = "X-Amzn-Trace-Id";

    /** The sampling decision carried by the header. */
    public enum Sampled {
        SAMPLED("1"), NOT_SAMPLED("0"), REQUESTED("?"), UNKNOWN(null);

        private final String wire;

        Sampled(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Sampled fromWire(String v) {
            return switch (v.trim()) {
                case "1" -> SAMPLED;
                case "0" -> NOT_SAMPLED;
                case "?" -> REQUESTED;
                default -> UNKNOWN;
            };
        }
    }

    public TraceHeader {
        sampled = sampled == null ? Sampled.UNKNOWN : sampled;
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    public static TraceHeader of(TraceId root, String parent, Sampled sampled) {
        return new TraceHeader(root, parent, sampled, null, Map.of());
    }

    /**
     * Parses a header value. Never throws: empty or unparseable parts are skipped; a {@code Root} that is not a trace id
     * leaves {@link #root()} null. Returns empty only for a null/blank value.
     */
    public static Optional<TraceHeader> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        TraceId root = null;
        String parent = null;
        String lineage = null;
        Sampled sampled = Sampled.UNKNOWN;
        Map<String, String> extras = new LinkedHashMap<>();
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String v = part.substring(eq + 1).trim();
            switch (key.toLowerCase(Locale.ROOT)) {
                case "root" -> root = TraceId.isValid(v) ? TraceId.of(v) : null;
                case "parent" -> parent = SegmentId.isValid(v) ? v.toLowerCase(Locale.ROOT) : null;
                case "sampled" -> sampled = Sampled.fromWire(v);
                case "lineage" -> lineage = v;
                default -> extras.put(key, v);
            }
        }
        return Optional.of(new TraceHeader(root, parent, sampled, lineage, extras));
    }

    public TraceHeader withParent(String newParent) {
        return new TraceHeader(root, newParent, sampled, lineage, extras);
    }

    public TraceHeader withSampled(Sampled newSampled) {
        return new TraceHeader(root, parent, newSampled, lineage, extras);
    }

    /** The wire form, keys in the canonical order Root, Parent, Sampled, Lineage, then extras. */
    public String format() {
        StringBuilder sb = new StringBuilder(96);
        if (root != null) {
            append(sb, "Root", root.value());
        }
        if (parent != null) {
            append(sb, "Parent", parent);
        }
        if (sampled.wire() != null) {
            append(sb, "Sampled", sampled.wire());
        }
        if (lineage != null) {
            append(sb, "Lineage", lineage);
        }
        extras.forEach((k, v) -> append(sb, k, v));
        return sb.toString();
    }

    private static void append(StringBuilder sb, String key, String value) {
        if (sb.length() > 0) {
            sb.append(';');
        }
        sb.append(key).append('=').append(value);
    }

    @Override
    public String toString() {
        return format();
    }
}
