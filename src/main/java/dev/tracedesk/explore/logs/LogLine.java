package dev.tracedesk.explore.logs;

import java.time.Instant;
import java.util.Optional;

/** One log event of a trace, with the figures of its REPORT line when it is one. */
public record LogLine(String eventId, String logGroup, String logStream, Instant timestamp, String message) {

    public Optional<Report> report() {
        return Report.parse(message);
    }
}
