package dev.tracedesk.explore.logs;

import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.trace.LambdaPhases;
import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the log searches for a trace (spec §7.7): each {@code AWS::Lambda::Function} segment names a function whose
 * log group is {@code /aws/lambda/<name>} (or the groups its segment lists in {@code aws.cloudwatch_logs}); its
 * parent {@code AWS::Lambda} segment carries the invocation's request id. The window runs from 5 s before the first
 * invocation to 60 s after the last. Ids are quoted: a trace id starts with {@code 1-} and an unquoted leading
 * {@code -} would mean "exclude".
 */
public final class TraceLogsQueries {

    static final long BEFORE_MS = 5_000;
    static final long AFTER_MS = 60_000;

    private TraceLogsQueries() {
    }

    public static LogsQuery forTrace(Trace trace) {
        String traceId = trace.id().value();
        String hex = trace.id().toW3c();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Segment segment : trace.segments()) {
            boolean function = LambdaPhases.isFunctionSegment(segment);
            boolean service = LambdaPhases.SERVICE_ORIGIN.equals(segment.origin());
            if (!function && !service) {
                continue;
            }
            String name = segment.name();
            for (String logGroup : logGroups(segment, name)) {
                Group g = groups.computeIfAbsent(logGroup, k -> new Group(name));
                g.start = Math.min(g.start, segment.startTime());
                g.end = Math.max(g.end, segment.hasEndTime() ? segment.endTime() : segment.startTime());
                String requestId = segment.awsText("request_id");
                if (service && requestId != null && !requestId.isBlank()) {
                    g.requestIds.add(requestId);
                }
            }
        }
        List<LogSearch> searches = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        groups.forEach((logGroup, g) -> {
            functions.add(g.function);
            long from = (long) Math.floor(g.start * 1000) - BEFORE_MS;
            long to = (long) Math.ceil(g.end * 1000) + AFTER_MS;
            searches.add(new LogSearch(g.function, logGroup, from, to, quote(traceId)));
            searches.add(new LogSearch(g.function, logGroup, from, to, quote(hex)));
            for (String requestId : g.requestIds) {
                searches.add(new LogSearch(g.function, logGroup, from, to, quote(requestId)));
            }
        });
        return new LogsQuery(traceId, hex, functions.stream().distinct().toList(), searches);
    }

    private static List<String> logGroups(Segment segment, String function) {
        List<String> out = new ArrayList<>();
        if (segment.aws() != null && segment.aws().path("cloudwatch_logs").isArray()) {
            segment.aws().path("cloudwatch_logs").forEach(n -> {
                String g = n.path("log_group").asText("");
                if (!g.isBlank()) {
                    out.add(g);
                }
            });
        }
        if (out.isEmpty()) {
            out.add("/aws/lambda/" + function);
        }
        return out;
    }

    static String quote(String term) {
        return "\"" + term + "\"";
    }

    private static final class Group {
        final String function;
        double start = Double.MAX_VALUE;
        double end = -Double.MAX_VALUE;
        final Set<String> requestIds = new LinkedHashSet<>();

        Group(String function) {
            this.function = function;
        }
    }
}
