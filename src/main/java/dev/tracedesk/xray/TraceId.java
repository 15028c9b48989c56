package dev.tracedesk.xray;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An X-Ray trace id {@code 1-xxxxxxxx-yyyyyyyyyyyyyyyyyyyyyyyy} (spec §4.1): version 1, 8 hex digits of epoch
 * seconds, 24 hex digits of randomness. Always held in lower case. Converts to and from the W3C / OpenTelemetry
 * 32-hex form by removing / inserting the dashes.
 */
public final class TraceId implements Comparable<TraceId> {
    public static final int LENGTH = 35;
    private final String value;

    private TraceId(String value) {
        this.value = value;
    }

    /** True for {@code 1-8hex-24hex} (either case). */
    public static boolean isValid(String text) {
        return text != null && text.length() == LENGTH && text.charAt(0) == '1' && text.charAt(1) == '-'
                && text.charAt(10) == '-' && Ids.isHex(text, 2, 10) && Ids.isHex(text, 11, LENGTH);
    }

    /** Parses an X-Ray trace id or a 32-hex W3C id; empty for anything else. */
    public static Optional<TraceId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (isValid(t)) {
            return Optional.of(new TraceId(t.toLowerCase(Locale.ROOT)));
        }
        return fromW3c(t);
    }

    /** Like {@link #parse} but throws {@link IllegalArgumentException} with the reason. */
    public static TraceId of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(
                "not a trace id (want 1-xxxxxxxx-yyyyyyyyyyyyyyyyyyyyyyyy or 32 hex digits): " + text));
    }

    /** {@code 4efaaf4d1e8720b39541901950019ee5} → {@code 1-4efaaf4d-1e8720b39541901950019ee5}. */
    public static Optional<TraceId> fromW3c(String hex32) {
        if (hex32 == null || hex32.length() != 32 || !Ids.isHex(hex32, 0, 32)) {
            return Optional.empty();
        }
        String h = hex32.toLowerCase(Locale.ROOT);
        return Optional.of(new TraceId("1-" + h.substring(0, 8) + "-" + h.substring(8)));
    }

    /** A new id stamped with the current time. */
    public static TraceId generate() {
        return generate(Instant.now());
    }

    public static TraceId generate(Instant start) {
        return new TraceId("1-" + Ids.hex(start.getEpochSecond(), 8) + "-" + Ids.randomHex(24));
    }

    /** The 32-hex W3C / OpenTelemetry form. */
    public String toW3c() {
        return value.substring(2, 10) + value.substring(11);
    }

    /** The epoch seconds embedded in the id (not meaningful for ids converted from W3C). */
    public long epochSeconds() {
        return Long.parseLong(value.substring(2, 10), 16);
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceId other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public int compareTo(TraceId o) {
        return value.compareTo(o.value);
    }
}
