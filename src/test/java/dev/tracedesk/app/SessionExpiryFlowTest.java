package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tracedesk.aws.FakeSsoServer;
import dev.tracedesk.aws.SignIn;
import dev.tracedesk.aws.SsoToken;
import dev.tracedesk.aws.SsoTokenCache;
import dev.tracedesk.explore.LocalSandbox;
import dev.tracedesk.explore.SandboxStats;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.shell.ConnectionInfo;
import dev.tracedesk.ui.signin.FakeSts;
import dev.tracedesk.ui.signin.TestAwsHome;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A screen's request fails because the SSO sign-in ran out (the IAM Identity Center portal no longer takes the
 * cached token): the banner says so and offers "Sign in again", which runs the browser sign-in for the same profile
 * and re-reads the open screens. Fake STS, SSO and AWS endpoint (answers every X-Ray call with an empty result).
 */
@ExtendWith(ApplicationExtension.class)
class SessionExpiryFlowTest {

    @TempDir
    Path home;
    private FakeSts sts;
    private FakeSsoServer sso;
    private HttpServer aws;
    private final List<String> awsCalls = Collections.synchronizedList(new ArrayList<>());
    private ExecutorService worker;
    private UiWiring wiring;
    private final List<URI> opened = Collections.synchronizedList(new ArrayList<>());

    @Start
    void start(Stage stage) throws Exception {
        TestAwsHome.write(home);
        sts = new FakeSts();
        sso = new FakeSsoServer();
        sso.interval(1);
        sso.credentialsLifetime(Duration.ofSeconds(30));
        aws = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        aws.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
                awsCalls.add(exchange.getRequestURI().getPath() + " " + (auth.contains(FakeSsoServer.ACCESS_KEY_ID)
                        ? "sso-role" : "other"));
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        aws.start();
        // A token the AWS CLI cached earlier, accepted by the portal for now.
        new SsoTokenCache(home.resolve(".aws/sso/cache")).write("corp", new SsoToken("CLI-ACCESS-s3cr3t",
                Instant.now().plus(Duration.ofHours(2)), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "us-east-1", TestAwsHome.START_URL));
        sso.acceptAccessToken("CLI-ACCESS-s3cr3t");
        worker = BackgroundTasks.newWorkerPool(2);
        LocalSandbox sandbox = new LocalSandbox() {
            @Override
            public int ensureRunning() {
                return 4567;
            }

            @Override
            public Optional<SandboxStats> stats() {
                return Optional.empty();
            }
        };
        String endpoint = "http://127.0.0.1:" + aws.getAddress().getPort();
        wiring = new UiWiring(new UiWiring.Environment(Strings.bundle(), Clock.fixed(TestWiring.NOW, ZoneOffset.UTC),
                TestWiring.NO_TIMERS, Theme.LIGHT, ConnectionInfo.localSandbox(), worker, Platform::runLater),
                new UiWiring.Connections(new SignIn(TestAwsHome.environment(home, sts.endpoint(), sso.endpoint(),
                        Map.of("AWS_ENDPOINT_URL", endpoint))), sandbox, home.resolve("config"), opened::add, null));
        stage.setScene(new Scene(wiring.loadShell().root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        Platform.runLater(wiring::dispose);
        WaitForAsyncUtils.waitForFxEvents();
        worker.shutdownNow();
        sts.close();
        sso.close();
        aws.stop(0);
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String topBar(FxRobot robot) {
        return robot.lookup("#connectionButton").queryAs(Button.class).getText();
    }

    private boolean visible(FxRobot robot, String query) {
        Optional<Node> node = robot.lookup(query).tryQuery();
        if (node.isEmpty() || node.get().getScene() == null) {
            return false;
        }
        for (Node n = node.get(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anExpiredSsoSignInHitByAScreenOffersSignInAgainWhichReconnectsAndRereadsTheScreens(FxRobot robot)
            throws Exception {
        robot.interact(() -> wiring.connectAtStart(new ConnectionInfo("sso", "eu-west-1")));
        waitFor(() -> topBar(robot).equals("sso · 111122223333 · eu-west-1"));
        waitFor(() -> awsCalls.stream().anyMatch(c -> c.endsWith("sso-role")));
        assertThat(visible(robot, "#errorBanner")).isFalse();

        // The portal stops taking the token (it ran out early, or was revoked): the next screen request fails.
        sso.acceptAccessToken("NOT-THE-CACHED-ONE");
        // The SDK keeps role credentials that are already stale for one more second before it asks the portal again
        // (SsoCredentialsProvider's minimum); after that every request asks it.
        Thread.sleep(1_500);
        robot.interact(() -> wiring.shell().refresh());

        waitFor(() -> visible(robot, "#errorActionButton"));
        assertThat(robot.lookup("#errorMessage").queryAs(Label.class).getText()).contains("expired", "Sign in again");
        assertThat(robot.lookup("#errorActionButton").queryAs(Button.class).getText()).isEqualTo("Sign in again");
        assertThat(topBar(robot)).as("the connection stays until the new sign-in proves itself")
                .isEqualTo("sso · 111122223333 · eu-west-1");

        long refreshes = wiring.shell().getRefreshCount();
        int callsBefore = awsCalls.size();
        sso.answerTokenPolls("pending", "ok");
        robot.clickOn("#errorActionButton");

        waitFor(() -> visible(robot, "#userCodeLabel"));
        assertThat(robot.lookup("#userCodeLabel").queryAs(Label.class).getText()).isEqualTo(FakeSsoServer.USER_CODE);
        assertThat(wiring.signIn().getSelected().name()).isEqualTo("sso");

        waitFor(() -> wiring.shell().getRefreshCount() > refreshes && !visible(robot, "#overlayLayer"));
        assertThat(topBar(robot)).isEqualTo("sso · 111122223333 · eu-west-1");
        assertThat(opened).containsExactly(URI.create("https://device.sso.example.com/?user_code="
                + FakeSsoServer.USER_CODE));
        assertThat(sso.currentAccessToken()).startsWith("ACCESS-TOKEN-");
        // the open screen read again, with the renewed sign-in, and nothing failed
        waitFor(() -> awsCalls.size() > callsBefore);
        assertThat(awsCalls.subList(callsBefore, awsCalls.size())).allMatch(c -> c.endsWith("sso-role"));
        assertThat(visible(robot, "#errorBanner")).isFalse();
    }

    @Test
    void theSandboxNeverOffersSignInAgain(FxRobot robot) throws Exception {
        robot.interact(() -> wiring.connectAtStart(ConnectionInfo.localSandbox()));
        waitFor(() -> topBar(robot).equals("Local sandbox · port 4567"));
        robot.interact(() -> wiring.tasks().task("Loading", p -> {
            throw new dev.tracedesk.aws.AwsProblemException(dev.tracedesk.aws.AwsProblem.of(
                    dev.tracedesk.aws.ProblemKind.SSO_TOKEN_EXPIRED, "expired"));
        }).start());

        waitFor(() -> visible(robot, "#errorBanner"));
        assertThat(visible(robot, "#errorActionButton")).isFalse();
    }
}
