package dev.tracedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 random and mutated datagrams interleaved with 20,000 valid ones, fed straight into the daemon's datagram
 * handler: nothing crashes, every valid document is stored, every bad datagram is counted as rejected.
 */
class DaemonFuzzTest {
    private static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

    @TempDir
    Path dir;

    @Test
    void randomAndMutatedDatagramsAreCountedAndValidOnesAllStored() throws Exception {
        Random rnd = new Random(42);
        int valid = 0;
        int bad = 0;
        try (Sandbox sb = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir))) {
            double t = Segments.now();
            for (int i = 0; i < 120_000; i++) {
                String seg = Segments.segment(Segments.traceId(), Segments.id(), "svc-" + (i % 7), t, t + 0.05, 200);
                byte[] good = (HEADER + seg).getBytes(StandardCharsets.UTF_8);
                if (i % 6 == 0) {
                    sb.receiveDatagram(good, 0, good.length);
                    valid++;
                } else {
                    byte[] b = mutate(good, seg, rnd);
                    sb.receiveDatagram(b, 0, b.length);
                    bad++;
                }
            }
            assertThat(sb.flush(Duration.ofSeconds(60))).isTrue();
            var stats = sb.stats();
            assertThat(stats.received()).isEqualTo(valid + bad);
            assertThat(stats.rejectedTotal()).as("rejected by reason: %s", stats.rejected()).isEqualTo(bad);
            assertThat(stats.stored()).isEqualTo(valid);
            assertThat(sb.storedDocuments()).isEqualTo(valid);
            assertThat(stats.rejected()).containsKeys("missing-header", "bad-header", "malformed-json", "invalid-segment",
                    "oversized", "empty-body");
        }
        assertThat(bad).isGreaterThanOrEqualTo(100_000);
    }

    /** A datagram that is certainly not a valid segment, derived from a valid one or from noise. */
    static byte[] mutate(byte[] good, String seg, Random rnd) {
        int headerLen = HEADER.length();
        switch (rnd.nextInt(10)) {
            case 0: { // random noise
                byte[] b = new byte[rnd.nextInt(300)];
                rnd.nextBytes(b);
                return b;
            }
            case 1: // truncated inside the document: the closing brace is gone
                return Arrays.copyOf(good, headerLen + rnd.nextInt(good.length - headerLen - 1));
            case 2: { // header damaged: wrong format or version
                String[] headers = {"{\"format\":\"xml\",\"version\":1}\n", "{\"format\":\"json\",\"version\":2}\n",
                        "{\"format\":\"json\"}\n", "[1]\n", "{format:json}\n", "\n"};
                return (headers[rnd.nextInt(headers.length)] + seg).getBytes(StandardCharsets.UTF_8);
            }
            case 3: // no header line at all
                return seg.getBytes(StandardCharsets.UTF_8);
            case 4: // required member renamed
                return (HEADER + seg.replaceFirst("\"" + pick(rnd, "id", "name", "start_time", "trace_id") + "\"", "\"zz\""))
                        .getBytes(StandardCharsets.UTF_8);
            case 5: // wrong types
                return (HEADER + seg.replaceFirst("\"start_time\":", "\"start_time\":\"soon\",\"x\":")).getBytes(StandardCharsets.UTF_8);
            case 6: // oversized
                return (HEADER + "{\"pad\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 7: // empty body
                return HEADER.getBytes(StandardCharsets.UTF_8);
            case 8: { // a structural byte replaced by noise in the document's first brace
                byte[] b = good.clone();
                b[headerLen] = (byte) "[x\u0000#".charAt(rnd.nextInt(4));
                return b;
            }
            default: { // garbage appended after the document
                return (HEADER + seg + "}" + (char) ('a' + rnd.nextInt(26))).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static String pick(Random rnd, String... options) {
        return options[rnd.nextInt(options.length)];
    }
}
