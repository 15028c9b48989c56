package dev.tracedesk.ui.shell;

import dev.tracedesk.explore.LocalSandbox;
import dev.tracedesk.explore.SandboxStats;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status bar's sandbox part while the window reads the local sandbox: "Local sandbox · port 2000 · 120 received ·
 * 118 stored · 2 rejected", its counters polled every few seconds off the FX thread. Empty for an AWS connection.
 * FX thread only.
 */
public final class SandboxStatus {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxStatus.class);
    public static final Duration POLL_PERIOD = Duration.ofSeconds(3);

    private final LocalSandbox sandbox;
    private final Executor worker;
    private final Executor ui;
    private final Ticker ticker;
    private final ResourceBundle strings;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private Runnable stopTicker = () -> { };
    private OptionalInt port = OptionalInt.empty();
    private boolean polling;

    /** @param worker runs the (blocking) counter reads; {@code ui} gets their results (the FX thread) */
    public SandboxStatus(LocalSandbox sandbox, Executor worker, Executor ui, Ticker ticker, ResourceBundle strings) {
        this.sandbox = sandbox;
        this.worker = worker;
        this.ui = ui;
        this.ticker = ticker;
        this.strings = strings;
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String getText() {
        return text.get();
    }

    /** Follows a new connection: polls the sandbox on {@code sandboxPort}, or stops for an AWS connection. */
    public void watch(OptionalInt sandboxPort) {
        stopTicker.run();
        stopTicker = () -> { };
        port = sandboxPort;
        if (sandboxPort.isEmpty()) {
            text.set("");
            return;
        }
        text.set(Strings.format(strings, "status.sandbox", String.valueOf(sandboxPort.getAsInt())));
        poll();
        stopTicker = ticker.every(POLL_PERIOD, this::poll);
    }

    /** Reads the counters once in the background (skipped while the previous read still runs). */
    public void poll() {
        if (port.isEmpty() || polling) {
            return;
        }
        polling = true;
        int watched = port.getAsInt();
        // Not a BackgroundTasks task: a poll every few seconds must not flash in the status bar's task area, and a
        // sandbox that stops answering shows as such here rather than as an error banner every three seconds.
        try {
            worker.execute(() -> {
                Optional<SandboxStats> stats;
                try {
                    stats = sandbox.stats();
                } catch (RuntimeException e) {
                    LOG.debug("Reading the sandbox counters failed: {}", e.toString());
                    stats = Optional.empty();
                }
                Optional<SandboxStats> result = stats;
                ui.execute(() -> {
                    polling = false;
                    show(watched, result);
                });
            });
        } catch (RuntimeException rejected) {
            polling = false;
        }
    }

    private void show(int watched, Optional<SandboxStats> stats) {
        if (port.isEmpty() || port.getAsInt() != watched) {
            return;
        }
        String where = String.valueOf(watched);
        text.set(stats.map(s -> Strings.format(strings, "status.sandboxStats", where, s.received(), s.stored(),
                s.rejected())).orElseGet(() -> Strings.format(strings, "status.sandboxDown", where)));
    }

    /** Stops polling (window closing). */
    public void dispose() {
        stopTicker.run();
        stopTicker = () -> { };
        port = OptionalInt.empty();
    }
}
