package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.aws.AwsClients;
import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.explore.stack.StackActions;
import dev.tracedesk.explore.stack.StackScope;
import dev.tracedesk.explore.stack.TracingMode;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.stack.ShopStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tracedesk shop deploy|delete|tracing} against a sandbox, as a user types them. */
class ShopStackCommandsTest {
    private Sandbox sandbox;
    private String endpoint;
    private AwsClients clients;
    private StackActions actions;

    private record Run(int code, String out, String err) {}

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        ShopStack.start(sandbox, ShopStack.Options.defaults());
        endpoint = "http://127.0.0.1:" + sandbox.port();
        clients = new AwsClients(SandboxConnection.onLocalPort(sandbox.port()));
        actions = new StackActions(() -> clients);
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    private static Run run(String... args) {
        PrintStream old = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new ShopCommand()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
    }

    @Test
    void tracingOffSwitchesEveryFunctionAndTheStageAndOnSwitchesOneFunctionBack() {
        Run off = run("tracing", "--endpoint", endpoint, "off");
        assertThat(off.code()).as(off.err()).isZero();
        assertThat(off.out()).contains("- AMIS_shop_accept: Active -> PassThrough")
                .contains("- stage AMIS_api_gateway/prod: tracing on -> off");
        assertThat(actions.functions(StackScope.ofNamePrefix("AMIS_")))
                .allSatisfy(f -> assertThat(f.tracing()).isEqualTo(TracingMode.PASS_THROUGH));
        assertThat(actions.restStages(StackScope.ofNamePrefix("AMIS_")).get(0).tracingEnabled()).isFalse();

        Run one = run("tracing", "--endpoint", endpoint, "--function", "AMIS_shop_accept", "on");
        assertThat(one.code()).isZero();
        assertThat(one.out()).doesNotContain("stage");
        assertThat(actions.function("AMIS_shop_accept").tracing()).isEqualTo(TracingMode.ACTIVE);
        assertThat(actions.function("AMIS_shop_decrypt").tracing()).isEqualTo(TracingMode.PASS_THROUGH);

        Run stage = run("tracing", "--endpoint", endpoint, "--stage", "prod", "on");
        assertThat(stage.out()).contains("tracing off -> on").doesNotContain("AMIS_shop_decrypt");
        assertThat(actions.restStages(StackScope.ofNamePrefix("AMIS_")).get(0).tracingEnabled()).isTrue();
    }

    @Test
    void tracingWithoutAValueShowsTheStateAndTheIamCheck() {
        actions.detachXRayWriteAccess(actions.function("AMIS_shop_decrypt").role());
        Run show = run("tracing", "--endpoint", endpoint);
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("AMIS_shop_accept").contains("Active").contains("stage AMIS_api_gateway/prod")
                .contains("! Role AMIS_shop_decrypt_role may not send traces (missing xray:PutTraceSegments, xray:PutTelemetryRecords)")
                .contains("cannot be traced by X-Ray");
    }

    @Test
    void deployUpdatesAndDeleteRemovesTheSandboxStack() {
        Run deploy = run("deploy", "--endpoint", endpoint, "--tracing", "off");
        assertThat(deploy.code()).as(deploy.err()).isZero();
        assertThat(deploy.out()).contains("- Updating stack tracedesk-shop-AMIS").contains("UPDATE_COMPLETE")
                .contains("Invoke URL: POST ");
        Run same = run("deploy", "--endpoint", endpoint, "--tracing", "off");
        assertThat(same.out()).contains("(nothing to do)");

        Run delete = run("delete", "--endpoint", endpoint);
        assertThat(delete.code()).isZero();
        assertThat(delete.out()).contains("Stack tracedesk-shop-AMIS: DELETE_COMPLETE");
        assertThat(actions.functions(StackScope.ofNamePrefix("AMIS_"))).isEmpty();
    }

    @Test
    void badUsageAndAnUnreachableEndpointSayWhatIsWrong() throws Exception {
        Run both = run("tracing", "--endpoint", endpoint, "--profile", "x", "on");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("exclude each other");
        assertThat(run("tracing", "--endpoint", endpoint, "sideways").err()).contains("Tracing must be on or off");
        assertThat(run("tracing", "--endpoint", endpoint, "--function", "AMIS_nope", "on").err())
                .contains("tracedesk shop tracing: Cannot read function AMIS_nope");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run down = run("tracing", "--endpoint", "http://127.0.0.1:" + closed, "on");
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).contains("No connection to AWS");
    }
}
