package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.ui.shell.ConnectionInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    @TempDir
    Path home;

    /** Runs Main in a fresh JVM with DISPLAY and WAYLAND_DISPLAY removed, as on a server. */
    private Process runHeadless(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dtracedesk.log.dir=" + home.resolve("logs"), "-Duser.home=" + home, Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        return builder.start();
    }

    @Test
    void guiWithoutADisplayExitsWithStatusTwoAndSaysWhatToUseInstead() throws Exception {
        Process process = runHeadless();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err).contains("No display", "screenshots", "sandbox");
    }

    @Test
    void versionPrintsTheName() {
        java.io.StringWriter out = new java.io.StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new java.io.PrintWriter(out));

        assertThat(cli.execute("--version")).isZero();
        assertThat(out.toString()).startsWith("tracedesk ");
    }

    @Test
    void screenshotsIsASubcommandThatNeedsOut() {
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new java.io.PrintWriter(new java.io.StringWriter()));

        assertThat(cli.getSubcommands()).containsKey("screenshots");
        assertThat(cli.execute("screenshots")).isEqualTo(2);
    }

    @Test
    void aFailingSubcommandPrintsOneLineAndExitsWithOne() throws Exception {
        Path notADirectory = java.nio.file.Files.writeString(home.resolve("file"), "x");
        Process process = runHeadless("screenshots", "--out", notADirectory.resolve("shots").toString());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(err).contains("tracedesk screenshots: ").doesNotContain("\tat ");
    }

    @Test
    void profileComesFromTheOptionOrAwsProfileElseTheSandbox() {
        Main main = new Main();
        assertThat(main.connection(Map.of())).isEqualTo(ConnectionInfo.localSandbox());
        assertThat(main.connection(Map.of("AWS_PROFILE", "dev", "AWS_DEFAULT_REGION", "us-east-1")))
                .isEqualTo(new ConnectionInfo("dev", "us-east-1"));

        new CommandLine(main).parseArgs("--profile", "prod", "--region", "eu-west-1");
        assertThat(main.connection(Map.of("AWS_PROFILE", "dev"))).isEqualTo(new ConnectionInfo("prod", "eu-west-1"));
    }

}
