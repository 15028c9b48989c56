package dev.tracedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * A restart rebuilds the index from the store (in parallel, batch by batch) and answers every query exactly as before:
 * the same summaries in the same newest-first order (arrival order within a second, not trace-id order), the same
 * filter results and the same service graph; and a journal left unprocessed is replayed.
 */
class RestartTest {
    @TempDir
    Path dir;

    private final Instant from = Instant.now().minusSeconds(600);
    private final Instant to = Instant.now().plusSeconds(60);

    private record Answers(List<String> pages, List<String> slow, String graph) {}

    private Answers ask(XRayClient xray) {
        List<String> pages = new ArrayList<>();
        xray.getTraceSummariesPaginator(b -> b.startTime(from).endTime(to)).forEach(p -> p.traceSummaries()
                .forEach(s -> pages.add(s.id() + " rt=" + s.responseTime() + " partial=" + s.isPartial()
                        + " fault=" + s.hasFault() + " services=" + s.serviceIds().size())));
        List<String> slow = new ArrayList<>();
        xray.getTraceSummariesPaginator(b -> b.startTime(from).endTime(to).filterExpression("responsetime > 0.4 OR fault"))
                .traceSummaries().forEach(s -> slow.add(s.id()));
        String graph = xray.getServiceGraph(b -> b.startTime(from).endTime(to)).services().toString();
        return new Answers(pages, slow, graph);
    }

    @Test
    void restartAnswersTheSameQueriesInTheSameOrder() throws Exception {
        Answers before;
        int traces = 150;
        try (SandboxFixture fx = new SandboxFixture(dir)) {
            long base = Instant.now().getEpochSecond() - 120;
            List<String> docs = new ArrayList<>();
            for (int i = 0; i < traces; i++) {
                // Ten traces per second with random ids: trace-id order differs from arrival order within a second.
                docs.addAll(TraceReadApiSdkTest.twoServiceTrace(Segments.traceId(base + i / 10), base + i / 10 + 0.01 * i,
                        i % 7 == 0 ? 0.6 : 0.2, i % 11 == 0 ? 502 : 200));
            }
            for (int i = 0; i < docs.size(); i += 50) {
                List<String> chunk = docs.subList(i, Math.min(docs.size(), i + 50));
                assertThat(fx.xray.putTraceSegments(b -> b.traceSegmentDocuments(chunk)).unprocessedTraceSegments()).isEmpty();
            }
            // An in-progress segment completed later, over UDP.
            String open = Segments.traceId(base + 30);
            String id = Segments.id();
            double t = base + 30.5;
            fx.sendUdp(String.format(Locale.ROOT, "{\"trace_id\":\"%s\",\"id\":\"%s\",\"name\":\"late\",\"start_time\":%.3f,\"in_progress\":true}", open, id, t));
            fx.awaitReceived(docs.size() + 1);
            fx.sendUdp(Segments.segment(open, id, "late", t, t + 0.9, 200));
            fx.awaitReceived(docs.size() + 2);
            before = ask(fx.xray);
            assertThat(fx.sandbox.traceCount()).isEqualTo(traces + 1);
        }
        assertThat(before.pages()).hasSize(traces + 1);
        assertThat(before.slow()).isNotEmpty();
        try (SandboxFixture fx = new SandboxFixture(dir)) {
            assertThat(fx.sandbox.traceCount()).isEqualTo(traces + 1);
            Answers after = ask(fx.xray);
            assertThat(after.pages()).containsExactlyElementsOf(before.pages());
            assertThat(after.slow()).containsExactlyElementsOf(before.slow());
            assertThat(after.graph()).isEqualTo(before.graph());
        }
    }
}
