package dev.tracedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traces survive a restart; retention by age and by size removes the oldest traces from store, index and graph. */
class RetentionTest {
    @TempDir
    Path dir;

    private List<String> ingest(SandboxFixture fx, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        double t = Segments.now();
        for (int i = 0; i < n; i++) {
            String id = Segments.traceId();
            ids.add(id);
            fx.sendUdp(Segments.segment(id, Segments.id(), "kept", t, t + 0.1, 200));
        }
        fx.awaitReceived(n);
        return ids;
    }

    @Test
    void tracesSurviveRestartAndAreIndexedAgain() throws Exception {
        List<String> ids;
        try (SandboxFixture fx = new SandboxFixture(dir)) {
            ids = ingest(fx, 30);
        }
        try (SandboxFixture fx = new SandboxFixture(dir)) {
            assertThat(fx.sandbox.traceCount()).isEqualTo(30);
            var page = fx.xray.getTraceSummaries(b -> b.startTime(Instant.now().minusSeconds(120)).endTime(Instant.now().plusSeconds(5)));
            assertThat(page.traceSummaries()).extracting(s -> s.id()).containsExactlyInAnyOrderElementsOf(ids);
            var graph = fx.xray.getServiceGraph(b -> b.startTime(Instant.now().minusSeconds(120)).endTime(Instant.now().plusSeconds(5)));
            assertThat(graph.services()).anySatisfy(s -> {
                assertThat(s.name()).isEqualTo("kept");
                if (s.summaryStatistics() != null) assertThat(s.summaryStatistics().totalCount()).isEqualTo(30);
            });
        }
    }

    @Test
    void tracesOlderThanTheRetentionAreDroppedEverywhere() throws Exception {
        try (SandboxFixture fx = new SandboxFixture(dir)) {
            ingest(fx, 20);
        }
        Thread.sleep(50);
        try (SandboxFixture fx = new SandboxFixture(Sandbox.Config.defaults().port(0).dataDir(dir).retention(Duration.ofMillis(10)))) {
            assertThat(fx.sandbox.storedDocuments()).isZero();
            assertThat(fx.sandbox.traceCount()).isZero();
            assertThat(fx.xray.getServiceGraph(b -> b.startTime(Instant.now().minusSeconds(120)).endTime(Instant.now())).services()).isEmpty();
        }
    }

    @Test
    void sizeCapRemovesOldestFirst() throws Exception {
        List<String> older;
        List<String> newer;
        try (SandboxFixture fx = new SandboxFixture(dir)) {
            older = ingest(fx, 1500);
            newer = ingest(fx, 1500);
        }
        long size;
        try (SandboxFixture fx = new SandboxFixture(dir)) {
            size = fx.sandbox.databaseBytes();
        }
        long cap = size * 6 / 10;
        try (SandboxFixture fx = new SandboxFixture(Sandbox.Config.defaults().port(0).dataDir(dir).maxBytes(cap))) {
            long left = fx.sandbox.storedDocuments();
            assertThat(fx.sandbox.databaseBytes()).isLessThanOrEqualTo(cap);
            assertThat(left).isGreaterThan(0).isLessThan(3000);
            assertThat(fx.sandbox.traceCount()).isEqualTo((int) left);
            assertThat(fx.sandbox.integrityCheck()).isEqualTo("ok");
            // oldest first: every surviving trace is one of the newer half
            List<String> survivors = new ArrayList<>();
            fx.xray.getTraceSummariesPaginator(b -> b.startTime(Instant.now().minusSeconds(600)).endTime(Instant.now().plusSeconds(5)))
                    .traceSummaries().forEach(t -> survivors.add(t.id()));
            assertThat(survivors).hasSize((int) left).isSubsetOf(newer);
            assertThat(fx.xray.batchGetTraces(b -> b.traceIds(older.subList(0, 5))).unprocessedTraceIds()).hasSize(5);
        }
    }
}
