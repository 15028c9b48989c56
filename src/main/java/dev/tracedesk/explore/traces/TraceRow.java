package dev.tracedesk.explore.traces;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One trace summary as the traces list shows it (GetTraceSummaries, spec §2.2), independent of the SDK's types.
 * Fields the service did not send are null (numbers) or empty (lists and maps).
 *
 * @param annotations annotation key → its distinct values as text
 */
public record TraceRow(String id, Instant start, String method, Integer status, Double responseTime, Double duration,
        String url, String clientIp, String userAgent, List<String> users, boolean fault, boolean error,
        boolean throttle, boolean partial, Map<String, List<String>> annotations, List<String> resourceArns,
        List<String> services, String entryPoint) {

    public TraceRow {
        users = List.copyOf(users);
        annotations = Map.copyOf(annotations);
        resourceArns = List.copyOf(resourceArns);
        services = List.copyOf(services);
    }

    /** ok / error / fault / throttle, as the X-Ray console labels a trace. */
    public String outcome() {
        if (fault) {
            return "fault";
        }
        if (throttle) {
            return "throttle";
        }
        return error ? "error" : "ok";
    }
}
