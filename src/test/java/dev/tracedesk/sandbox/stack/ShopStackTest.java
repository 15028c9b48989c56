package dev.tracedesk.sandbox.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.SandboxFixture;
import dev.tracedesk.shop.ShopStackDefinition;
import dev.tracedesk.shop.load.ReportLine;
import dev.tracedesk.shop.load.ShopClient;
import dev.tracedesk.shop.load.SmokeTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.Service;

/** The shop stack in a sandbox on free ports, driven over HTTP and read back through the X-Ray and Logs APIs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    Sandbox sandbox;
    ShopStack stack;
    XRayClient xray;
    CloudWatchLogsClient logs;
    ShopClient client;
    ShopStackDefinition def;

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        stack = ShopStack.start(sandbox, ShopStack.Options.defaults()
                .asyncRetryDelays(List.of(Duration.ofMillis(20), Duration.ofMillis(40))));
        xray = SandboxFixture.client(sandbox.port());
        logs = CloudWatchLogsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + sandbox.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"))).build();
        client = new ShopClient(stack.invokeUrl(), stack.key());
        def = stack.definition();
        // Every request of the stage sampled, so each one has a trace to check.
        xray.createSamplingRule(b -> b.samplingRule(r -> r.ruleName("shop-all").priority(1).fixedRate(1.0).reservoirSize(0)
                .serviceName(def.stageServiceName()).serviceType("*").host("*").httpMethod("*").urlPath("*").resourceARN("*")
                .version(1)));
    }

    @AfterAll
    void stop() {
        if (stack != null) stack.close();
        if (sandbox != null) sandbox.close();
    }

    private void settle() throws Exception {
        assertThat(stack.lambda().awaitIdle(Duration.ofSeconds(20))).isTrue();
        Thread.sleep(100); // datagrams in flight on loopback
        sandbox.flush(Duration.ofSeconds(10));
    }

    private List<JsonNode> segments(String traceId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (var t : xray.batchGetTraces(b -> b.traceIds(traceId)).traces()) {
            for (var s : t.segments()) out.add(JSON.readTree(s.document()));
        }
        return out;
    }

    private static List<String> names(JsonNode doc, List<String> acc) {
        for (JsonNode s : doc.path("subsegments")) {
            acc.add(s.path("name").asText());
            names(s, acc);
        }
        return acc;
    }

    @Test
    @Order(1) // first: the functions' first calls must be cold starts
    void oneOrderIsOneTraceThroughStageFunctionsSnsAndTheTable() throws Exception {
        ShopClient.Response first = client.post("/shop", client.validOrder("shop-a").toString(), null);
        settle();
        ShopClient.Response second = client.post("/shop", client.validOrder("shop-a").toString(), null);
        settle();
        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(stack.tables().count(def.table())).isGreaterThanOrEqualTo(2);

        for (ShopClient.Response r : List.of(first, second)) {
            List<JsonNode> segs = segments(r.traceId());
            Map<String, List<JsonNode>> byOrigin = segs.stream().collect(Collectors.groupingBy(s -> s.path("origin").asText()));
            assertThat(byOrigin.get("AWS::ApiGateway::Stage")).hasSize(1);
            assertThat(byOrigin.get("AWS::Lambda")).extracting(s -> s.path("name").asText())
                    .containsExactlyInAnyOrder(def.acceptFunction(), def.decryptFunction(), def.updateDbFunction());
            assertThat(byOrigin.get("AWS::Lambda::Function")).hasSize(3);
            for (JsonNode fn : byOrigin.get("AWS::Lambda::Function")) {
                List<String> subs = names(fn, new ArrayList<>());
                assertThat(subs).contains("Invocation", "Overhead");
                if (r == first) assertThat(subs).contains("Initialization");
                else assertThat(subs).doesNotContain("Initialization");
            }
            List<String> all = new ArrayList<>();
            segs.forEach(s -> names(s, all));
            assertThat(all).contains("Lambda", "SNS", "DynamoDB");
            assertThat(all.stream().filter("SNS"::equals).count()).isEqualTo(2);
        }
    }

    @Test
    void serviceGraphShowsTheChainAndTheUnitTestFunctionsFaults() throws Exception {
        Instant from = Instant.now().minusSeconds(5);
        assertThat(client.post("/shop", client.validOrder("shop-g").toString(), null).status()).isEqualTo(202);
        ShopClient.Response ut = client.post("/shop/unittest", client.validOrder("ut").toString(), null);
        assertThat(ut.status()).isEqualTo(502);
        settle();
        List<JsonNode> utSegs = segments(ut.traceId());
        JsonNode utFn = utSegs.stream().filter(s -> s.path("origin").asText().equals("AWS::Lambda::Function")).findFirst().orElseThrow();
        assertThat(utFn.path("fault").asBoolean()).isTrue();
        JsonNode ddb = utFn.path("subsegments").get(utFn.path("subsegments").size() - 2).path("subsegments").get(0);
        assertThat(ddb.path("name").asText()).isEqualTo("DynamoDB");
        assertThat(ddb.path("fault").asBoolean()).isTrue();
        assertThat(ddb.path("aws").path("table_name").asText()).isEqualTo(def.missingTable());
        assertThat(ddb.path("cause").path("exceptions").get(0).path("type").asText()).isEqualTo("ResourceNotFoundException");

        List<Service> services = xray.getServiceGraph(b -> b.startTime(from).endTime(Instant.now().plusSeconds(5))).services();
        Map<String, Service> byKey = services.stream().collect(Collectors.toMap(s -> s.name() + "|" + s.type(), s -> s, (a, b) -> a));
        Service stage = byKey.get(def.stageServiceName() + "|AWS::ApiGateway::Stage");
        assertThat(stage).isNotNull();
        assertThat(byKey).containsKeys(def.acceptFunction() + "|AWS::Lambda::Function", def.decryptFunction() + "|AWS::Lambda::Function",
                def.updateDbFunction() + "|AWS::Lambda::Function");
        assertThat(services).anyMatch(s -> "AWS::SNS::Topic".equals(s.type()) && s.name().equals(def.acceptedTopic()));
        assertThat(services).anyMatch(s -> s.type() != null && s.type().startsWith("AWS::DynamoDB"));
        assertThat(services).anyMatch(s -> "client".equals(s.type()));
        Service utService = byKey.get(def.unitTestFunction() + "|AWS::Lambda::Function");
        assertThat(utService.summaryStatistics().faultStatistics().totalCount()).isPositive();
        // stage -> accept's Lambda service node
        Service acceptSvc = byKey.get(def.acceptFunction() + "|AWS::Lambda");
        assertThat(stage.edges()).extracting(Edge::referenceId).contains(acceptSvc.referenceId());
    }

    @Test
    void filterLogEventsWithTheTraceIdFindsTheReportLinesOfItsInvocations() throws Exception {
        ShopClient.Response r = client.post("/shop", client.validOrder("shop-l").toString(), null);
        settle();
        List<ReportLine> reports = new ArrayList<>();
        for (String fn : List.of(def.acceptFunction(), def.decryptFunction(), def.updateDbFunction())) {
            List<FilteredLogEvent> events = logs.filterLogEvents(b -> b.logGroupName("/aws/lambda/" + fn)
                    .filterPattern("\"" + r.traceId() + "\"")).events();
            assertThat(events).hasSize(1);
            reports.add(ReportLine.parse(events.get(0).message()).orElseThrow());
        }
        assertThat(reports).allSatisfy(rep -> {
            assertThat(rep.traceId()).isEqualTo(r.traceId());
            assertThat(rep.memorySizeMb()).isGreaterThanOrEqualTo(128);
            assertThat(rep.maxMemoryUsedMb()).isPositive();
        });
    }

    @Test
    void badRequestsGet400AndATraceWithAnError() throws Exception {
        ShopClient.Response r = client.post("/shop", "{\"shopId\":\"x\"}", null);
        settle();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("messageId is required");
        JsonNode stage = segments(r.traceId()).stream()
                .filter(s -> s.path("origin").asText().equals("AWS::ApiGateway::Stage")).findFirst().orElseThrow();
        assertThat(stage.path("error").asBoolean()).isTrue();
        assertThat(stage.path("http").path("response").path("status").asInt()).isEqualTo(400);
    }

    @Test
    void anIncomingSampledHeaderIsHonoured() throws Exception {
        String root = "1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-0123456789abcdef01234567";
        ShopClient.Response r = client.post("/shop", client.validOrder("shop-h").toString(),
                "Root=" + root + ";Parent=53995c3f42cd8ad8;Sampled=1");
        settle();
        assertThat(r.traceId()).isEqualTo(root);
        JsonNode stage = segments(root).stream()
                .filter(s -> s.path("origin").asText().equals("AWS::ApiGateway::Stage")).findFirst().orElseThrow();
        assertThat(stage.path("parent_id").asText()).isEqualTo("53995c3f42cd8ad8");
    }

    @Test
    void smokeCasesAllPass() {
        List<SmokeTest.Outcome> outcomes = new SmokeTest(client).run();
        assertThat(outcomes).allSatisfy(o -> assertThat(o.passed()).as(o.testCase().name() + " got " + o.status() + " " + o.body()).isTrue());
    }
}
