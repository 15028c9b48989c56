package dev.tracedesk.explore.analytics;

import dev.tracedesk.xray.segment.Cause;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.trace.LambdaPhases;
import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What only the full trace document tells: cold start, the Lambda functions on the path, and the root cause (the
 * deepest entity with a fault or error that carries an exception, and the service that owns it).
 */
public record TraceDetails(boolean coldStart, List<String> functions, String rootCauseService,
        String rootCauseException) {

    public TraceDetails {
        functions = List.copyOf(functions);
    }

    public static TraceDetails of(Trace trace) {
        Set<String> functions = new LinkedHashSet<>();
        for (Segment s : trace.segments()) {
            if (LambdaPhases.isFunctionSegment(s)) {
                functions.add(s.name());
            }
        }
        String[] cause = new String[2];
        int[] depth = {-1};
        for (Segment s : trace.segments()) {
            walk(s, s, 0, cause, depth);
        }
        return new TraceDetails(LambdaPhases.hasColdStart(trace), new ArrayList<>(functions), cause[0], cause[1]);
    }

    private static void walk(Segment owner, Segment e, int level, String[] cause, int[] depth) {
        Cause c = e.cause();
        if ((e.fault() || e.error()) && c != null && !c.exceptions().isEmpty() && level > depth[0]) {
            Cause.ExceptionInfo ex = c.exceptions().get(0);
            depth[0] = level;
            cause[0] = owner.name();
            cause[1] = ex.type() == null || ex.type().isBlank() ? ex.message() : ex.type();
        }
        for (Segment sub : e.subsegments()) {
            walk(owner, sub, level + 1, cause, depth);
        }
    }
}
