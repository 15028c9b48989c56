package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    /** json 1.0/1.1 operations (CloudWatch Logs) keyed by their {@code X-Amz-Target} header. */
    private final Map<String, Operation> targets = new ConcurrentHashMap<>();

    /** A rest-json route: {@code pattern} segments in braces bind path parameters ({@code /functions/{FunctionName}}). */
    private record Route(String method, String[] segments, RestOperation op) {}

    private final java.util.List<Route> routes = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Query-protocol operations keyed by service ("iam", "sts", "cloudformation") then Action. */
    private final Map<String, Map<String, QueryOperation>> queries = new ConcurrentHashMap<>();
    /** The query protocol's services by API version (they all POST to /). */
    private static final Map<String, String> QUERY_VERSIONS = Map.of(
            "2010-05-08", "iam", "2011-06-15", "sts", "2010-05-15", "cloudformation");
    private static final Map<String, String> QUERY_NAMESPACES = Map.of(
            "iam", "https://iam.amazonaws.com/doc/2010-05-08/",
            "sts", "https://sts.amazonaws.com/doc/2011-06-15/",
            "cloudformation", "http://cloudformation.amazonaws.com/doc/2010-05-15/");

    public void route(String method, String pattern, RestOperation op) {
        routes.add(new Route(method, split(pattern), op));
    }

    public void query(String service, String action, QueryOperation op) {
        queries.computeIfAbsent(service, k -> new ConcurrentHashMap<>()).put(action, op);
    }

    public void post(String path, Operation op) { posts.put(path, op); }

    public void target(String amzTarget, Operation op) { targets.put(amzTarget, op); }

    public void get(String path, Supplier<JsonNode> op) { gets.put(path, op); }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (ex) {
            ex.getResponseHeaders().set("x-amzn-RequestId", requestId);
            try {
                if (handledAsRoute(ex, requestId) || handledAsQuery(ex, requestId)) return;
            } catch (RuntimeException | StackOverflowError e) {
                LOG.warn("internal error in {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
                send(ex, Reply.json(500, errorBody("ServiceException", "Internal error (request " + requestId + ")"))
                        .header("x-amzn-ErrorType", "ServiceException"));
                return;
            }
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

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private static Map<String, String> queryParams(java.net.URI uri) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                throw new AwsException("BadRequestException", 400, "Malformed query string: " + Request.abbreviate(pair));
            }
        }
        return out;
    }

    /** rest-json routes with path parameters (Lambda, API Gateway); false when no pattern matches the path. */
    private boolean handledAsRoute(HttpExchange ex, String requestId) throws IOException {
        if (routes.isEmpty()) return false;
        String method = ex.getRequestMethod();
        String[] segs = split(ex.getRequestURI().getPath());
        Route hit = null;
        Map<String, String> params = null;
        boolean pathKnown = false;
        for (Route r : routes) {
            Map<String, String> p = match(r.segments, segs);
            if (p == null) continue;
            pathKnown = true;
            if (r.method.equals(method)) {
                hit = r;
                params = p;
                break;
            }
        }
        if (!pathKnown) return false;
        Reply reply;
        try {
            if (hit == null) {
                drain(ex.getRequestBody());
                throw new AwsException("UnknownOperationException", 405,
                        "Method " + method + " is not allowed on " + ex.getRequestURI().getPath());
            }
            Map<String, String> query = queryParams(ex.getRequestURI());
            byte[] body = readBody(ex.getRequestBody());
            reply = hit.op.handle(new Call(method, ex.getRequestURI().getPath(), params, query, ex.getRequestHeaders(), body));
        } catch (AwsException e) {
            ObjectNode err = Json.object().put("__type", e.code()).put("message", e.getMessage() == null ? e.code() : e.getMessage());
            if (e.status() < 500) err.put("Type", "User");
            reply = Reply.json(e.status(), err).header("x-amzn-ErrorType", e.code());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("internal error in {} {}", method, ex.getRequestURI(), e);
            reply = Reply.json(500, errorBody("ServiceException", "Internal error (request " + requestId + ")"))
                    .header("x-amzn-ErrorType", "ServiceException");
        }
        send(ex, reply);
        return true;
    }

    private static Map<String, String> match(String[] pattern, String[] segs) {
        if (pattern.length != segs.length) return null;
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (segs[i].isEmpty()) return null;
                params.put(p.substring(1, p.length() - 1), segs[i]);
            } else if (!p.equals(segs[i])) {
                return null;
            }
        }
        return params;
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        byte[] bytes = reply.body();
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * The query protocol: a form-encoded POST to / with Action and Version (IAM, STS, CloudFormation). The service
     * is told by Version, else by the SigV4 credential scope; errors use the XML ErrorResponse shape.
     */
    private boolean handledAsQuery(HttpExchange ex, String requestId) throws IOException {
        if (!"POST".equals(ex.getRequestMethod()) || ex.getRequestHeaders().getFirst("X-Amz-Target") != null) return false;
        String path = ex.getRequestURI().getPath();
        if (!"/".equals(path) && !path.isEmpty()) return false;
        String ct = ex.getRequestHeaders().getFirst("Content-Type");
        if (ct == null || !ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) return false;
        String service = scopeService(ex.getRequestHeaders().getFirst("Authorization"));
        // Map.of rejects null keys: a request without a SigV4 scope has no service until its Version says one.
        String ns = service != null && QUERY_NAMESPACES.containsKey(service) ? QUERY_NAMESPACES.get(service) : QUERY_NAMESPACES.get("iam");
        int status = 200;
        String xml;
        try {
            Form form = Form.parse(new String(readBody(ex.getRequestBody()), StandardCharsets.UTF_8));
            String byVersion = form.version() == null ? null : QUERY_VERSIONS.get(form.version());
            if (byVersion != null) service = byVersion;
            if (service != null && QUERY_NAMESPACES.containsKey(service)) ns = QUERY_NAMESPACES.get(service);
            String action = form.action();
            if (action == null || action.isEmpty()) throw new AwsException("MissingAction", 400, "Missing Action parameter");
            Map<String, QueryOperation> ops = service == null ? null : queries.get(service);
            QueryOperation op = ops == null ? null : ops.get(action);
            if (op == null) {
                throw new AwsException("InvalidAction", 400, "Could not find operation " + action
                        + (form.version() == null ? "" : " for version " + form.version()));
            }
            String result = op.handle(form);
            Xml out = new Xml().raw("<" + action + "Response xmlns=\"" + ns + "\">");
            if (result != null) out.open(action + "Result").raw(result).close(action + "Result");
            out.open("ResponseMetadata").el("RequestId", requestId).close("ResponseMetadata").close(action + "Response");
            xml = out.toString();
        } catch (AwsException e) {
            status = e.status();
            xml = new Xml().raw("<ErrorResponse xmlns=\"" + ns + "\">").open("Error")
                    .el("Type", e.status() >= 500 ? "Receiver" : "Sender").el("Code", e.code())
                    .el("Message", e.getMessage()).close("Error").el("RequestId", requestId).close("ErrorResponse").toString();
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("internal error in query action", e);
            status = 500;
            xml = new Xml().raw("<ErrorResponse xmlns=\"" + ns + "\">").open("Error").el("Type", "Receiver")
                    .el("Code", "InternalFailure").el("Message", "Internal error (request " + requestId + ")")
                    .close("Error").el("RequestId", requestId).close("ErrorResponse").toString();
        }
        send(ex, new Reply(status, "text/xml", new java.util.LinkedHashMap<>(), utf8(xml)));
        return true;
    }

    /** {@code AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/iam/aws4_request, ...} → "iam". */
    static String scopeService(String authorization) {
        if (authorization == null) return null;
        int i = authorization.indexOf("Credential=");
        if (i < 0) return null;
        int end = authorization.indexOf(',', i);
        String[] parts = authorization.substring(i + 11, end < 0 ? authorization.length() : end).trim().split("/");
        return parts.length >= 5 ? parts[3] : null;
    }

    private JsonNode dispatch(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        if ("GET".equals(method)) {
            Supplier<JsonNode> g = gets.get(path);
            if (g != null) return g.get();
        }
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        Operation op = "POST".equals(method) ? (target != null ? targets.get(target) : posts.get(path)) : null;
        if (op == null && target != null) {
            drain(ex.getRequestBody());
            throw new AwsException("UnknownOperationException", 400, "Unknown operation " + target);
        }
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
