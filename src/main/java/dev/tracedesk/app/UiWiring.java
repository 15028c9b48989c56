package dev.tracedesk.app;

import dev.tracedesk.ui.analytics.AnalyticsController;
import dev.tracedesk.ui.analytics.AnalyticsViewModel;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.ControllerFactory;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.FxmlView;
import dev.tracedesk.ui.common.TaskMonitor;
import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.common.Ticker;
import dev.tracedesk.ui.common.ViewLoader;
import dev.tracedesk.ui.map.ServiceMapController;
import dev.tracedesk.ui.map.ServiceMapViewModel;
import dev.tracedesk.ui.sampling.SamplingController;
import dev.tracedesk.ui.sampling.SamplingViewModel;
import dev.tracedesk.ui.shell.ConnectionInfo;
import dev.tracedesk.ui.shell.Screen;
import dev.tracedesk.ui.shell.ShellController;
import dev.tracedesk.ui.shell.ShellViewModel;
import dev.tracedesk.ui.stack.StackController;
import dev.tracedesk.ui.stack.StackViewModel;
import dev.tracedesk.ui.traces.TracesController;
import dev.tracedesk.ui.traces.TracesViewModel;
import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.traces.SessionBackend;
import dev.tracedesk.explore.traces.TraceSummaryLoader;
import dev.tracedesk.explore.traces.TracesBackend;
import dev.tracedesk.ui.trace.TraceController;
import dev.tracedesk.ui.trace.TraceViewModel;
import javafx.beans.binding.Bindings;
import java.time.Clock;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.scene.Parent;

/**
 * The object graph of one main window, wired by hand: every controller an FXML file names is registered here with
 * the constructor call that builds it. Adding a screen means adding one line to {@link #controllers()}.
 */
public final class UiWiring {

    /** What the window needs from outside: time, timers, the OS theme, the connection, and where work runs. */
    public record Environment(ResourceBundle strings, Clock clock, Ticker ticker, Theme systemTheme,
            ConnectionInfo connection, Executor worker, Executor ui) {
    }

    private final Environment env;
    private final TaskMonitor monitor = new TaskMonitor();
    private final ErrorReporter errors;
    private final BackgroundTasks tasks;
    private final ShellViewModel shell;
    private final ViewLoader loader;
    private final Session session;
    private TracesController tracesController;
    private final TraceSummaryLoader summaryLoader = new TraceSummaryLoader();

    /** A window on the sandbox at its usual local port (until a sign-in switches the session). */
    public UiWiring(Environment env) {
        this(env, new Session(SandboxConnection.onLocalPort(2000)));
    }

    public UiWiring(Environment env, Session session) {
        this.env = env;
        this.session = session;
        this.errors = new ErrorReporter(env.clock());
        this.tasks = new BackgroundTasks(env.worker(), env.ui(), monitor, errors);
        this.shell = new ShellViewModel(env.strings(), env.clock(), env.ticker(), env::systemTheme,
                env.connection(), monitor, errors);
        this.loader = new ViewLoader(controllers(), env.strings());
    }

    private ControllerFactory controllers() {
        ResourceBundle strings = env.strings();
        return new ControllerFactory()
                .register(ShellController.class, () -> new ShellController(shell, this::loadScreen, strings))
                .register(ServiceMapController.class, () -> new ServiceMapController(new ServiceMapViewModel(strings)))
                .register(TracesController.class, this::tracesController)
                .register(TraceController.class, () -> new TraceController(new TraceViewModel(strings,
                        this::tracesBackend, tasks, env.clock()), strings))
                .register(AnalyticsController.class, () -> new AnalyticsController(new AnalyticsViewModel(strings)))
                .register(SamplingController.class, () -> new SamplingController(new SamplingViewModel(strings)))
                .register(StackController.class, () -> new StackController(new StackViewModel(strings)));
    }

    private TracesBackend tracesBackend() {
        return new SessionBackend(session);
    }

    private TracesController tracesController() {
        TracesViewModel model = new TracesViewModel(env.strings(), this::tracesBackend, summaryLoader, tasks, env.ui(),
                shell.windowProperty(), shell.filterProperty(), shell.refreshCountProperty());
        model.zoneProperty().bind(Bindings.createObjectBinding(() -> shell.timeRange().zone(),
                shell.timeRange().utcProperty()));
        tracesController = new TracesController(model, env.strings(), UiWiring::browse);
        return tracesController;
    }

    /** The traces screen's controller once the screen was shown (screenshots drive it), else null. */
    TracesController tracesControllerIfLoaded() {
        return tracesController;
    }

    /** Opens a web page in the desktop's browser, off the FX thread (it can block). */
    private static void browse(String url) {
        Thread t = new Thread(() -> {
            try {
                if (java.awt.Desktop.isDesktopSupported()) {
                    java.awt.Desktop.getDesktop().browse(java.net.URI.create(url));
                } else {
                    new ProcessBuilder("xdg-open", url).start();
                }
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(UiWiring.class).warn("cannot open {}", url, e);
            }
        }, "browse");
        t.setDaemon(true);
        t.start();
    }

    public Session session() {
        return session;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public ErrorReporter errors() {
        return errors;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public ResourceBundle strings() {
        return env.strings();
    }

    /** Loads the shell (FX thread). */
    public ViewLoader.Loaded<ShellController> loadShell() {
        return loader.load(FxmlView.SHELL);
    }

    private Parent loadScreen(Screen screen) {
        return loader.load(screen.view()).root();
    }
}
