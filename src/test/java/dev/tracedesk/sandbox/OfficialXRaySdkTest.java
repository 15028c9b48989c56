package dev.tracedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.emitters.UDPEmitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.strategy.DefaultStreamingStrategy;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;
import com.amazonaws.xray.strategy.sampling.CentralizedSamplingStrategy;
import com.amazonaws.xray.strategy.sampling.SamplingRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.SamplingStatisticSummary;
import software.amazon.awssdk.services.xray.model.Trace;

/**
 * The official X-Ray SDK for Java against the sandbox as if it were the daemon: segments over UDP come back from
 * BatchGetTraces field for field, and centralized sampling fetches rules and targets from the TCP side.
 */
class OfficialXRaySdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SandboxFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new SandboxFixture(dir);
    }

    @AfterEach
    void stop() {
        System.clearProperty(DaemonConfiguration.DAEMON_ADDRESS_SYSTEM_PROPERTY_KEY);
        fx.close();
    }

    private AWSXRayRecorder recorder(int streamingThreshold) throws Exception {
        DaemonConfiguration daemon = new DaemonConfiguration();
        daemon.setDaemonAddress("127.0.0.1:" + fx.sandbox.port());
        return AWSXRayRecorderBuilder.standard()
                .withEmitter(new UDPEmitter(daemon))
                .withSamplingStrategy(new AllSamplingStrategy())
                .withStreamingStrategy(new DefaultStreamingStrategy(streamingThreshold))
                .build();
    }

    @Test
    void recordedSegmentComesBackFieldForField() throws Exception {
        AWSXRayRecorder rec = recorder(100);
        Segment seg = rec.beginSegment("checkout");
        seg.putHttp("request", Map.of("method", "POST", "url", "https://shop.example.net/checkout", "client_ip", "10.0.0.9"));
        seg.putHttp("response", Map.of("status", 500, "content_length", 12));
        seg.putAnnotation("tenant", "acme");
        seg.putAnnotation("items", 3);
        seg.putAnnotation("vip", true);
        seg.putMetadata("debug", "cart", Map.of("lines", List.of(1, 2, 3)));
        seg.setUser("u-1842");
        Subsegment sub = rec.beginSubsegment("payments.example.org");
        sub.setNamespace("remote");
        sub.putHttp("request", Map.of("method", "POST", "url", "https://payments.example.org/charge"));
        sub.putHttp("response", Map.of("status", 502));
        sub.addException(new IllegalStateException("card declined"));
        sub.setFault(true);
        rec.endSubsegment();
        seg.setFault(true);
        String sent = seg.serialize();
        rec.endSegment();

        fx.awaitReceived(1);
        String traceId = seg.getTraceId().toString();
        List<Trace> traces = fx.xray.batchGetTraces(b -> b.traceIds(traceId)).traces();
        assertThat(traces).as("stats %s", fx.sandbox.stats()).hasSize(1);
        JsonNode stored = null;
        for (var s : traces.get(0).segments()) {
            JsonNode d = JSON.readTree(s.document());
            if (d.path("id").asText().equals(seg.getId())) stored = d;
        }
        assertThat(stored).as("the recorded segment").isNotNull();
        JsonNode expected = JSON.readTree(sent);
        // end_time is set by endSegment after serialize() above; everything else must be identical.
        assertThat(without(stored, "end_time", "in_progress")).isEqualTo(without(expected, "end_time", "in_progress"));
        assertThat(stored.path("end_time").asDouble()).isGreaterThanOrEqualTo(stored.path("start_time").asDouble());
        assertThat(stored.path("subsegments").get(0).path("cause").path("exceptions").get(0).path("message").asText())
                .isEqualTo("card declined");

        var summary = fx.xray.getTraceSummaries(b -> b.startTime(java.time.Instant.now().minusSeconds(60))
                .endTime(java.time.Instant.now().plusSeconds(5)).filterExpression("annotation.tenant = \"acme\" AND fault"))
                .traceSummaries();
        assertThat(summary).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(traceId);
            assertThat(s.users()).extracting(u -> u.userName()).containsExactly("u-1842");
            assertThat(s.http().httpStatus()).isEqualTo(500);
        });
    }

    private static JsonNode without(JsonNode n, String... fields) {
        var copy = n.deepCopy();
        for (String f : fields) ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(f);
        return copy;
    }

    @Test
    void streamedSubsegmentsAreMergedIntoTheirSegment() throws Exception {
        AWSXRayRecorder rec = recorder(1); // stream every completed subsegment separately, like large traces do
        Segment seg = rec.beginSegment("orders");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Subsegment s = rec.beginSubsegment("step-" + i);
            ids.add(s.getId());
            Subsegment inner = rec.beginSubsegment("inner-" + i);
            ids.add(inner.getId());
            rec.endSubsegment();
            rec.endSubsegment();
        }
        rec.endSegment();
        String traceId = seg.getTraceId().toString();
        Thread.sleep(200);
        fx.awaitReceived(fx.sandbox.stats().received());

        Trace t = fx.xray.batchGetTraces(b -> b.traceIds(traceId)).traces().get(0);
        assertThat(fx.sandbox.stats().received()).isGreaterThan(1); // really streamed
        assertThat(t.segments()).hasSize(1);
        JsonNode doc = JSON.readTree(t.segments().get(0).document());
        assertThat(doc.findValuesAsText("id")).containsAll(ids);
        assertThat(doc.path("subsegments")).hasSize(3);
    }

    @Test
    void centralizedSamplingUsesRulesAndReportsTargets() throws Exception {
        fx.xray.updateSamplingRule(b -> b.samplingRuleUpdate(u -> u.ruleName("Default").fixedRate(0.0).reservoirSize(0)));
        fx.xray.createSamplingRule(b -> b.samplingRule(r -> r.ruleName("always-checkout").resourceARN("*").priority(10)
                .fixedRate(1.0).reservoirSize(0).serviceName("checkout").serviceType("*").host("*").httpMethod("*")
                .urlPath("*").version(1)));
        System.setProperty(DaemonConfiguration.DAEMON_ADDRESS_SYSTEM_PROPERTY_KEY, "127.0.0.1:" + fx.sandbox.port());
        CentralizedSamplingStrategy strategy = new CentralizedSamplingStrategy();
        try {
            SamplingRequest checkout = new SamplingRequest("checkout", "shop.local", "/pay", "POST", "");
            SamplingRequest other = new SamplingRequest("inventory", "shop.local", "/items", "GET", "");
            // The first call starts the pollers; rules arrive asynchronously.
            long deadline = System.currentTimeMillis() + 10_000;
            boolean ruled = false;
            while (!ruled && System.currentTimeMillis() < deadline) {
                var r = strategy.shouldTrace(checkout);
                ruled = r.getRuleName().filter("always-checkout"::equals).isPresent();
                if (!ruled) Thread.sleep(100);
            }
            assertThat(ruled).as("rule fetched from /GetSamplingRules").isTrue();
            int sampledCheckout = 0;
            int sampledOther = 0;
            for (int i = 0; i < 100; i++) {
                if (strategy.shouldTrace(checkout).isSampled()) sampledCheckout++;
                if (strategy.shouldTrace(other).isSampled()) sampledOther++;
            }
            assertThat(sampledCheckout).isEqualTo(100);
            assertThat(sampledOther).isZero();

            // The target poller reports every ~10 s to /SamplingTargets.
            deadline = System.currentTimeMillis() + 25_000;
            List<SamplingStatisticSummary> sums = List.of();
            while (System.currentTimeMillis() < deadline) {
                sums = fx.xray.getSamplingStatisticSummaries(b -> {}).samplingStatisticSummaries();
                if (sums.stream().anyMatch(s -> s.ruleName().equals("always-checkout"))) break;
                Thread.sleep(250);
            }
            assertThat(sums).anySatisfy(s -> {
                assertThat(s.ruleName()).isEqualTo("always-checkout");
                assertThat(s.requestCount()).isGreaterThanOrEqualTo(100);
            });
        } finally {
            strategy.shutdown();
        }
    }
}
