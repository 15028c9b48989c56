package dev.tracedesk.sandbox.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tracedesk.sandbox.runtime.InvokeResult;
import dev.tracedesk.sandbox.runtime.LocalLambda;
import dev.tracedesk.sandbox.runtime.SegmentEmitter;
import dev.tracedesk.xray.SegmentId;
import dev.tracedesk.xray.TraceHeader;
import dev.tracedesk.xray.TraceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A REST API stage served over HTTP on loopback: routes ({@code POST /<stage><resource>}) with Lambda proxy
 * integrations. With stage tracing on it makes the sampling decision with the sandbox's rules, emits the
 * {@code AWS::ApiGateway::Stage} segment (with its {@code Lambda} Invoke subsegment) and passes
 * {@code X-Amzn-Trace-Id} on; an incoming header's Root and decision are honoured (spec §7.5).
 */
public final class ApiStage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiStage.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_BODY = 10 * 1024 * 1024;

    private final String apiName;
    private final String apiId;
    private final String stage;
    private final String region;
    private final String account;
    private volatile Map<String, String> routes; // resource path -> function
    private final LocalLambda lambda;
    private final StageSampler sampler;
    private final SegmentEmitter emitter;
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile boolean tracingEnabled = true;

    public ApiStage(String apiName, String apiId, String stage, String region, String account, Map<String, String> routes,
                    LocalLambda lambda, StageSampler sampler, SegmentEmitter emitter, String bind, int port) throws IOException {
        this.apiName = apiName;
        this.apiId = apiId;
        this.stage = stage;
        this.region = region;
        this.account = account;
        this.routes = Map.copyOf(routes);
        this.lambda = lambda;
        this.sampler = sampler;
        this.emitter = emitter;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 256);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "api-stage-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() { return server.getAddress().getPort(); }

    public String invokeUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + "/" + stage;
    }

    public String serviceName() { return apiName + "/" + stage; }

    public String stageArn() { return "arn:aws:apigateway:" + region + "::/restapis/" + apiId + "/stages/" + stage; }

    public boolean tracingEnabled() { return tracingEnabled; }

    /** A new deployment's routes (resource path → function name). */
    public void routes(Map<String, String> routes) { this.routes = Map.copyOf(routes); }

    public Map<String, String> routes() { return routes; }

    public String apiId() { return apiId; }

    public String apiName() { return apiName; }

    public String stageName() { return stage; }

    public void tracingEnabled(boolean on) { this.tracingEnabled = on; }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            double start = now();
            String requestId = UUID.randomUUID().toString();
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            String resource = path.startsWith("/" + stage + "/") ? path.substring(stage.length() + 1) : null;
            String fn = resource == null ? null : routes.get(resource);
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));

            // Tracing decision: an upstream decision wins; otherwise the rules decide when tracing is on.
            TraceHeader in = TraceHeader.parse(ex.getRequestHeaders().getFirst(TraceHeader.NAME)).orElse(null);
            TraceId root = in != null && in.root() != null ? in.root() : TraceId.generate();
            TraceHeader.Sampled upstream = in == null ? TraceHeader.Sampled.UNKNOWN : in.sampled();
            String ruleName = null;
            boolean sampled;
            if (upstream == TraceHeader.Sampled.SAMPLED) {
                sampled = true;
            } else if (upstream == TraceHeader.Sampled.NOT_SAMPLED || !tracingEnabled) {
                sampled = false;
            } else {
                String host = ex.getRequestHeaders().getFirst("Host");
                StageSampler.Decision d = sampler.decide(new StageSampler.Request(serviceName(), host, method, path,
                        stageArn(), headers));
                sampled = d.sampled();
                ruleName = d.ruleName();
            }
            String stageSegmentId = SegmentId.generate();
            String lambdaSubsegmentId = SegmentId.generate();
            TraceHeader.Sampled decision = sampled ? TraceHeader.Sampled.SAMPLED : TraceHeader.Sampled.NOT_SAMPLED;
            // A stage that records passes its decision on; one with tracing off only adds a Root and passes the
            // caller's decision (none, usually), so an Active function samples on its own (spec §7.1, §7.5).
            if (!sampled && !tracingEnabled && upstream != TraceHeader.Sampled.NOT_SAMPLED) decision = TraceHeader.Sampled.UNKNOWN;
            String downstream = sampled ? TraceHeader.of(root, lambdaSubsegmentId, decision).format()
                    : TraceHeader.of(root, in == null ? null : in.parent(), decision).format();

            int status;
            String body;
            Map<String, String> outHeaders = new LinkedHashMap<>();
            ObjectNode lambdaSub = null;
            if (fn == null || !"POST".equals(method)) {
                drain(ex.getRequestBody());
                status = 403;
                body = "{\"message\":\"Missing Authentication Token\"}";
                outHeaders.put("x-amzn-ErrorType", "MissingAuthenticationTokenException");
            } else {
                byte[] raw = ex.getRequestBody().readNBytes(MAX_BODY + 1);
                if (raw.length > MAX_BODY) {
                    drain(ex.getRequestBody());
                    status = 413;
                    body = "{\"message\":\"Request Too Long\"}";
                } else {
                    double invokeStart = now();
                    ObjectNode event = proxyEvent(method, resource, path, headers, new String(raw, StandardCharsets.UTF_8),
                            requestId, ex.getRemoteAddress().getAddress().getHostAddress(), downstream);
                    InvokeResult r;
                    int invokeStatus = 200;
                    try {
                        r = lambda.invoke(fn, event, downstream);
                    } catch (RuntimeException e) {
                        LOG.warn("integration failure invoking {}", fn, e);
                        r = null;
                        invokeStatus = 500;
                    }
                    lambdaSub = JSON.createObjectNode().put("id", lambdaSubsegmentId).put("name", "Lambda")
                            .put("start_time", invokeStart).put("end_time", now()).put("namespace", "aws");
                    ObjectNode aws = JSON.createObjectNode().put("function_name", fn).put("region", region)
                            .put("operation", "Invoke").put("request_id", r == null ? requestId : r.requestId());
                    aws.set("resource_names", JSON.createArrayNode().add(fn));
                    lambdaSub.set("aws", aws);
                    lambdaSub.set("http", JSON.createObjectNode().set("response", JSON.createObjectNode().put("status", invokeStatus)));
                    if (invokeStatus >= 500) lambdaSub.put("fault", true);
                    Proxied p = r == null ? null : proxied(r);
                    if (p == null) {
                        status = 502;
                        body = "{\"message\": \"Internal server error\"}";
                        outHeaders.put("x-amzn-ErrorType", "InternalServerErrorException");
                    } else {
                        status = p.status;
                        body = p.body;
                        outHeaders.putAll(p.headers);
                    }
                }
            }
            outHeaders.put("x-amzn-RequestId", requestId);
            outHeaders.put("X-Amzn-Trace-Id", TraceHeader.of(root, null, decision).format());
            outHeaders.putIfAbsent("Content-Type", "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            outHeaders.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
            if (sampled) {
                emitter.send(stageSegment(root, in == null ? null : in.parent(), stageSegmentId, start, requestId, method,
                        ex, status, ruleName, lambdaSub));
            }
        } catch (IOException clientGone) {
            LOG.debug("stage client went away: {}", clientGone.toString());
        } catch (RuntimeException e) {
            LOG.warn("stage failure", e);
        }
    }

    private record Proxied(int status, String body, Map<String, String> headers) {}

    /** Lambda proxy integration: a function error or a malformed response is a 502, as in API Gateway. */
    private static Proxied proxied(InvokeResult r) {
        if (r.failed()) return null;
        JsonNode p = r.payload();
        if (p == null || !p.isObject() || !p.path("statusCode").canConvertToInt()) return null;
        int status = p.get("statusCode").asInt();
        if (status < 100 || status > 599) return null;
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = p.get("headers");
        if (h != null && h.isObject()) h.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        JsonNode body = p.get("body");
        return new Proxied(status, body == null || body.isNull() ? "" : body.isTextual() ? body.textValue() : body.toString(), headers);
    }

    private ObjectNode proxyEvent(String method, String resource, String path, Map<String, String> headers, String body,
                                  String requestId, String sourceIp, String traceHeader) {
        ObjectNode e = JSON.createObjectNode().put("resource", resource).put("path", resource).put("httpMethod", method);
        ObjectNode h = JSON.createObjectNode();
        headers.forEach(h::put);
        h.put(TraceHeader.NAME, traceHeader);
        e.set("headers", h);
        e.putNull("queryStringParameters");
        e.putNull("pathParameters");
        ObjectNode ctx = JSON.createObjectNode().put("resourcePath", resource).put("httpMethod", method).put("path", path)
                .put("stage", stage).put("requestId", requestId).put("apiId", apiId).put("accountId", account)
                .put("requestTimeEpoch", System.currentTimeMillis());
        ctx.set("identity", JSON.createObjectNode().put("sourceIp", sourceIp));
        e.set("requestContext", ctx);
        e.put("body", body).put("isBase64Encoded", false);
        return e;
    }

    private ObjectNode stageSegment(TraceId root, String parent, String id, double start, String requestId, String method,
                                    HttpExchange ex, int status, String ruleName, ObjectNode lambdaSub) {
        ObjectNode s = JSON.createObjectNode().put("trace_id", root.value()).put("id", id).put("name", serviceName())
                .put("start_time", start).put("end_time", now()).put("origin", "AWS::ApiGateway::Stage")
                .put("resource_arn", stageArn());
        if (parent != null) s.put("parent_id", parent);
        ObjectNode http = JSON.createObjectNode();
        String host = ex.getRequestHeaders().getFirst("Host");
        ObjectNode request = JSON.createObjectNode().put("method", method)
                .put("url", "http://" + (host == null ? "localhost" : host) + ex.getRequestURI())
                .put("client_ip", ex.getRemoteAddress().getAddress().getHostAddress());
        String ua = ex.getRequestHeaders().getFirst("User-Agent");
        if (ua != null) request.put("user_agent", ua);
        http.set("request", request);
        http.set("response", JSON.createObjectNode().put("status", status));
        s.set("http", http);
        if (status >= 500) s.put("fault", true);
        else if (status == 429) s.put("error", true).put("throttle", true);
        else if (status >= 400) s.put("error", true);
        ObjectNode aws = JSON.createObjectNode();
        aws.set("api_gateway", JSON.createObjectNode().put("account_id", account).put("rest_api_id", apiId)
                .put("stage", stage).put("request_id", requestId));
        if (ruleName != null) aws.set("xray", JSON.createObjectNode().put("sampling_rule_name", ruleName));
        s.set("aws", aws);
        s.set("annotations", JSON.createObjectNode().put("aws:api_id", apiId).put("aws:api_stage", stage));
        s.set("metadata", JSON.createObjectNode().set("default", JSON.createObjectNode()
                .put("extended_request_id", requestId.replace("-", "").substring(0, 16)).put("request_id", requestId)));
        if (lambdaSub != null) s.set("subsegments", JSON.createArrayNode().add(lambdaSub));
        return s;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        while (in.read(buf) > 0) { /* discard */ }
    }

    static double now() {
        Instant t = Instant.now();
        return t.getEpochSecond() + (t.getNano() / 1000) / 1e6;
    }

    public List<String> resources() { return List.copyOf(routes.keySet()); }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
