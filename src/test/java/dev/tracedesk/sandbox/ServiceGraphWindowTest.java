package dev.tracedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GetServiceGraph merges cached hour, ten-minute and minute aggregates: any window, aligned or not, counts exactly
 * the traces whose id second lies in it.
 */
class ServiceGraphWindowTest {
    @TempDir
    Path dir;

    @Test
    void windowsOfAnyAlignmentCountExactlyTheirTraces() throws Exception {
        try (SandboxFixture fx = new SandboxFixture(dir)) {
            long base = Instant.now().getEpochSecond() - 3 * 3600;
            List<Long> seconds = new ArrayList<>();
            List<String> docs = new ArrayList<>();
            for (long sec = base; sec < base + 3 * 3600; sec += 97) {
                seconds.add(sec);
                docs.addAll(TraceReadApiSdkTest.twoServiceTrace(Segments.traceId(sec), sec + 0.5, 0.2, 200));
            }
            for (int i = 0; i < docs.size(); i += 50) {
                List<String> chunk = docs.subList(i, Math.min(docs.size(), i + 50));
                assertThat(fx.xray.putTraceSegments(b -> b.traceSegmentDocuments(chunk)).unprocessedTraceSegments()).isEmpty();
            }
            fx.awaitReceived(docs.size());
            Random rnd = new Random(7);
            for (int i = 0; i < 25; i++) {
                long from = base - 100 + rnd.nextInt(3 * 3600);
                long to = from + (i % 5 == 0 ? 2 * 3600 + rnd.nextInt(3600) : rnd.nextInt(5000));
                long expected = seconds.stream().filter(s -> s >= from && s <= to).count();
                // Asked twice: the second answer comes from the caches the first one filled.
                for (int pass = 0; pass < 2; pass++) {
                    long front = fx.xray.getServiceGraph(b -> b.startTime(Instant.ofEpochSecond(from)).endTime(Instant.ofEpochSecond(to)))
                            .services().stream().filter(s -> s.name().equals("front") && s.summaryStatistics() != null)
                            .mapToLong(s -> s.summaryStatistics().totalCount()).sum();
                    assertThat(front).as("window %d..%d pass %d", from, to, pass).isEqualTo(expected);
                }
            }
        }
    }
}
