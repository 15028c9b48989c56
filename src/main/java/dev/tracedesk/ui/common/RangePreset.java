package dev.tracedesk.ui.common;

import java.time.Duration;

/** The quick relative ranges of the time-range picker. */
public enum RangePreset {
    LAST_5_MINUTES(Duration.ofMinutes(5), "5m"),
    LAST_15_MINUTES(Duration.ofMinutes(15), "15m"),
    LAST_HOUR(Duration.ofHours(1), "1h"),
    LAST_3_HOURS(Duration.ofHours(3), "3h"),
    LAST_6_HOURS(Duration.ofHours(6), "6h"),
    LAST_24_HOURS(Duration.ofHours(24), "24h");

    private final Duration length;
    private final String shortName;

    RangePreset(Duration length, String shortName) {
        this.length = length;
        this.shortName = shortName;
    }

    public Duration length() {
        return length;
    }

    /** {@code 5m}, {@code 1h}, ...: the button text, also used in settings and on the command line. */
    public String shortName() {
        return shortName;
    }

    public static RangePreset fromShortName(String name) {
        for (RangePreset preset : values()) {
            if (preset.shortName.equals(name)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown time range '" + name + "', expected one of 5m, 15m, 1h, 3h, 6h, 24h");
    }
}
