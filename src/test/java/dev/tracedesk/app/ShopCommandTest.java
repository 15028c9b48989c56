package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.stack.ShopStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ShopCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out) {}

    private static Run run(String... args) {
        PrintStream old = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return new Run(new CommandLine(new ShopCommand()).execute(args), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
    }

    @Test
    void smokePerfAndStatsAgainstARunningSandbox() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
             ShopStack stack = ShopStack.start(sandbox, ShopStack.Options.defaults())) {
            String data = dir.toString(); // shop.json there tells the commands where the stack is
            Run smoke = run("smoke", "--data", data);
            assertThat(smoke.code()).as(smoke.out()).isZero();
            assertThat(smoke.out()).contains("11 passed, 0 failed");

            Run perf = run("perf", "--data", data, "--requests", "40", "--concurrency", "4", "--unittest-share", "0.1", "--label", "a");
            assertThat(perf.code()).isZero();
            assertThat(perf.out()).contains("requests 40 in").contains("202=36").contains("502=4");
            run("perf", "--data", data, "--requests", "10", "--concurrency", "2", "--unittest-share", "0", "--label", "b");
            assertThat(stack.lambda().awaitIdle(Duration.ofSeconds(20))).isTrue();

            Run stats = run("stats", "--data", data, "--json");
            assertThat(stats.code()).isZero();
            JsonNode json = new ObjectMapper().readTree(stats.out());
            JsonNode accept = json.get("functions").get(0);
            assertThat(accept.get("function").asText()).isEqualTo("AMIS_shop_accept");
            // smoke: 8 requests reach accept (GETs and unknown routes are refused by the stage; one goes to the unit-test route)
            assertThat(accept.get("invocations").asInt()).isEqualTo(8 + 36 + 10);
            assertThat(accept.get("coldStarts").asInt()).isBetween(1, 4 + 1);
            assertThat(json.get("functions").get(3).get("invocations").asInt()).isEqualTo(1 + 4);

            Run compare = run("stats", "--data", data, "--compare");
            assertThat(compare.code()).isZero();
            assertThat(compare.out()).contains("a (").contains("b (").contains("AMIS_shop_update_db");
        }
    }

    @Test
    void sinceAcceptsUnitsAndRejectsGarbage() {
        assertThat(ShopCommand.parseSince("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ShopCommand.parseSince("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(ShopCommand.parseSince("2h")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> ShopCommand.parseSince("soon")).hasMessageContaining("--since");
    }
}
