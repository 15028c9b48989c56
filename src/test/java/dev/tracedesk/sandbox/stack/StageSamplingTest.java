package dev.tracedesk.sandbox.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.SandboxFixture;
import dev.tracedesk.shop.load.ShopClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.XRayClient;

/** The stage's sampling decisions come from the sandbox's sampling rules and match the stored traces. */
class StageSamplingTest {
    @TempDir
    Path dir;

    private static List<ShopClient.Response> burst(ShopClient client, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ShopClient.Response>> fs = new ArrayList<>();
            // The route does not exist (403): the decision and the stage segment happen, no functions run.
            for (int i = 0; i < n; i++) fs.add(pool.submit(() -> client.post("/not-a-route", "{}", null)));
            List<ShopClient.Response> out = new ArrayList<>();
            for (Future<ShopClient.Response> f : fs) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long sampled(List<ShopClient.Response> rs) {
        return rs.stream().filter(r -> r.traceHeader().contains("Sampled=1")).count();
    }

    @Test
    void defaultRuleSamplesAFewOfABurstAndACustomRuleSamplesAll() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
             ShopStack stack = ShopStack.start(sandbox, ShopStack.Options.defaults());
             XRayClient xray = SandboxFixture.client(sandbox.port())) {
            ShopClient client = new ShopClient(stack.invokeUrl(), stack.key());
            Instant from = Instant.now().minusSeconds(2);
            long t0 = System.nanoTime();
            List<ShopClient.Response> defaults = burst(client, 200);
            long seconds = 1 + (System.nanoTime() - t0) / 1_000_000_000L;
            long sampledByDefault = sampled(defaults);
            // 1 per second from the reservoir + 5 % of the rest: ~11 for a one-second burst.
            assertThat(sampledByDefault).isBetween(1L, 30L + seconds);

            xray.createSamplingRule(b -> b.samplingRule(r -> r.ruleName("stage-all").priority(10).fixedRate(1.0).reservoirSize(0)
                    .serviceName(stack.stage().serviceName()).serviceType("*").host("*").httpMethod("*").urlPath("*")
                    .resourceARN("*").version(1)));
            List<ShopClient.Response> all = burst(client, 50);
            assertThat(sampled(all)).isEqualTo(50);

            Thread.sleep(100);
            sandbox.flush(Duration.ofSeconds(10));
            long stored = xray.getTraceSummariesPaginator(b -> b.startTime(from).endTime(Instant.now().plusSeconds(2)))
                    .stream().mapToLong(p -> p.traceSummaries().size()).sum();
            assertThat(stored).isEqualTo(sampledByDefault + 50);
        }
    }

    @Test
    void withTracingOffOnlyUpstreamSampledRequestsAreTraced() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
             ShopStack stack = ShopStack.start(sandbox, ShopStack.Options.defaults().tracing(false));
             XRayClient xray = SandboxFixture.client(sandbox.port())) {
            ShopClient client = new ShopClient(stack.invokeUrl(), stack.key());
            Instant from = Instant.now().minusSeconds(2);
            ShopClient.Response untraced = client.post("/shop", client.validOrder("s").toString(), null);
            String root = "1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-00000000000000000000abcd";
            ShopClient.Response traced = client.post("/shop", client.validOrder("s").toString(), "Root=" + root + ";Sampled=1");
            assertThat(untraced.status()).isEqualTo(202);
            // A stage with tracing off makes no decision: it passes only a Root (the functions may sample on their own).
            assertThat(untraced.traceHeader()).contains("Root=").doesNotContain("Sampled=1");
            assertThat(stack.lambda().awaitIdle(Duration.ofSeconds(20))).isTrue();
            Thread.sleep(100);
            sandbox.flush(Duration.ofSeconds(10));
            var summaries = xray.getTraceSummariesPaginator(b -> b.startTime(from).endTime(Instant.now().plusSeconds(2)))
                    .stream().flatMap(p -> p.traceSummaries().stream()).toList();
            assertThat(summaries).extracting(t -> t.id()).containsExactly(root);
            assertThat(traced.traceId()).isEqualTo(root);
        }
    }
}
