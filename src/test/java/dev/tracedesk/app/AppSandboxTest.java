package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tracedesk.explore.SandboxStats;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GUI's Local sandbox: start in-process, attach to a running one, or move to a free port. */
class AppSandboxTest {

    @TempDir
    Path data;

    private static int freePort() throws IOException {
        // Free for TCP and UDP, as the sandbox needs both.
        for (int i = 0; i < 50; i++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        port))) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port");
    }

    @Test
    void startsTheSandboxOnThePreferredPortAndASecondWindowAttachesToIt() throws Exception {
        int port = freePort();
        try (AppSandbox first = new AppSandbox(data.resolve("a"), port);
             AppSandbox second = new AppSandbox(data.resolve("b"), port)) {
            assertThat(first.ensureRunning()).isEqualTo(port);
            assertThat(first.ownsSandbox()).isTrue();
            assertThat(first.stats()).contains(new SandboxStats(0, 0, 0, 0));

            assertThat(second.ensureRunning()).isEqualTo(port);
            assertThat(second.ownsSandbox()).isFalse();
            assertThat(second.stats()).contains(new SandboxStats(0, 0, 0, 0));
            assertThat(first.ensureRunning()).as("idempotent").isEqualTo(port);
        }
    }

    @Test
    void aPortTakenBySomethingElseMovesTheSandboxToAFreePort() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        other.start();
        int taken = other.getAddress().getPort();
        try (AppSandbox sandbox = new AppSandbox(data, taken)) {
            int port = sandbox.ensureRunning();

            assertThat(port).isNotEqualTo(taken);
            assertThat(sandbox.ownsSandbox()).isTrue();
            assertThat(sandbox.probe(port)).isPresent();
            assertThat(sandbox.probe(taken)).isEmpty();
        } finally {
            other.stop(0);
        }
    }

    @Test
    void nothingRunningMeansNoStats() {
        try (AppSandbox sandbox = new AppSandbox(data, 1)) {
            assertThat(sandbox.stats()).isEmpty();
        }
    }
}
