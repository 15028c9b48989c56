package dev.tracedesk.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A concrete [from, to) time window, what screens query with. */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts: " + from + " .. " + to);
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
