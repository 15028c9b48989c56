package dev.tracedesk.shop.lambda;

import java.util.Locale;

/**
 * The {@code X-Amzn-Trace-Id} Lambda hands a function ({@code Root=...;Parent=<function segment id>;Sampled=0|1}).
 * Parsed here rather than with {@code xray.TraceHeader} because the shop package depends on the AWS SDK only.
 *
 * @param parent the id of the function segment Lambda records; subsegments hang under it
 */
record TraceContext(String header, String root, String parent, boolean sampled) {
    static final TraceContext NONE = new TraceContext(null, null, null, false);

    static TraceContext parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        String root = null;
        String parent = null;
        boolean sampled = false;
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim();
            switch (key) {
                case "root" -> root = value;
                case "parent" -> parent = value;
                case "sampled" -> sampled = "1".equals(value);
                default -> { }
            }
        }
        return new TraceContext(header, root, parent, sampled && root != null);
    }
}
