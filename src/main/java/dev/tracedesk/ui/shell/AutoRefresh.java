package dev.tracedesk.ui.shell;

import java.time.Duration;

/** Auto-refresh intervals offered in the top bar. */
public enum AutoRefresh {
    OFF(Duration.ZERO, "autoRefresh.off"),
    EVERY_10_SECONDS(Duration.ofSeconds(10), "autoRefresh.10s"),
    EVERY_30_SECONDS(Duration.ofSeconds(30), "autoRefresh.30s"),
    EVERY_MINUTE(Duration.ofMinutes(1), "autoRefresh.1m"),
    EVERY_5_MINUTES(Duration.ofMinutes(5), "autoRefresh.5m");

    private final Duration period;
    private final String labelKey;

    AutoRefresh(Duration period, String labelKey) {
        this.period = period;
        this.labelKey = labelKey;
    }

    public Duration period() {
        return period;
    }

    public String labelKey() {
        return labelKey;
    }
}
