package dev.tracedesk.explore.stack;

import java.util.Locale;

/** Lambda's {@code TracingConfig.Mode} (spec §7.1). */
public enum TracingMode {
    /** Lambda samples invocations that arrive without a decision (1 per second + 5 %) and records them. */
    ACTIVE("Active"),
    /** Lambda only records when the caller sent {@code Sampled=1}; the default for new functions. */
    PASS_THROUGH("PassThrough");

    private final String apiValue;

    TracingMode(String apiValue) {
        this.apiValue = apiValue;
    }

    /** The value on the wire ({@code Active} / {@code PassThrough}). */
    public String apiValue() {
        return apiValue;
    }

    /** The mode of a wire value; a missing value is PassThrough, Lambda's default. */
    public static TracingMode fromApi(String value) {
        if (value == null || value.isBlank()) {
            return PASS_THROUGH;
        }
        for (TracingMode mode : values()) {
            if (mode.apiValue.equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown tracing mode " + value + " (Active or PassThrough)");
    }

    /** {@code on} → Active, {@code off} → PassThrough, or the API spelling. */
    public static TracingMode parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "on", "active", "true" -> ACTIVE;
            case "off", "passthrough", "pass-through", "false" -> PASS_THROUGH;
            default -> throw new IllegalArgumentException("Tracing must be on or off (Active or PassThrough), got " + text);
        };
    }
}
