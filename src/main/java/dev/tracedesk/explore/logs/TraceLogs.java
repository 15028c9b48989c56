package dev.tracedesk.explore.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs a trace's log searches and merges the answers: each event once (the same line matches the trace id and the
 * request id), in time order. When nothing is found it says why, most specific reason first.
 */
public final class TraceLogs {

    /** Why a trace's logs came back empty. */
    public enum EmptyReason {
        /** The trace ran no Lambda function, so there is no log group to search. */
        NO_FUNCTIONS,
        /** The functions' log groups do not exist (never invoked here, or logging elsewhere). */
        NO_LOG_GROUP,
        /** The credentials may not read the log groups. */
        NO_PERMISSION,
        /** The trace is older than the log groups keep events. */
        RETENTION,
        /** The groups exist and were searched, but no line carries the trace id or a request id. */
        NOT_LOGGED
    }

    /**
     * The lines found, or the reason there are none.
     *
     * @param reason null when lines were found
     * @param groups the log groups that were searched (or tried)
     */
    public record Result(List<LogLine> lines, EmptyReason reason, List<String> groups, String detail) {
        public Result {
            lines = List.copyOf(lines);
            groups = List.copyOf(groups);
        }
    }

    private TraceLogs() {
    }

    public static Result fetch(LogsQuery query, LogsSource source, Instant now) {
        if (query.searches().isEmpty()) {
            return new Result(List.of(), EmptyReason.NO_FUNCTIONS, List.of(), "");
        }
        Map<String, LogLine> byEvent = new LinkedHashMap<>();
        Set<String> groups = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        Set<String> denied = new LinkedHashSet<>();
        String detail = "";
        for (LogSearch search : query.searches()) {
            groups.add(search.logGroup());
            if (missing.contains(search.logGroup()) || denied.contains(search.logGroup())) {
                continue;
            }
            try {
                for (LogLine line : source.filter(search)) {
                    byEvent.putIfAbsent(key(line), line);
                }
            } catch (LogsSource.LogsAccessException e) {
                (e.failure() == LogsSource.Failure.NO_LOG_GROUP ? missing : denied).add(search.logGroup());
                detail = e.getMessage() == null ? "" : e.getMessage();
            }
        }
        List<LogLine> lines = new ArrayList<>(byEvent.values());
        lines.sort(Comparator.comparing(LogLine::timestamp).thenComparing(LogLine::eventId,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        if (!lines.isEmpty()) {
            return new Result(lines, null, List.copyOf(groups), "");
        }
        if (!denied.isEmpty()) {
            return new Result(lines, EmptyReason.NO_PERMISSION, List.copyOf(denied), detail);
        }
        if (missing.size() == groups.size()) {
            return new Result(lines, EmptyReason.NO_LOG_GROUP, List.copyOf(missing), detail);
        }
        long oldest = query.searches().stream().mapToLong(LogSearch::startMillis).min().orElse(now.toEpochMilli());
        for (String group : groups) {
            if (missing.contains(group)) {
                continue;
            }
            OptionalInt days = source.retentionDays(group);
            if (days.isPresent() && Instant.ofEpochMilli(oldest).isBefore(now.minus(Duration.ofDays(days.getAsInt())))) {
                return new Result(lines, EmptyReason.RETENTION, List.of(group), days.getAsInt() + " days");
            }
        }
        return new Result(lines, EmptyReason.NOT_LOGGED, List.copyOf(groups), "");
    }

    private static String key(LogLine line) {
        return line.eventId() != null ? line.eventId()
                : line.logStream() + "|" + line.timestamp().toEpochMilli() + "|" + line.message();
    }
}
