package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers: status, content type, extra headers, body bytes. */
public record Reply(int status, String contentType, Map<String, String> headers, byte[] body) {
    public static Reply json(int status, JsonNode body) {
        try {
            return new Reply(status, "application/json", new LinkedHashMap<>(), Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Reply json(JsonNode body) { return json(200, body); }

    /** No body (204), as DeleteFunction and friends answer. */
    public static Reply empty(int status) { return new Reply(status, "application/json", new LinkedHashMap<>(), new byte[0]); }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
