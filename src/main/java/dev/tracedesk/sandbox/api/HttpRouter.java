package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches rest-json requests by method and path (every X-Ray operation is POST /Something) and turns every
 * failure into the AWS error shape of spec §1.4: an {@code x-amzn-ErrorType} header and a {@code __type}/{@code message}
 * body. A bug surfaces as a ServiceException 500 with a short message, never a stack trace.
 */
public final class HttpRouter implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRouter.class);
    /** PutTraceSegments with 50 documents of 64 KiB fits comfortably; anything bigger is refused. */
    static final int MAX_BODY = 16 * 1024 * 1024;

    private final Map<String, Operation> posts = new ConcurrentHashMap<>();
    private final Map<String, Supplier<JsonNode>> gets = new ConcurrentHashMap<>();

    public void post(String path, Operation op) { posts.put(path, op); }

    public void get(String path, Supplier<JsonNode> op) { gets.put(path, op); }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (ex) {
            ex.getResponseHeaders().set("x-amzn-RequestId", requestId);
            int status = 200;
            JsonNode response;
            try {
                response = dispatch(ex);
            } catch (AwsException e) {
                status = e.status();
                response = errorBody(e.code(), e.getMessage());
                ex.getResponseHeaders().set("x-amzn-ErrorType", e.code());
            } catch (RuntimeException | StackOverflowError e) {
                LOG.warn("internal error in {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
                status = 500;
                response = errorBody("ServiceException", "Internal error (request " + requestId + ")");
                ex.getResponseHeaders().set("x-amzn-ErrorType", "ServiceException");
            }
            byte[] bytes = Json.MAPPER.writeValueAsBytes(response);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            LOG.debug("client went away: {}", clientGone.toString());
        }
    }

    private JsonNode dispatch(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        if ("GET".equals(method)) {
            Supplier<JsonNode> g = gets.get(path);
            if (g != null) return g.get();
        }
        Operation op = "POST".equals(method) ? posts.get(path) : null;
        if (op == null) {
            drain(ex.getRequestBody());
            throw AwsException.unknownOperation(method, path);
        }
        byte[] raw = readBody(ex.getRequestBody());
        JsonNode body;
        if (isBlank(raw)) {
            body = null;
        } else {
            try {
                body = Json.MAPPER.readTree(raw);
            } catch (JsonProcessingException e) {
                throw AwsException.invalidRequest("Malformed request body: " + e.getOriginalMessage());
            }
        }
        return op.handle(new Request(body));
    }

    private static boolean isBlank(byte[] raw) {
        for (byte b : raw) if (!Character.isWhitespace(b)) return false;
        return true;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > MAX_BODY) {
                drain(in);
                throw AwsException.invalidRequest("Request body exceeds " + MAX_BODY + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[16384];
        while (in.read(buf) > 0) { /* discard */ }
    }

    static JsonNode errorBody(String code, String message) {
        return Json.object().put("__type", code).put("message", message == null ? code : message);
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
