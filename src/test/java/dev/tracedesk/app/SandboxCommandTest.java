package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.sandbox.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SandboxCommandTest {
    @TempDir
    Path dir;

    @Test
    void busyPortIsAOneLineErrorWithExitCodeTwo() throws Exception {
        try (Sandbox running = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir.resolve("a")))) {
            PrintStream oldErr = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = new CommandLine(new SandboxCommand()).execute("--port", String.valueOf(running.port()),
                        "--data", dir.resolve("b").toString());
            } finally {
                System.setErr(oldErr);
            }
            assertThat(code).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).strip())
                    .isEqualTo("sandbox: port " + running.port() + " is already in use on 127.0.0.1");
        }
    }

    @Test
    void printsWhereItListensAndExitsZeroOnSigterm() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "sandbox", "--port", "0", "--data", dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("sandbox listening")) line = out.readLine(); // test logging is on stdout
            assertThat(line).matches("sandbox listening on 127\\.0\\.0\\.1:\\d+");
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void outOfRangePortIsRejected() {
        assertThat(new CommandLine(new SandboxCommand()).execute("--port", "70000", "--data", dir.toString())).isEqualTo(2);
    }
}
