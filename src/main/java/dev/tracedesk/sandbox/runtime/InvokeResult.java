package dev.tracedesk.sandbox.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an invocation returned: the handler's payload, or for a function error ({@code functionError} "Unhandled")
 * Lambda's {@code {"errorMessage","errorType"}} payload. {@code traceHeader} is what the invocation ran under.
 */
public record InvokeResult(String requestId, JsonNode payload, String functionError, String traceHeader, boolean coldStart) {
    public boolean failed() { return functionError != null; }
}
