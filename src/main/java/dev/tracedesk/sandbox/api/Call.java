package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One rest-json request as a route sees it: method, path, the path parameters its pattern bound ({@code {Name}}),
 * the query parameters, headers and the raw body (Lambda Invoke's payload is not a JSON object).
 */
public record Call(String method, String path, Map<String, String> params, Map<String, String> query, Headers headers,
                   byte[] body) {

    public String param(String name) { return params.get(name); }

    public String queryParam(String name) { return query.get(name); }

    public String header(String name) { return headers == null ? null : headers.getFirst(name); }

    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

    /** The body as a validated JSON object (empty body = {}); malformed JSON is the service's 400. */
    public Request request(String errorCode) {
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) return new Request(null);
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AwsException(errorCode, 400, "Could not parse request body into json: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AwsException(errorCode, 400, "Could not read request body: " + e.getMessage());
        }
        if (n == null || !n.isObject()) throw new AwsException(errorCode, 400, "Request body must be a JSON object");
        return new Request(n);
    }
}
