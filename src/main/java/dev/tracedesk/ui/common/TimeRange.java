package dev.tracedesk.ui.common;

import java.time.Instant;
import java.util.Objects;

/** What the user asked for: the last N minutes (moves with the clock) or a fixed from/to. */
public sealed interface TimeRange {

    /** The concrete window this range means at {@code now}. */
    TimeWindow resolve(Instant now);

    /** The last {@code preset.length()} up to now. */
    record Relative(RangePreset preset) implements TimeRange {
        public Relative {
            Objects.requireNonNull(preset);
        }

        @Override
        public TimeWindow resolve(Instant now) {
            return new TimeWindow(now.minus(preset.length()), now);
        }
    }

    /** A fixed window, {@code from} before {@code to}. */
    record Absolute(Instant from, Instant to) implements TimeRange {
        public Absolute {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("from " + from + " is not before to " + to);
            }
        }

        @Override
        public TimeWindow resolve(Instant now) {
            return new TimeWindow(from, to);
        }
    }
}
