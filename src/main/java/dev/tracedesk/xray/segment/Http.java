package dev.tracedesk.xray.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code http} block (spec §3.4). Unknown keys are kept in {@code extra} (null when none) so documents round-trip.
 */
public record Http(Request request, Response response, ObjectNode extra) {

    public record Request(String method, String url, String userAgent, String clientIp, Boolean xForwardedFor,
                          Boolean traced, ObjectNode extra) {
        public static Request of(String method, String url) {
            return new Request(method, url, null, null, null, null, null);
        }
    }

    public record Response(Integer status, Long contentLength, ObjectNode extra) {
        public static Response of(int status) {
            return new Response(status, null, null);
        }
    }

    public static Http of(Request request, Response response) {
        return new Http(request, response, null);
    }

    /** The response status or null. */
    public Integer status() {
        return response == null ? null : response.status();
    }
}
