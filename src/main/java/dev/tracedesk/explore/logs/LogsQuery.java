package dev.tracedesk.explore.logs;

import java.util.List;

/**
 * The log searches for one trace: per function log group, its lines with the trace id in X-Ray form and in 32-hex
 * form, and the lines with the request ids of its invocations (START/END/REPORT and runtime lines).
 *
 * @param functions the Lambda functions of the trace; empty when the trace ran none
 */
public record LogsQuery(String traceId, String traceIdHex, List<String> functions, List<LogSearch> searches) {
    public LogsQuery {
        functions = List.copyOf(functions);
        searches = List.copyOf(searches);
    }
}
