package dev.tracedesk.app;

import dev.tracedesk.aws.AwsEnvironment;
import dev.tracedesk.aws.SignIn;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.FxTicker;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.UncaughtErrorHandler;
import java.time.Clock;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import javafx.application.Application;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Started by {@link Main} (never directly: the main class stays a plain class, so the app
 * runs from a class path), which hands over its {@link LaunchConfig} first.
 */
public final class TraceDeskApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(TraceDeskApp.class);
    private static volatile LaunchConfig config;

    private ExecutorService worker;
    private MainWindow window;
    private UiWiring wiring;
    private AppSandbox sandbox;

    /** Starts the toolkit and blocks until the last window closes. */
    static void launch(LaunchConfig launchConfig) {
        config = Objects.requireNonNull(launchConfig);
        Application.launch(TraceDeskApp.class);
    }

    @Override
    public void start(Stage stage) {
        LaunchConfig cfg = Objects.requireNonNull(config, "TraceDeskApp is started through Main");
        ResourceBundle strings = Strings.bundle();
        worker = BackgroundTasks.newWorkerPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        sandbox = new AppSandbox(cfg.paths().dataDir().resolve("sandbox"));
        HostServices host = getHostServices();
        wiring = new UiWiring(new UiWiring.Environment(strings, Clock.systemDefaultZone(), new FxTicker(),
                cfg.systemTheme(), cfg.connection(), worker, Platform::runLater),
                new UiWiring.Connections(new SignIn(AwsEnvironment.fromSystem()), sandbox, cfg.paths().configDir(),
                        uri -> host.showDocument(uri.toString()), null))
                .stackOptions(new StackOptions(cfg.paths().dataDir().resolve("sandbox"), true));
        UncaughtErrorHandler handler = new UncaughtErrorHandler(wiring.errors(), Platform::runLater, strings);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Thread.currentThread().setUncaughtExceptionHandler(handler);
        window = new MainWindow(stage, wiring, new SettingsStore(cfg.paths().settingsFile()));
        window.show();
        wiring.connectAtStart(cfg.connection());
    }

    @Override
    public void stop() {
        if (window != null) {
            window.save();
        }
        if (wiring != null) {
            wiring.dispose();
        }
        if (worker != null) {
            worker.shutdownNow();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        LOG.info("TraceDesk closed");
    }
}
