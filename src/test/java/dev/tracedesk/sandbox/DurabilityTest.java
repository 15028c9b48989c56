package dev.tracedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sandbox in a separate JVM is killed with SIGKILL in the middle of ingest; restarted on the same data directory,
 * its database passes {@code PRAGMA integrity_check} and holds everything that was committed before the kill.
 */
class DurabilityTest {
    @TempDir
    Path dir;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void killDashNineMidIngestLosesNothingCommittedAndNeverCorrupts() throws Exception {
        Process p = launch();
        int port = readPort(p);
        List<String> flushedTraces = new ArrayList<>();
        try (DatagramSocket udp = new DatagramSocket()) {
            // Phase 1: 2,000 segments, then wait until the sandbox reports them committed.
            double t = Segments.now();
            for (int i = 0; i < 2000; i++) {
                String trace = Segments.traceId();
                flushedTraces.add(trace);
                send(udp, port, Segments.segment(trace, Segments.id(), "before-kill", t, t + 0.1, 200));
                if (i % 200 == 0) Thread.sleep(2);
            }
            long deadline = System.currentTimeMillis() + 20_000;
            while (stats(port).path("stored").asLong() < 2000 && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertThat(stats(port).path("stored").asLong()).isEqualTo(2000);

            // Phase 2: keep sending and kill the process while its writer is busy.
            for (int i = 0; i < 30_000; i++) {
                send(udp, port, Segments.segment(Segments.traceId(), Segments.id(), "during-kill", t, t + 0.1, 200));
                if (i == 15_000) p.destroyForcibly();
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }

        try (SandboxFixture fx = new SandboxFixture(dir)) {
            assertThat(fx.sandbox.integrityCheck()).isEqualTo("ok");
            long docs = fx.sandbox.storedDocuments();
            assertThat(docs).isGreaterThanOrEqualTo(2000).isLessThanOrEqualTo(32_000);
            assertThat(fx.sandbox.traceCount()).isEqualTo((int) docs); // one segment per trace, index rebuilt
            for (int i = 0; i < flushedTraces.size(); i += 400) {
                String id = flushedTraces.get(i);
                assertThat(fx.xray.batchGetTraces(b -> b.traceIds(id)).traces()).hasSize(1);
            }
        }
    }

    private Process launch() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SandboxProcessMain.class.getName(), dir.toString());
        pb.redirectError(new File(dir.toFile(), "stderr.txt"));
        return pb.start();
    }

    private static int readPort(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith("PORT ")) return Integer.parseInt(line.substring(5).trim());
        }
        throw new IllegalStateException("sandbox process ended without a port");
    }

    private static void send(DatagramSocket udp, int port, String doc) throws Exception {
        byte[] b = ("{\"format\":\"json\",\"version\":1}\n" + doc).getBytes(StandardCharsets.UTF_8);
        udp.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
    }

    private static JsonNode stats(int port) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/stats"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
