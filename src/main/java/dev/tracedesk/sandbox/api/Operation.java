package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;

/** One rest-json operation: a validated request body in, a response body out. */
@FunctionalInterface
public interface Operation {
    JsonNode handle(Request request);
}
