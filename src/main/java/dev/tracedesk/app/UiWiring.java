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
import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.map.ServiceMapService;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.ui.common.TimeWindow;
import dev.tracedesk.ui.map.MapContext;
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
import java.time.Clock;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableStringValue;
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

    /** A window on the local sandbox at its default port (until sign-in hands over a session). */
    public UiWiring(Environment env) {
        this(env, new Session(SandboxConnection.onLocalPort(Sandbox.DEFAULT_PORT)));
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
                .register(ServiceMapController.class, () -> new ServiceMapController(new ServiceMapViewModel(strings,
                        new ServiceMapService(session), mapContext(), tasks), strings))
                .register(TracesController.class, () -> new TracesController(new TracesViewModel(strings)))
                .register(AnalyticsController.class, () -> new AnalyticsController(new AnalyticsViewModel(strings)))
                .register(SamplingController.class, () -> new SamplingController(new SamplingViewModel(strings)))
                .register(StackController.class, () -> new StackController(new StackViewModel(strings)));
    }

    /** The map's view of the shell: its window, filter and refreshes, and the way to the Traces screen. */
    private MapContext mapContext() {
        return new MapContext() {
            @Override
            public ReadOnlyObjectProperty<TimeWindow> windowProperty() {
                return shell.windowProperty();
            }

            @Override
            public ReadOnlyLongProperty refreshCountProperty() {
                return shell.refreshCountProperty();
            }

            @Override
            public ObservableStringValue filterProperty() {
                return shell.filterProperty();
            }

            @Override
            public boolean isSandbox() {
                return session.connection() instanceof SandboxConnection;
            }

            @Override
            public void showTraces(String filterExpression, TimeWindow window) {
                // The Traces screen reads the shell's filter and window; the map's window is the shell's last one.
                shell.filterProperty().set(filterExpression);
                shell.selectScreen(Screen.TRACES);
                shell.refresh();
            }
        };
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
