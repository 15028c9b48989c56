package dev.tracedesk.app;

import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.common.Ticker;
import dev.tracedesk.ui.shell.ConnectionInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/** The window's object graph for FX tests: fixed UTC clock, no timers, work and handlers as the test says. */
final class TestWiring {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Ticker NO_TIMERS = (period, action) -> () -> { };

    private TestWiring() {
    }

    static UiWiring create(Executor worker) {
        return new UiWiring(new UiWiring.Environment(Strings.bundle(), Clock.fixed(NOW, ZoneOffset.UTC), NO_TIMERS,
                Theme.LIGHT, ConnectionInfo.localSandbox(), worker, Platform::runLater));
    }

    static UiWiring create() {
        return create(Runnable::run);
    }
}
