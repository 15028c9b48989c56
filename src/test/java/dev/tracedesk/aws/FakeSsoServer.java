package dev.tracedesk.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for AWS SSO-OIDC (RegisterClient, StartDeviceAuthorization, CreateToken) and the SSO portal
 * (GetRoleCredentials), speaking the rest-json wire shapes of the service models. Public so that the GUI's sign-in
 * tests drive the same server.
 */
public final class FakeSsoServer implements AutoCloseable {
    public static final String CLIENT_ID = "client-id-1";
    public static final String CLIENT_SECRET = "CLIENT-SECRET-s3cr3t";
    public static final String DEVICE_CODE = "DEVICE-CODE-s3cr3t";
    public static final String USER_CODE = "ABCD-EFGH";
    public static final String ACCESS_KEY_ID = "ASIAFAKESSO";
    public static final String SECRET_ACCESS_KEY = "ROLE-SECRET-KEY-s3cr3t";
    public static final String SESSION_TOKEN = "ROLE-SESSION-TOKEN-s3cr3t";

    public record Request(String method, String path, Map<String, String> query, JsonNode body, String bearer) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    /** Answers to device-code CreateToken polls: "pending", "slow_down", "expired", "denied", "ok". */
    private final Deque<String> tokenAnswers = new ArrayDeque<>();
    private int issued;
    private volatile String validAccessToken;
    private volatile boolean refreshAllowed = true;
    private volatile int tokenInterval = 5;
    private volatile long credentialsLifetimeMillis = 3_600_000L;

    public FakeSsoServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized void answerTokenPolls(String... answers) {
        tokenAnswers.clear();
        tokenAnswers.addAll(List.of(answers));
    }

    public void refreshAllowed(boolean allowed) {
        refreshAllowed = allowed;
    }

    /** Makes the portal accept this token (as if issued earlier, e.g. by the AWS CLI). */
    public void acceptAccessToken(String token) {
        validAccessToken = token;
    }

    /**
     * How long the role credentials GetRoleCredentials hands out live (1 h by default). Under the SDK's one-minute
     * stale time, every call then asks the portal again, so a revoked token shows at the next request.
     */
    public void credentialsLifetime(java.time.Duration lifetime) {
        credentialsLifetimeMillis = lifetime.toMillis();
    }

    public void interval(int seconds) {
        tokenInterval = seconds;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public long count(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).count();
    }

    public String currentAccessToken() {
        return validAccessToken;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
            Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
            String bearer = exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
            requests.add(new Request(exchange.getRequestMethod(), path, query, body, bearer));
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/client/register")) {
                long now = System.currentTimeMillis() / 1000;
                ok(exchange, JSON.createObjectNode().put("clientId", CLIENT_ID).put("clientSecret", CLIENT_SECRET)
                        .put("clientIdIssuedAt", now).put("clientSecretExpiresAt", now + 90L * 24 * 3600));
            } else if (method.equals("POST") && path.equals("/device_authorization")) {
                ok(exchange, JSON.createObjectNode().put("deviceCode", DEVICE_CODE).put("userCode", USER_CODE)
                        .put("verificationUri", "https://device.sso.example.com/")
                        .put("verificationUriComplete", "https://device.sso.example.com/?user_code=" + USER_CODE)
                        .put("expiresIn", 600).put("interval", tokenInterval));
            } else if (method.equals("POST") && path.equals("/token")) {
                token(exchange, body);
            } else if (method.equals("GET") && path.equals("/federation/credentials")) {
                if (bearer == null || !bearer.equals(validAccessToken)) {
                    error(exchange, 401, "UnauthorizedException", "message", "Session token not found or invalid");
                    return;
                }
                ObjectNode credentials = JSON.createObjectNode().put("accessKeyId", ACCESS_KEY_ID)
                        .put("secretAccessKey", SECRET_ACCESS_KEY).put("sessionToken", SESSION_TOKEN)
                        .put("expiration", System.currentTimeMillis() + credentialsLifetimeMillis);
                ObjectNode response = JSON.createObjectNode();
                response.set("roleCredentials", credentials);
                ok(exchange, response);
            } else {
                error(exchange, 404, "NotFound", "message", "no route " + method + " " + path);
            }
        }
    }

    private void token(HttpExchange exchange, JsonNode body) throws IOException {
        String grant = body.path("grantType").asText();
        if (grant.equals("refresh_token")) {
            if (!refreshAllowed) {
                error(exchange, 400, "InvalidGrantException", "error", "invalid_grant");
                return;
            }
            issue(exchange);
            return;
        }
        String answer;
        synchronized (this) {
            answer = tokenAnswers.isEmpty() ? "ok" : tokenAnswers.poll();
        }
        switch (answer) {
            case "pending":
                error(exchange, 400, "AuthorizationPendingException", "error", "authorization_pending");
                break;
            case "slow_down":
                error(exchange, 400, "SlowDownException", "error", "slow_down");
                break;
            case "expired":
                error(exchange, 400, "ExpiredTokenException", "error", "expired_token");
                break;
            case "denied":
                error(exchange, 400, "AccessDeniedException", "error", "access_denied");
                break;
            default:
                issue(exchange);
        }
    }

    private void issue(HttpExchange exchange) throws IOException {
        int n;
        synchronized (this) {
            n = ++issued;
        }
        validAccessToken = "ACCESS-TOKEN-" + n + "-s3cr3t";
        ok(exchange, JSON.createObjectNode().put("accessToken", validAccessToken).put("tokenType", "Bearer")
                .put("expiresIn", 28800).put("refreshToken", "REFRESH-TOKEN-" + n + "-s3cr3t"));
    }

    private static void ok(HttpExchange exchange, JsonNode body) throws IOException {
        send(exchange, 200, body, null);
    }

    /** The rest-json error shape: x-amzn-ErrorType header plus the model's members in the body. */
    private static void error(HttpExchange exchange, int status, String type, String field, String value)
            throws IOException {
        ObjectNode body = JSON.createObjectNode().put(field, value);
        if (field.equals("error")) {
            body.put("error_description", value.replace('_', ' '));
        }
        send(exchange, status, body, type);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body, String errorType) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "req-" + System.nanoTime());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> result = new HashMap<>();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
