package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
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
import java.net.URI;
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
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Signing in through the dialog in a real (headless) window, against a local fake STS and the fake SSO-OIDC server,
 * with every AWS file in a temporary home.
 */
@ExtendWith(ApplicationExtension.class)
class SignInFlowTest {

    @TempDir
    Path home;
    private FakeSts sts;
    private FakeSsoServer sso;
    private ExecutorService worker;
    private UiWiring wiring;
    private final List<URI> opened = Collections.synchronizedList(new ArrayList<>());

    @Start
    void start(Stage stage) throws Exception {
        TestAwsHome.write(home);
        sts = new FakeSts();
        sso = new FakeSsoServer();
        sso.interval(1);
        worker = BackgroundTasks.newWorkerPool(2);
        LocalSandbox sandbox = new LocalSandbox() {
            @Override
            public int ensureRunning() {
                return 4567;
            }

            @Override
            public Optional<SandboxStats> stats() {
                return Optional.of(new SandboxStats(3, 2, 1, 1));
            }
        };
        wiring = new UiWiring(new UiWiring.Environment(Strings.bundle(), Clock.fixed(TestWiring.NOW, ZoneOffset.UTC),
                TestWiring.NO_TIMERS, Theme.LIGHT, ConnectionInfo.localSandbox(), worker, Platform::runLater),
                new UiWiring.Connections(new SignIn(TestAwsHome.environment(home, sts.endpoint(), sso.endpoint(),
                        Map.of())), sandbox, home.resolve("config"), opened::add, null));
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

    private void openAndPick(FxRobot robot, String profile) throws TimeoutException {
        robot.clickOn("#connectionButton");
        waitFor(() -> visible(robot, "#profileList"));
        robot.clickOn(LabeledMatchers.hasText(profile));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wiring.signIn().getSelected().name()).isEqualTo(profile);
    }

    @Test
    void pickingAProfileAndSigningInShowsAccountAndRegionInTheTopBar(FxRobot robot) throws Exception {
        assertThat(topBar(robot)).isEqualTo("Local sandbox");
        long refreshes = wiring.shell().getRefreshCount();

        openAndPick(robot, "static");
        assertThat(robot.lookup("#regionChoice").queryComboBox().getValue()).isEqualTo("eu-west-1");
        robot.clickOn("#signInButton");

        waitFor(() -> topBar(robot).equals("static · 111122223333 · eu-west-1"));
        assertThat(visible(robot, "#overlayLayer")).isFalse();
        assertThat(wiring.session().connection().name()).isEqualTo("static");
        assertThat(wiring.shell().getRefreshCount()).as("screens re-read").isGreaterThan(refreshes);
        assertThat(visible(robot, "#statusSandbox")).isFalse();
    }

    @Test
    void theSandboxConnectionShowsItsPortAndCountersInTheStatusBar(FxRobot robot) throws Exception {
        openAndPick(robot, "Local sandbox");
        robot.clickOn("#signInButton");

        waitFor(() -> topBar(robot).equals("Local sandbox · port 4567"));
        waitFor(() -> robot.lookup("#statusSandbox").queryAs(Label.class).getText()
                .equals("Local sandbox · port 4567 · 3 received · 2 stored · 1 rejected"));
    }

