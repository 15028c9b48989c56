package dev.tracedesk.app;

import dev.tracedesk.aws.AwsEnvironment;
import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.aws.SignIn;
import dev.tracedesk.explore.Session;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.common.Ticker;
import dev.tracedesk.ui.shell.ConnectionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The window's object graph for FX tests: fixed UTC clock, no timers, work and handlers as the test says, and the
 * example AWS configuration in a temporary home (never the real ~/.aws or ~/.config).
 */
final class TestWiring {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Ticker NO_TIMERS = (period, action) -> () -> { };

    private TestWiring() {
    }

    static UiWiring create(Executor worker) {
        return new UiWiring(environment(worker), connections()).stackOptions(noShop());
    }

    /** A window that starts on {@code session} (a test's own sandbox), with a demo AWS home of its own. */
    static UiWiring create(UiWiring.Environment env, Session session) {
        return new UiWiring(env, connections(), session).stackOptions(noShop());
    }

    /** Stack screen: a sandbox directory of its own with no shop in it (never the user's data directory). */
    private static StackOptions noShop() {
        try {
            Path dir = Files.createTempDirectory("tracedesk-test-sandbox-");
            dir.toFile().deleteOnExit();
            return new StackOptions(dir, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A window on the sandbox at {@code port} (a test's own), with real time and no timers. */
    static UiWiring onSandbox(Executor worker, int port) {
        return create(new UiWiring.Environment(Strings.bundle(), Clock.systemUTC(), NO_TIMERS, Theme.LIGHT,
                ConnectionInfo.localSandbox(), worker, Platform::runLater),
                new Session(SandboxConnection.onLocalPort(port)));
    }

    private static UiWiring.Environment environment(Executor worker) {
        return new UiWiring.Environment(Strings.bundle(), Clock.fixed(NOW, ZoneOffset.UTC), NO_TIMERS,
                Theme.LIGHT, ConnectionInfo.localSandbox(), worker, Platform::runLater);
    }

    private static UiWiring.Connections connections() {
        try {
            Path home = Files.createTempDirectory("tracedesk-test-home-");
            home.toFile().deleteOnExit();
            DemoAwsConfig.write(home, home.resolve("config"));
            return new UiWiring.Connections(new SignIn(new AwsEnvironment(Map.of(), home)),
                    new AppSandbox(home.resolve("sandbox")), home.resolve("config"), uri -> { },
                    (profile, serial) -> Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UiWiring create() {
        return create(Runnable::run);
    }
}
