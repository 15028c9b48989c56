package dev.tracedesk.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.SandboxFixture;
import dev.tracedesk.sandbox.stack.ShopStack;
import dev.tracedesk.shop.load.ShopClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.TracingMode;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * Stage tracing × function tracing mode, switched through the API Gateway and Lambda clients, as AWS behaves
 * (spec §7.1, §7.5): the stage's decision wins when it traces; with the stage off an Active function samples on its
 * own and a PassThrough one only follows a caller's Sampled=1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingSwitchesTest {
    static final String ACCEPT = "AMIS_shop_accept";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    Sandbox sandbox;
    ShopStack stack;
    LambdaClient lambda;
    ApiGatewayClient apigw;
    XRayClient xray;
    ShopClient shop;
    String apiId;

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        stack = ShopStack.start(sandbox, ShopStack.Options.defaults());
        URI endpoint = URI.create("http://127.0.0.1:" + sandbox.port());
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        lambda = LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(creds).build();
        apigw = ApiGatewayClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(creds).build();
        xray = SandboxFixture.client(sandbox.port());
        shop = new ShopClient(stack.invokeUrl(), stack.key());
        apiId = apigw.getRestApis().items().get(0).id();
    }

    @AfterAll
    void stop() {
        lambda.close();
        apigw.close();
        xray.close();
        stack.close();
        sandbox.close();
    }

    private void switches(boolean stageTracing, TracingMode acceptMode) throws Exception {
        apigw.updateStage(b -> b.restApiId(apiId).stageName("prod")
                .patchOperations(p -> p.op(Op.REPLACE).path("/tracingEnabled").value(String.valueOf(stageTracing))));
        lambda.updateFunctionConfiguration(b -> b.functionName(ACCEPT).tracingConfig(t -> t.mode(acceptMode)));
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(ACCEPT));
        assertThat(stack.lambda().awaitIdle(Duration.ofSeconds(20))).isTrue();
        // Lambda's own sampler takes the first request of each second: start on a fresh second.
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 20);
    }

    /** (name, origin) of every segment of the trace, after the whole chain has run. */
    private List<String> segments(String root) throws Exception {
        assertThat(stack.lambda().awaitIdle(Duration.ofSeconds(20))).isTrue();
        Thread.sleep(150);
        sandbox.flush(Duration.ofSeconds(10));
        List<String> out = new ArrayList<>();
        for (var t : xray.batchGetTraces(b -> b.traceIds(root)).traces()) {
            for (var s : t.segments()) {
                JsonNode d = JSON.readTree(s.document());
                out.add(d.path("name").asText() + " " + d.path("origin").asText());
            }
        }
        return out;
    }

    private String rootOf(ShopClient.Response r) {
        return r.traceId();
    }

    @Test
    void stageOnTracesAPassThroughFunctionForTheRequestsItSampled() throws Exception {
        switches(true, TracingMode.PASS_THROUGH);
        ShopClient.Response r = shop.post("/shop", shop.validOrder("s").toString(), null);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.traceHeader()).contains("Sampled=1"); // the default rule's reservoir takes the first request
        assertThat(segments(rootOf(r))).contains("AMIS_api_gateway/prod AWS::ApiGateway::Stage", ACCEPT + " AWS::Lambda",
                ACCEPT + " AWS::Lambda::Function");
    }

    @Test
    void stageOffLetsAnActiveFunctionSampleOnItsOwn() throws Exception {
        switches(false, TracingMode.ACTIVE);
        ShopClient.Response r = shop.post("/shop", shop.validOrder("s").toString(), null);
        assertThat(r.status()).isEqualTo(202);
        List<String> segs = segments(rootOf(r));
        assertThat(segs).contains(ACCEPT + " AWS::Lambda", ACCEPT + " AWS::Lambda::Function");
        assertThat(segs).noneMatch(s -> s.endsWith("AWS::ApiGateway::Stage"));
    }

    @Test
    void stageOffAndPassThroughLeaveNoTraceUnlessTheCallerSampled() throws Exception {
        switches(false, TracingMode.PASS_THROUGH);
        ShopClient.Response untraced = shop.post("/shop", shop.validOrder("s").toString(), null);
        assertThat(untraced.status()).isEqualTo(202);
        assertThat(segments(rootOf(untraced))).noneMatch(s -> s.startsWith(ACCEPT + " ") || s.endsWith("AWS::ApiGateway::Stage"));
        String root = "1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-0000000000000000000cafe1";
        ShopClient.Response traced = shop.post("/shop", shop.validOrder("s").toString(), "Root=" + root + ";Sampled=1");
        assertThat(traced.status()).isEqualTo(202);
        assertThat(segments(root)).contains("AMIS_api_gateway/prod AWS::ApiGateway::Stage", ACCEPT + " AWS::Lambda::Function");
    }
}
