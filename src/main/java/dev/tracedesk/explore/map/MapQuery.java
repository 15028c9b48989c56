package dev.tracedesk.explore.map;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What to draw: a time window, an optional X-Ray group (by name; null or blank = all traces) and an optional filter
 * expression (null or blank = none).
 */
public record MapQuery(Instant from, Instant to, String group, String filter) {
    public MapQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts");
        }
        group = group == null || group.isBlank() ? null : group.strip();
        filter = filter == null || filter.isBlank() ? null : filter.strip();
    }

    public double seconds() {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