    @Test
    void anExpiredSsoTokenOffersSignInAgainAndTheBrowserSignInConnects(FxRobot robot) throws Exception {
        ListAppender<ILoggingEvent> log = captureLog();
        try {
            // A token the cache still calls valid, which the SSO portal no longer accepts (revoked, or expired early).
            new SsoTokenCache(home.resolve(".aws/sso/cache")).write("corp", new SsoToken("REVOKED-ACCESS-s3cr3t",
                    Instant.now().plus(Duration.ofHours(2)), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), "us-east-1", TestAwsHome.START_URL));
            openAndPick(robot, "sso");
            robot.clickOn("#signInButton");

            waitFor(() -> visible(robot, "#signInAgainButton"));
            assertThat(robot.lookup("#errorLabel").queryAs(Label.class).getText()).contains("expired", "Sign in again");
            assertThat(topBar(robot)).isEqualTo("Local sandbox");

            sso.answerTokenPolls("pending", "ok");
            robot.clickOn("#signInAgainButton");
            waitFor(() -> visible(robot, "#userCodeLabel"));
            assertThat(robot.lookup("#userCodeLabel").queryAs(Label.class).getText()).isEqualTo(FakeSsoServer.USER_CODE);

            waitFor(() -> topBar(robot).equals("sso · 111122223333 · eu-west-1"));
            assertThat(opened).containsExactly(URI.create("https://device.sso.example.com/?user_code="
                    + FakeSsoServer.USER_CODE));
            assertThat(wiring.session().connection().name()).isEqualTo("sso");
        } finally {
            release(log);
        }
        String all = text(log);
        assertThat(all).contains("Connected to sso · eu-west-1", "Sign-in failed: SSO_TOKEN_EXPIRED",
                "/federation/credentials");
        assertThat(all).doesNotContain("s3cr3t", "ACCESS-TOKEN-", "REFRESH-TOKEN-", FakeSsoServer.CLIENT_SECRET,
                FakeSsoServer.DEVICE_CODE, FakeSsoServer.SECRET_ACCESS_KEY, FakeSsoServer.SESSION_TOKEN,
                TestAwsHome.STATIC_SECRET);
    }

    @Test
    void cancellingWhileTheBrowserSignInWaitsLeavesThePreviousConnectionIntact(FxRobot robot) throws Exception {
        openAndPick(robot, "static");
        robot.clickOn("#signInButton");
        waitFor(() -> topBar(robot).startsWith("static · "));
        var before = wiring.session().current();

        sso.answerTokenPolls("pending", "pending", "pending", "pending", "pending", "pending", "pending", "pending");
        openAndPick(robot, "sso");
        robot.clickOn("#signInButton");
        waitFor(() -> visible(robot, "#userCodeLabel"));
        robot.clickOn("#cancelButton");

        waitFor(() -> !wiring.signIn().isBusy());
        assertThat(visible(robot, "#userCodeLabel")).isFalse();
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).contains("cancelled");
        assertThat(robot.lookup("#errorLabel").queryAs(Label.class).isVisible()).isFalse();
        assertThat(wiring.session().current()).isSameAs(before);
        assertThat(topBar(robot)).startsWith("static · ");
        assertThat(new SsoTokenCache(home.resolve(".aws/sso/cache")).read("corp")).isEmpty();

        robot.clickOn("#cancelButton"); // nothing runs any more: Cancel closes the dialog
        waitFor(() -> !visible(robot, "#overlayLayer"));
    }

    @Test
    void anMfaCodeIsAskedForInADialogAndSentWithTheRole(FxRobot robot) throws Exception {
        openAndPick(robot, "mfa");
        robot.clickOn("#signInButton");

        waitFor(() -> visible(robot, "#mfaCodeField"));
        robot.clickOn("#mfaCodeField").write("654321");
        robot.clickOn("#mfaOkButton");

        waitFor(() -> topBar(robot).equals("mfa · 444455556666 · us-east-1"));
        assertThat(sts.calls()).filteredOn(c -> c.action().equals("AssumeRole")).singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("TokenCode", "654321"));
    }

    @Test
    void escapeClosesTheDialogWithoutChangingTheConnection(FxRobot robot) throws Exception {
        openAndPick(robot, "static");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);

        waitFor(() -> !visible(robot, "#overlayLayer"));
        assertThat(topBar(robot)).isEqualTo("Local sandbox");
        assertThat(wiring.session().connection().isSandbox()).isTrue();
    }

    @Test
    void startingWithAProfileOpensSignedIn(FxRobot robot) throws Exception {
        robot.interact(() -> wiring.connectAtStart(new ConnectionInfo("static", "us-west-2")));

        waitFor(() -> topBar(robot).equals("static · 111122223333 · us-west-2"));
        assertThat(visible(robot, "#overlayLayer")).isFalse();
    }

    @Test
    void startingWithAProfileThatFailsShowsTheReasonInTheDialog(FxRobot robot) throws Exception {
        robot.interact(() -> wiring.connectAtStart(new ConnectionInfo("noregion", null)));

        waitFor(() -> visible(robot, "#errorLabel"));
        assertThat(robot.lookup("#errorLabel").queryAs(Label.class).getText()).contains("Pick a region");
        assertThat(wiring.signIn().getSelected().name()).isEqualTo("noregion");
    }

    @Test
    void aFirstStartWithAwsProfilesConnectsTheSandboxAndShowsTheDialog(FxRobot robot) throws Exception {
        robot.interact(() -> wiring.connectAtStart(ConnectionInfo.localSandbox()));

        waitFor(() -> topBar(robot).equals("Local sandbox · port 4567"));
        assertThat(visible(robot, "#profileList")).as("dialog stays open for the first choice").isTrue();
        assertThat(wiring.signIn().isBusy()).isFalse();
    }

    @Test
    void aLaterStartGoesStraightToTheSandbox(FxRobot robot) throws Exception {
        new dev.tracedesk.aws.RecentConnections(home.resolve("config")).remember("static", "eu-west-1");

        robot.interact(() -> wiring.connectAtStart(ConnectionInfo.localSandbox()));

        waitFor(() -> topBar(robot).equals("Local sandbox · port 4567"));
        assertThat(visible(robot, "#overlayLayer")).isFalse();
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        // Everything at DEBUG, the SDK included, except what the app's logback.xml pins because it copies secrets:
        // Apache HttpClient's wire/header dumps and the SigV4 signer's canonical request (pinned in logback-test.xml).
        ((Logger) LoggerFactory.getLogger("org.apache.hc.client5.http.wire")).setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("org.apache.hc.client5.http.headers")).setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("software.amazon.awssdk")).setLevel(Level.DEBUG); // its request log too
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        root.setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("org.apache.hc.client5.http.wire")).setLevel(null);
        ((Logger) LoggerFactory.getLogger("org.apache.hc.client5.http.headers")).setLevel(null);
        ((Logger) LoggerFactory.getLogger("software.amazon.awssdk")).setLevel(Level.WARN); // as logback-test.xml
        appender.stop();
    }

    private static String text(ListAppender<ILoggingEvent> appender) {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
        }
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : events) {
            all.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                all.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        return all.toString();
    }
}
