package dev.tracedesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * moto_server (the local AWS emulator) for tests tagged {@code moto}: started on a free loopback port, stopped on
 * close. Missing from the PATH, the test is skipped, unless TRACEDESK_REQUIRE_MOTO=1 (CI), where it fails.
 */
public final class MotoServer implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts moto_server with its log in {@code logDir}; skips the calling test when moto is not installed. */
    public static MotoServer startOrSkip(Path logDir) throws IOException, InterruptedException {
        Optional<Path> executable = onPath("moto_server");
        if ("1".equals(System.getenv("TRACEDESK_REQUIRE_MOTO"))) {
            // CI sets this: there a missing moto_server is a broken machine, not a reason to skip.
            assertThat(executable).as("moto_server on the PATH (TRACEDESK_REQUIRE_MOTO=1)").isPresent();
        }
        Assumptions.assumeTrue(executable.isPresent(), "moto_server is not on the PATH");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = logDir.resolve("moto.log");
        ProcessBuilder builder = new ProcessBuilder(executable.get().toString(), "-H", "127.0.0.1", "-p",
                Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile());
        // As in AWS, the AWS managed policies (AWSXRayDaemonWriteAccess, ...) exist and can be attached.
        builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
        Process process = builder.start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        MotoServer server = new MotoServer(process, endpoint);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!answers(endpoint)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited: " + Files.readString(log));
            }
            if (Instant.now().isAfter(deadline)) {
                server.close();
                throw new IllegalStateException("moto_server did not start within 60 s");
            }
            Thread.sleep(100);
        }
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every resource (moto's reset API), so a test starts from an empty account. */
    public void reset() throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setConnectTimeout(2_000);
        c.setReadTimeout(10_000);
        int status = c.getResponseCode();
        c.disconnect();
        if (status != 200) {
            throw new IOException("moto reset answered " + status);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor();
    }

    private static boolean answers(URI base) {
        try {
            HttpURLConnection c = (HttpURLConnection) base.resolve("/moto-api/").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            c.disconnect();
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
