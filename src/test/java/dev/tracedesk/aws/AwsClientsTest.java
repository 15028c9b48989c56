package dev.tracedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clients built for a connection go where the connection says, signed for its region and credentials. */
class AwsClientsTest {
    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    record Seen(String method, String path, String accessKey, String region, String service, String contentType,
                String body) {
    }

    @TempDir
    Path home;
    private HttpServer server;
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            Matcher m = SCOPE.matcher(auth);
            boolean signed = m.find();
            String service = signed ? m.group(3) : "";
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    signed ? m.group(1) : "", signed ? m.group(2) : "", service, contentType, body));
            String response;
            String type = "application/json";
            switch (service) {
                case "sts":
                    if (contentType.contains("json")) {
                        response = "{\"Account\":\"000000000000\",\"Arn\":\"arn:aws:iam::000000000000:root\","
                                + "\"UserId\":\"AIDLOCAL\"}";
                        type = "application/x-amz-json-1.0";
                    } else {
                        response = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                                + "<GetCallerIdentityResult><Arn>arn:aws:iam::000000000000:root</Arn>"
                                + "<UserId>AIDLOCAL</UserId><Account>000000000000</Account></GetCallerIdentityResult>"
                                + "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>"
                                + "</GetCallerIdentityResponse>";
                        type = "text/xml";
                    }
                    break;
                case "xray":
                    response = "{\"SamplingRuleRecords\":[]}";
                    break;
                case "logs":
                    response = "{\"logGroups\":[]}";
                    break;
                case "lambda":
                    response = "{\"Functions\":[]}";
                    break;
                case "s3":
                    response = "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                            + "<Name>shop-artifacts</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated>"
                            + "</ListBucketResult>";
                    type = "application/xml";
                    break;
                case "apigateway":
                    response = "{\"item\":[]}";
                    break;
                default:
                    response = "{}";
            }
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("x-amzn-RequestId", "r1");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Test
    void sandboxClientsTalkToTheLocalEndpointWithDummyKeysInUsEast1() {
        SandboxConnection sandbox = new SignIn(new AwsEnvironment(Map.of(), home)).sandbox(port());
        try (AwsClients clients = new AwsClients(sandbox)) {
            clients.xray().getSamplingRules();
            clients.logs().describeLogGroups();
            clients.lambda().listFunctions();
            clients.apiGateway().getRestApis();
            CallerIdentity identity = clients.callerIdentity();
            clients.s3().listObjectsV2(b -> b.bucket("shop-artifacts"));

            assertThat(identity.account()).isEqualTo("000000000000");
            assertThat(identity.arn()).isEqualTo("arn:aws:iam::000000000000:root");
            assertThat(sandbox.label()).isEqualTo("Local sandbox · 127.0.0.1:" + port() + " · us-east-1");
        }
        assertThat(seen).extracting(Seen::service).containsExactly("xray", "logs", "lambda", "apigateway", "sts", "s3");
        assertThat(seen).allSatisfy(s -> {
            assertThat(s.accessKey()).isEqualTo(SandboxDefaults.ACCESS_KEY_ID);
            assertThat(s.region()).isEqualTo("us-east-1");
        });
        assertThat(seen.get(0).path()).isEqualTo("/GetSamplingRules");
        assertThat(seen.get(2).path()).startsWith("/2015-03-31/functions");
        assertThat(seen.get(3).path()).isEqualTo("/restapis");
        assertThat(seen.get(5).path()).isEqualTo("/shop-artifacts"); // path-style on a local endpoint
    }

    @Test
    void clientsAreSharedAndUnusableAfterClose() {
        AwsClients clients = new AwsClients(SandboxConnection.onLocalPort(port()));
        assertThat(clients.xray()).isSameAs(clients.xray());
        assertThat(clients.connection().isSandbox()).isTrue();
        clients.close();
        clients.close(); // idempotent

        assertThatThrownBy(clients::logs).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void awsProfileClientsUseTheProfileKeysRegionAndEndpointVariable() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"),
                "[ops]\naws_access_key_id = AKIDOPS\naws_secret_access_key = ops-secret\n");
        Files.writeString(home.resolve(".aws/config"), "[profile ops]\nregion = eu-west-2\n");
        SignIn signIn = new SignIn(new AwsEnvironment(
                Map.of("AWS_ENDPOINT_URL_XRAY", "http://127.0.0.1:" + port()), home));

        try (AwsConnection connection = signIn.connect("ops", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken()); AwsClients clients = new AwsClients(connection)) {
            clients.xray().getSamplingRules();
            assertThat(connection.endpointOverride(AwsService.LAMBDA)).isEmpty();
            assertThat(connection.profile().kind()).isEqualTo(ProfileKind.STATIC_KEYS);
        }
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.service()).isEqualTo("xray");
            assertThat(s.accessKey()).isEqualTo("AKIDOPS");
            assertThat(s.region()).isEqualTo("eu-west-2");
        });
    }

    @Test
    void aProfilesEndpointUrlIsHonouredBecauseClientsReadTheSameProfileFile() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile local]\nregion = eu-west-1\n"
                + "aws_access_key_id = AKIDLOCAL\naws_secret_access_key = s\nendpoint_url = http://127.0.0.1:"
                + port() + "\n");
        SignIn signIn = new SignIn(new AwsEnvironment(Map.of(), home));

        try (AwsConnection connection = signIn.connect("local", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken()); AwsClients clients = new AwsClients(connection)) {
            clients.xray().getSamplingRules();
        }
        assertThat(seen).extracting(Seen::accessKey).containsExactly("AKIDLOCAL");
    }
}
