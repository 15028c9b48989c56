package dev.tracedesk.sandbox.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.sandbox.api.LogStore;
import dev.tracedesk.shop.ShopBackend;
import dev.tracedesk.shop.load.ReportLine;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLambdaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBE = "dev.tracedesk.shop.handlers.ProbeHandler";
    @TempDir
    Path dir;
    LogStore logs;
    DatagramSocket daemon;
    SegmentEmitter emitter;
    LocalLambda lambda;

    @BeforeEach
    void start() throws Exception {
        logs = new LogStore(dir);
        daemon = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        daemon.setSoTimeout(300);
        emitter = new SegmentEmitter(new InetSocketAddress("127.0.0.1", daemon.getLocalPort()));
        lambda = runtime(Duration.ofMinutes(5));
    }

    private LocalLambda runtime(Duration idle) {
        ShopBackend none = new ShopBackend() {
            @Override
            public Reply publish(String topicArn, String message, String traceHeader) { throw new UnsupportedOperationException(); }

            @Override
            public Reply putItem(String table, Map<String, String> item, String c) { throw new UnsupportedOperationException(); }

            @Override
            public Map<String, String> getItem(String table, String k, String v) { throw new UnsupportedOperationException(); }
        };
        return new LocalLambda(LocalLambda.Settings.defaults().idleExpiry(idle)
                .asyncRetryDelays(List.of(Duration.ofMillis(10), Duration.ofMillis(10))), none, logs, emitter);
    }

    @AfterEach
    void stop() {
        lambda.close();
        emitter.close();
        daemon.close();
        logs.close();
    }

    private void deploy(String name, TracingMode mode, Duration timeout) {
        lambda.deploy(new FunctionConfig(name, PROBE, 128, timeout, Map.of(), "role", mode));
    }

    private static JsonNode event(String json) throws Exception {
        return JSON.readTree(json);
    }

    private List<JsonNode> received() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        byte[] buf = new byte[65536];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                daemon.receive(p);
            } catch (SocketTimeoutException e) {
                return docs;
            }
            String s = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            docs.add(JSON.readTree(s.substring(s.indexOf('\n') + 1)));
        }
    }

    private List<String> messages(String fn) {
        return logs.events("/aws/lambda/" + fn, List.of(), 0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, false, 10_000)
                .stream().map(LogStore.Event::message).toList();
    }

    @Test
    void firstCallIsColdInAFreshClassLoaderAndTheNextIsWarm() throws Exception {
        deploy("fn", TracingMode.PASS_THROUGH, Duration.ofSeconds(5));
        InvokeResult a = lambda.invoke("fn", event("{}"), null);
        InvokeResult b = lambda.invoke("fn", event("{}"), null);
        assertThat(a.coldStart()).isTrue();
        assertThat(b.coldStart()).isFalse();
        // Statics start afresh in each container: the class was loaded and initialised anew.
        assertThat(a.payload().get("initsSeen").asInt()).isEqualTo(1);
        assertThat(a.payload().get("classLoader")).isEqualTo(b.payload().get("classLoader"));
        List<String> lines = messages("fn");
        assertThat(lines.stream().filter(l -> l.startsWith("REPORT")).map(l -> ReportLine.parse(l).orElseThrow()).toList())
                .extracting(ReportLine::coldStart).containsExactly(true, false);
        assertThat(lines).anyMatch(l -> l.equals("probe initialised"));
        assertThat(lines).anyMatch(l -> l.startsWith("START RequestId: " + a.requestId() + " Version: $LATEST"));
        assertThat(lines).anyMatch(l -> l.equals("END RequestId: " + a.requestId()));
        assertThat(lines).anyMatch(l -> l.contains("\t" + a.requestId() + "\tINFO\tprobe handling"));
    }

    @Test
    void concurrentInvocationsGetConcurrentContainersEachWithItsOwnClassLoader() throws Exception {
        deploy("fn", TracingMode.PASS_THROUGH, Duration.ofSeconds(5));
        List<CompletableFuture<InvokeResult>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) calls.add(CompletableFuture.supplyAsync(() -> {
            try {
                return lambda.invoke("fn", event("{\"sleepMs\":300}"), null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        List<InvokeResult> results = calls.stream().map(CompletableFuture::join).toList();
        assertThat(results).allMatch(InvokeResult::coldStart);
        assertThat(results).allSatisfy(r -> assertThat(r.payload().get("initsSeen").asInt()).isEqualTo(1));
        assertThat(results.stream().map(r -> r.payload().get("classLoader").asInt()).distinct()).hasSize(3);
        assertThat(lambda.containers("fn")).isEqualTo(3);
        assertThat(logs.streams("/aws/lambda/fn", "")).hasSize(3);
    }

    @Test
    void idleContainersExpire() throws Exception {
        lambda.close();
        lambda = runtime(Duration.ofMillis(100));
        deploy("fn", TracingMode.PASS_THROUGH, Duration.ofSeconds(5));
        assertThat(lambda.invoke("fn", event("{}"), null).coldStart()).isTrue();
        assertThat(lambda.containers("fn")).isEqualTo(1);
        long deadline = System.currentTimeMillis() + 3000;
        while (lambda.containers("fn") > 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
        assertThat(lambda.containers("fn")).isZero();
        assertThat(lambda.invoke("fn", event("{}"), null).coldStart()).isTrue();
    }

    @Test
    void timeoutsAreEnforcedAndReportedAsLambdaReportsThem() throws Exception {
        deploy("slow", TracingMode.PASS_THROUGH, Duration.ofSeconds(1));
        InvokeResult r = lambda.invoke("slow", event("{\"sleepMs\":5000}"), null);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(r.payload().get("errorMessage").asText()).endsWith(r.requestId() + " Task timed out after 1.00 seconds");
        String report = messages("slow").stream().filter(l -> l.startsWith("REPORT")).findFirst().orElseThrow();
        assertThat(report).contains("Status: timeout");
        assertThat(ReportLine.parse(report).orElseThrow().durationMs()).isBetween(1000.0, 2500.0);
        // The environment is gone: the next call starts cold.
        assertThat(lambda.invoke("slow", event("{}"), null).coldStart()).isTrue();
    }

    @Test
    void passThroughTracesOnlyUpstreamSampledRequests() throws Exception {
        deploy("fn", TracingMode.PASS_THROUGH, Duration.ofSeconds(5));
        lambda.invoke("fn", event("{}"), null);
        lambda.invoke("fn", event("{}"), "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
        assertThat(received()).isEmpty();
        assertThat(messages("fn")).noneMatch(l -> l.contains("XRAY TraceId"));

        InvokeResult r = lambda.invoke("fn", event("{}"), "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        List<JsonNode> docs = received();
        assertThat(docs).extracting(d -> d.get("origin").asText()).containsExactly("AWS::Lambda", "AWS::Lambda::Function");
        JsonNode service = docs.get(0);
        JsonNode function = docs.get(1);
        assertThat(service.get("parent_id").asText()).isEqualTo("53995c3f42cd8ad8");
        assertThat(service.get("trace_id").asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(function.get("parent_id").asText()).isEqualTo(service.get("id").asText());
        List<String> phases = new ArrayList<>();
        function.get("subsegments").forEach(s -> phases.add(s.get("name").asText()));
        assertThat(phases).containsExactly("Invocation", "Overhead"); // warm: no Initialization
        assertThat(r.traceHeader()).contains("Sampled=1");
        assertThat(messages("fn")).anyMatch(l -> l.contains("\nXRAY TraceId: 1-5759e988-bd862e3fe1be46a994272793\tSegmentId: "
                + function.get("id").asText() + "\tSampled: true"));
    }

    @Test
    void activeModeSamplesOnItsOwnAndRecordsInitializationOnColdStarts() throws Exception {
        deploy("fn", TracingMode.ACTIVE, Duration.ofSeconds(5));
        InvokeResult r = lambda.invoke("fn", event("{}"), null); // first request of the second: the reservoir takes it
        assertThat(r.traceHeader()).contains("Sampled=1");
        JsonNode function = received().stream().filter(d -> d.get("origin").asText().equals("AWS::Lambda::Function")).findFirst().orElseThrow();
        List<String> phases = new ArrayList<>();
        function.get("subsegments").forEach(s -> phases.add(s.get("name").asText()));
        assertThat(phases).containsExactly("Initialization", "Invocation", "Overhead");
        assertThat(function.get("aws").get("function_arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:fn");
    }

    @Test
    void failedEventsAreRetriedTwiceWithTheSameRequestIdAndFaultsAreTraced() throws Exception {
        deploy("fn", TracingMode.PASS_THROUGH, Duration.ofSeconds(5));
        String id = lambda.invokeAsync("fn", event("{\"fail\":true}"), "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
        assertThat(lambda.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(messages("fn").stream().filter(l -> l.startsWith("START RequestId: " + id))).hasSize(3);
        assertThat(messages("fn")).anyMatch(l -> l.contains("ERROR\tInvoke Error") && l.contains("probe failure"));
        List<JsonNode> functions = received().stream().filter(d -> d.get("origin").asText().equals("AWS::Lambda::Function")).toList();
        assertThat(functions).hasSize(3).allSatisfy(f -> {
            assertThat(f.get("fault").asBoolean()).isTrue();
            assertThat(f.get("cause").get("exceptions").get(0).get("type").asText()).isEqualTo("java.lang.IllegalStateException");
        });
    }

    @Test
    void maxMemoryUsedFollowsWhatTheHandlerAllocates() throws Exception {
        deploy("fn", TracingMode.PASS_THROUGH, Duration.ofSeconds(5));
        lambda.invoke("fn", event("{}"), null);
        lambda.invoke("fn", event("{\"allocateMb\":20}"), null);
        List<ReportLine> reports = messages("fn").stream().filter(l -> l.startsWith("REPORT"))
                .map(l -> ReportLine.parse(l).orElseThrow()).toList();
        assertThat(reports.get(0).maxMemoryUsedMb()).isLessThan(20);
        assertThat(reports.get(1).maxMemoryUsedMb()).isGreaterThanOrEqualTo(20);
        assertThat(reports.get(1).memorySizeMb()).isEqualTo(128);
    }
}
