package dev.tracedesk.app;

import dev.tracedesk.aws.RecentConnections;
import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.aws.SignIn;
import dev.tracedesk.explore.LocalSandbox;
import dev.tracedesk.explore.load.RunResult;
import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.access.MfaPrompt;
import dev.tracedesk.explore.access.Problem;
import dev.tracedesk.explore.access.Problems;
import dev.tracedesk.explore.access.SignInService;
import dev.tracedesk.explore.map.ServiceMapService;
import dev.tracedesk.explore.sampling.SamplingRulesService;
import dev.tracedesk.explore.traces.SessionBackend;
import dev.tracedesk.explore.analytics.AnalyticsService;
import dev.tracedesk.explore.traces.TraceSummaryLoader;
import dev.tracedesk.explore.traces.TracesBackend;
import dev.tracedesk.ui.analytics.AnalyticsController;
import dev.tracedesk.ui.analytics.AnalyticsViewModel;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.BrowserOpener;
import dev.tracedesk.ui.common.ControllerFactory;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.FxmlView;
import dev.tracedesk.ui.common.TaskMonitor;
import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.common.Ticker;
import dev.tracedesk.ui.common.TimeWindow;
import dev.tracedesk.ui.common.ViewLoader;
import dev.tracedesk.ui.map.MapContext;
import dev.tracedesk.ui.map.ServiceMapController;
import dev.tracedesk.ui.map.ServiceMapViewModel;
import dev.tracedesk.ui.sampling.SamplingController;
import dev.tracedesk.ui.sampling.SamplingViewModel;
import dev.tracedesk.ui.shell.ConnectionInfo;
import dev.tracedesk.ui.shell.SandboxStatus;
import dev.tracedesk.ui.shell.Screen;
import dev.tracedesk.explore.map.ServiceMap;
import dev.tracedesk.explore.map.ServiceMapSource;
import dev.tracedesk.explore.traces.ColdStartLookup;
import dev.tracedesk.explore.traces.WindowVocabulary;
import dev.tracedesk.ui.shell.ShellController;
import dev.tracedesk.ui.shell.ShellViewModel;
import dev.tracedesk.ui.signin.MfaDialog;
import dev.tracedesk.ui.signin.SignInController;
import dev.tracedesk.ui.signin.SignInViewModel;
import dev.tracedesk.ui.stack.LoadTestsViewModel;
import dev.tracedesk.ui.stack.StackController;
import dev.tracedesk.ui.stack.StackViewModel;
import dev.tracedesk.ui.stack.DeployViewModel;
import dev.tracedesk.ui.stack.TracingCost;
import dev.tracedesk.ui.stack.TracingViewModel;
import dev.tracedesk.ui.trace.TraceController;
import dev.tracedesk.ui.trace.TraceViewModel;
import dev.tracedesk.ui.traces.TracesController;
import dev.tracedesk.ui.traces.TracesViewModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The object graph of one main window, wired by hand: every controller an FXML file names is registered here with
 * the constructor call that builds it. Adding a screen means adding one line to {@link #controllers()}.
 */
public final class UiWiring {

    /** What the window needs from outside: time, timers, the OS theme, the connection, and where work runs. */
    public record Environment(ResourceBundle strings, Clock clock, Ticker ticker, Theme systemTheme,
            ConnectionInfo connection, Executor worker, Executor ui) {
    }

    /**
     * What the window connects with: the AWS configuration (through {@link SignIn}), the local sandbox, the
     * directory of the recent-connections file, the browser (for the SSO sign-in page) and the MFA prompt (null: the
     * window's own dialog).
     */
    public record Connections(SignIn signIn, LocalSandbox sandbox, Path configDir, BrowserOpener browser,
            MfaPrompt mfa) {
    }

    private final Environment env;
    private final TaskMonitor monitor = new TaskMonitor();
    private final ErrorReporter errors;
    private final BackgroundTasks tasks;
    private final ShellViewModel shell;
    /** Service names and annotation keys seen in the window: the filter field completes with them. */
    private final WindowVocabulary vocabulary = new WindowVocabulary();
    /** Cold-start answers per connection, kept across reloads of the traces list. */
    private final ColdStartLookup coldStartLookup = new ColdStartLookup();
    private final Session session;
    private final SandboxStatus sandboxStatus;
    private final SignInViewModel signIn;
    private final ViewLoader loader;
    private TracesController tracesController;
    private final TraceSummaryLoader summaryLoader = new TraceSummaryLoader();
    private AnalyticsController analytics;
    private final BrowserOpener browser;
    private Parent shellRoot;
    private boolean openingForProblem;
    /** The banner's "Sign in again" button: the sign-in dialog, signing in again with the connection's profile. */
    private final ErrorReporter.Action signInAgain;

    public UiWiring(Environment env, Connections connections) {
        // The default connection until start-up (or the user) connects: the sandbox on its usual port.
        this(env, connections, new Session(SandboxConnection.onLocalPort(AppSandbox.DEFAULT_PORT)));
    }

    /** A window that starts on {@code session} (tests and screenshots point it at their own sandbox). */
    public UiWiring(Environment env, Connections connections, Session session) {
        this.env = env;
        this.session = session;
        this.browser = connections.browser();
        this.signInAgain = new ErrorReporter.Action(env.strings().getString("error.signInAgain"), this::signInAgain);
        this.localSandbox = connections.sandbox();
        this.errors = new ErrorReporter(env.clock());
        this.tasks = new BackgroundTasks(env.worker(), env.ui(), monitor, errors);
        this.shell = new ShellViewModel(env.strings(), env.clock(), env.ticker(), env::systemTheme,
                env.connection(), monitor, errors);
        shell.filterEditor().setVocabulary(vocabulary);
        this.sandboxStatus = new SandboxStatus(connections.sandbox(), env.worker(), env.ui(), env.ticker(),
                env.strings());
        MfaPrompt mfa = connections.mfa() != null ? connections.mfa()
                : new MfaDialog(env.strings(), this::window);
        this.signIn = new SignInViewModel(new SignInService(connections.signIn(),
                new RecentConnections(connections.configDir())), connections.sandbox(), session, tasks, env.ui(),
                connections.browser(), mfa, env.strings(), signedIn -> {
                    shell.connectionChanged(signedIn.label());
                    sandboxStatus.watch(signedIn.sandboxPort());
                    if (signedIn.sandboxPort().isPresent() && stackOptions.firstStartSmoke()) {
                        firstStart().connectedToSandbox();
                    }
                    if (signedIn.fromDialog()) {
                        shell.closeSignIn();
                    }
                });
        wireSignIn();
        tasks.watchFailures(this::sessionExpired);
        this.loader = new ViewLoader(controllers(), env.strings());
    }

    private void wireSignIn() {
        // A failed sign-in (also one started from the command line) always shows in the dialog.
        signIn.errorProperty().addListener((obs, old, error) -> {
            if (!error.isEmpty() && !shell.isSignInOpen()) {
                openingForProblem = true;
                try {
                    shell.openSignIn();
                } finally {
                    openingForProblem = false;
                }
            }
        });
        shell.signInOpenProperty().addListener((obs, was, open) -> {
            if (open && !openingForProblem && !signIn.isBusy()) {
                // On an AWS connection its profile is preselected; on the sandbox the most recent connection.
                signIn.reload(Optional.of(session.connection()).filter(c -> !c.isSandbox()).map(c -> c.name()));
            }
        });
    }

    /**
     * A screen's request failed: when it failed because the connection's sign-in ran out (expired SSO token or
     * temporary credentials), the banner says so and offers "Sign in again". Returns whether it did.
     */
    private boolean sessionExpired(Throwable error) {
        if (session.connection().isSandbox()) {
            return false;
        }
        Problem problem = Problems.classify(error);
        if (!problem.isSessionExpired()) {
            return false;
        }
        errors.report(problem.userMessage(), error, signInAgain);
        return true;
    }

    private void signInAgain() {
        var connection = session.connection();
        if (connection.isSandbox()) {
            return;
        }
        openingForProblem = true; // the dialog shows this sign-in, not a fresh list
        try {
            shell.openSignIn();
        } finally {
            openingForProblem = false;
        }
        signIn.signInAgain(connection.name(),
                Optional.ofNullable(connection.region()).map(r -> r.id()));
    }

    private ControllerFactory controllers() {
        ResourceBundle strings = env.strings();
        return new ControllerFactory()
                .register(ShellController.class, () -> new ShellController(shell, this::loadScreen,
                        () -> loader.load(FxmlView.SIGN_IN).root(), sandboxStatus, strings))
                .register(SignInController.class, () -> new SignInController(signIn, shell::closeSignIn, strings))
                .register(ServiceMapController.class, () -> new ServiceMapController(new ServiceMapViewModel(strings,
                        seenOnTheMap(new ServiceMapService(session)), mapContext(), tasks), strings))
                .register(TracesController.class, this::tracesController)
                .register(TraceController.class, () -> new TraceController(new TraceViewModel(strings,
                        this::tracesBackend, tasks, env.clock()), strings))
                .register(AnalyticsController.class, this::analyticsController)
                .register(SamplingController.class, () -> new SamplingController(new SamplingViewModel(strings,
                        new SamplingRulesService(session, env.clock()), tasks, shell.refreshCountProperty()), strings))
                .register(StackController.class, this::stackController);
    }

    // ---- Stack screen (stackui) ----

    private StackOptions stackOptions = StackOptions.defaults();
    private StackController stackController;
    private final LocalSandbox localSandbox;
    private FirstStartSmoke firstStart;
    /** Runs made before the Stack screen was first shown (the first-start smoke run). */
    private final java.util.List<RunResult> earlyRuns = new java.util.ArrayList<>();

    private ShopLoadTests loadTests() {
        return new ShopLoadTests(session, new ConnectionShopLocator(new SandboxShopLocator(stackOptions.sandboxDataDir()),
                new DeployedShopLocator(dev.tracedesk.shop.ShopStackDefinition.DEFAULT_PREFIX)));
    }

    /** Once per window, when {@link StackOptions#firstStartSmoke()} says so. */
    private FirstStartSmoke firstStart() {
        if (firstStart == null) {
            firstStart = new FirstStartSmoke(localSandbox, loadTests(),
                    tasks, env.strings(), shell, run -> {
                        if (stackController != null) {
                            stackController.model().loadTests().addRun(run);
                        } else {
                            earlyRuns.add(run);
                        }
                    });
        }
        return firstStart;
    }


    /** Where the Stack screen finds the local shop, and whether a first start runs a smoke test (before loadShell). */
    public UiWiring stackOptions(StackOptions options) {
        this.stackOptions = java.util.Objects.requireNonNull(options);
        return this;
    }

    public StackOptions stackOptions() {
        return stackOptions;
    }

    private StackController stackController() {
        SessionStackControls controls = new SessionStackControls(session);
        TracingViewModel tracing = new TracingViewModel(env.strings(), controls, tasks);
        LoadTestsViewModel load = new LoadTestsViewModel(env.strings(), loadTests(), tasks, env.ui());
        StackViewModel[] self = new StackViewModel[1];
        DeployViewModel deploy = new DeployViewModel(env.strings(), new ShopStackDeployer(session::clients), tasks,
                env.ui(), () -> !session.connection().isSandbox(), () -> self[0].stackChanged());
        StackViewModel model = new StackViewModel(tracing, load,
                new TracingCost(env.strings(), controls, tasks, tracing, load), deploy);
        self[0] = model;
        // Another connection (the shell refreshes then), F5, auto-refresh: the screen reads the stack again.
        shell.refreshCountProperty().addListener((obs, old, now) -> model.activate());
        earlyRuns.forEach(model.loadTests()::addRun);
        earlyRuns.clear();
        stackController = new StackController(model, env.strings());
        return stackController;
    }

    /** The Stack screen's controller once the screen was shown (tests and screenshots drive it), else null. */
    public StackController stackControllerIfLoaded() {
        return stackController;
    }

    // ---- end of Stack screen (stackui) ----

    /**
     * Connects as the command line asked (FX thread, once the window shows): the named profile (a failure opens the
     * sign-in dialog with the reason), else the local sandbox, and on a first start with AWS profiles present the
     * sign-in dialog too.
     */
    public void connectAtStart(ConnectionInfo requested) {
        if (!requested.isSandbox()) {
            signIn.connectAtStart(Optional.of(requested.profile()), Optional.ofNullable(requested.region()));
            return;
        }
        signIn.connectAtStart(Optional.empty(), Optional.empty());
        if (signIn.hasAwsProfilesProperty().get() && signIn.entries().stream().noneMatch(SignInViewModel.Entry::recent)) {
            shell.openSignIn();
        }
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

    /** The map's node names feed the filter field's completion. */
    private ServiceMapSource seenOnTheMap(ServiceMapSource source) {
        return (query, progress) -> {
            vocabulary.reset(WindowVocabulary.MAP);
            ServiceMap map = source.fetch(query, progress);
            vocabulary.addMap(WindowVocabulary.MAP, map);
            return map;
        };
    }

    private TracesBackend tracesBackend() {
        return new SessionBackend(session);
    }

    private TracesController tracesController() {
        TracesViewModel model = new TracesViewModel(env.strings(), this::tracesBackend, summaryLoader, tasks, env.ui(),
                shell.windowProperty(), shell.filterProperty(), shell.refreshCountProperty());
        model.zoneProperty().bind(Bindings.createObjectBinding(() -> shell.timeRange().zone(),
                shell.timeRange().utcProperty()));
        model.useVocabulary(vocabulary);
        model.useColdStartLookup(coldStartLookup);
        tracesController = new TracesController(model, env.strings(), url -> browser.open(URI.create(url)));
        return tracesController;
    }

    /** The traces screen's controller once the screen was shown (screenshots drive it), else null. */
    TracesController tracesControllerIfLoaded() {
        return tracesController;
    }

    private AnalyticsController analyticsController() {
        AnalyticsViewModel model = new AnalyticsViewModel(env.strings(), new AnalyticsService(this::tracesBackend),
                tasks, shell.windowProperty(), shell.filterProperty(), shell.refreshCountProperty());
        model.setOnApplyFilter(filter -> {
            shell.filterProperty().set(filter);
            shell.selectScreen(Screen.TRACES);
            shell.refresh();
        });
        AnalyticsController controller = new AnalyticsController(model, env.strings());
        controller.setZone(shell.timeRange().zone());
        analytics = controller;
        shell.timeRange().utcProperty().addListener((obs, o, n) -> controller.setZone(shell.timeRange().zone()));
        return controller;
    }

    /** The analytics screen's controller once the screen has been loaded (screenshots brush it), else null. */
    public AnalyticsController analytics() {
        return analytics;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public SignInViewModel signIn() {
        return signIn;
    }

    public Session session() {
        return session;
    }

    public SandboxStatus sandboxStatus() {
        return sandboxStatus;
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
        ViewLoader.Loaded<ShellController> loaded = loader.load(FxmlView.SHELL);
        shellRoot = loaded.root();
        return loaded;
    }

    /** Stops timers, cancels a running sign-in and closes the session's clients (window closing). */
    public void dispose() {
        signIn.cancel();
        sandboxStatus.dispose();
        shell.dispose();
        session.close();
    }

    private Window window() {
        Scene scene = shellRoot == null ? null : shellRoot.getScene();
        return scene == null ? null : scene.getWindow();
    }

    private Parent loadScreen(Screen screen) {
        return loader.load(screen.view()).root();
    }
}
