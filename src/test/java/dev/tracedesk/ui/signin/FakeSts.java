package dev.tracedesk.ui.signin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for AWS STS (query protocol): GetCallerIdentity and AssumeRole, with an error to answer instead
 * when a test asks for one. Static keys get account {@link #ACCOUNT}, assumed-role keys {@link #ROLE_ACCOUNT}.
 */
public final class FakeSts implements AutoCloseable {
    public static final String ACCOUNT = "111122223333";
    public static final String ROLE_ACCOUNT = "444455556666";
    public static final String ROLE_KEY_ID = "ASIAASSUMEDROLE";
    public static final String ROLE_SECRET = "ASSUMED-SECRET-s3cr3t";
    public static final String ROLE_SESSION_TOKEN = "ASSUMED-SESSION-s3cr3t";
    private static final Pattern KEY_ID = Pattern.compile("Credential=([^/]+)/");

    /** One request: its Action, the access key id that signed it and its form parameters. */
    public record Call(String action, String accessKeyId, Map<String, String> params) {
    }

    private final HttpServer server;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile String[] error;

    public FakeSts() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on every call fails with this HTTP status, error code and message. */
    public void failWith(int status, String code, String message) {
        error = new String[] {String.valueOf(status), code, message};
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = parse(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            Matcher key = KEY_ID.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String keyId = key.find() ? key.group(1) : "";
            String action = params.getOrDefault("Action", "");
            calls.add(new Call(action, keyId, params));
            String[] failure = error;
            if (failure != null) {
                send(exchange, Integer.parseInt(failure[0]), "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/"
                        + "2011-06-15/\"><Error><Type>Sender</Type><Code>" + failure[1] + "</Code><Message>"
                        + failure[2] + "</Message></Error><RequestId>r1</RequestId></ErrorResponse>");
                return;
            }
            switch (action) {
                case "GetCallerIdentity": {
                    String account = keyId.equals(ROLE_KEY_ID) ? ROLE_ACCOUNT : ACCOUNT;
                    send(exchange, 200, "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                            + "<GetCallerIdentityResult><Arn>arn:aws:iam::" + account + ":user/alice</Arn>"
                            + "<UserId>AIDAALICE</UserId><Account>" + account + "</Account></GetCallerIdentityResult>"
                            + "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
                    break;
                }
                case "AssumeRole":
                    send(exchange, 200, "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                            + "<AssumeRoleResult><Credentials><AccessKeyId>" + ROLE_KEY_ID + "</AccessKeyId>"
                            + "<SecretAccessKey>" + ROLE_SECRET + "</SecretAccessKey><SessionToken>"
                            + ROLE_SESSION_TOKEN + "</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration>"
                            + "</Credentials><AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId><Arn>arn:aws:sts::"
                            + ROLE_ACCOUNT + ":assumed-role/XRayReadOnly/s</Arn></AssumedRoleUser></AssumeRoleResult>"
                            + "<ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></AssumeRoleResponse>");
                    break;
                default:
                    send(exchange, 400, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>"
                            + "<Message>no " + action + "</Message></Error></ErrorResponse>");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> result = new HashMap<>();
        for (String pair : form.split("&")) {
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
