package dev.tracedesk.explore.traces;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A GetTraceSummaries question: a time window and an optional filter expression (blank = none). */
public record TraceQuery(Instant from, Instant to, String filter) {

    /** X-Ray answers GetTraceSummaries for at most 24 hours per request. */
    public static final Duration MAX_WINDOW = Duration.ofHours(24);

    public TraceQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts: " + from + " .. " + to);
        }
        filter = filter == null ? "" : filter.strip();
    }

    /** The window cut into ≤24 h slices, newest first, so the list fills from the most recent traces. */
    public List<TraceQuery> slices() {
        List<TraceQuery> out = new ArrayList<>();
        Instant end = to;
        while (end.isAfter(from) || out.isEmpty()) {
            Instant start = end.minus(MAX_WINDOW).isBefore(from) ? from : end.minus(MAX_WINDOW);
            out.add(new TraceQuery(start, end, filter));
            if (!start.isAfter(from)) {
                break;
            }
            end = start;
        }
        return out;
    }
}
