package dev.tracedesk.ui.traces;

import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.traces.SessionBackend;
import dev.tracedesk.explore.traces.TraceSummaryLoader;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.ControllerFactory;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.FxmlView;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import dev.tracedesk.ui.common.TimeWindow;
import dev.tracedesk.ui.common.ViewLoader;
import dev.tracedesk.ui.trace.TraceController;
import dev.tracedesk.ui.trace.TraceViewModel;
import dev.tracedesk.xray.ShopTraffic;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Parent;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * A sandbox on a free port fed with the re-timed shop traces, and the Traces screen (with its trace page) built
 * alone on a session pointed at it. Shared by the TestFX flow and the screenshots test.
 */
public final class TracesScreenFixture implements AutoCloseable {
    public static final int GAP_SECONDS = 20;

    public final Sandbox sandbox;
    public final Instant end;
    public final Session session;
    public final ExecutorService worker = BackgroundTasks.newWorkerPool(2);
    public final SimpleObjectProperty<TimeWindow> window = new SimpleObjectProperty<>();
    public final SimpleStringProperty filter = new SimpleStringProperty("");
    public final SimpleLongProperty refresh = new SimpleLongProperty();

    public TracesScreenFixture(Path dir) throws IOException {
        sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        end = Instant.now().minusSeconds(5);
        session = new Session(SandboxConnection.onLocalPort(sandbox.port()));
        List<String> docs = ShopTraffic.documents(end, GAP_SECONDS);
        XRayClient xray = session.clients().xray();
        for (int i = 0; i < docs.size(); i += 50) {
            int from = i;
            var r = xray.putTraceSegments(b -> b.traceSegmentDocuments(docs.subList(from, Math.min(docs.size(), from + 50))));
            if (!r.unprocessedTraceSegments().isEmpty()) {
                throw new IllegalStateException("sandbox refused shop documents: " + r.unprocessedTraceSegments());
            }
        }
        sandbox.flush(Duration.ofSeconds(10));
        window.set(new TimeWindow(end.minus(Duration.ofMinutes(15)), end.plusSeconds(60)));
    }

    /** Loads the screen (FX thread). */
    public ViewLoader.Loaded<TracesController> load() {
        ResourceBundle strings = Strings.bundle();
        ErrorReporter errors = new ErrorReporter(Clock.systemUTC());
        BackgroundTasks tasks = BackgroundTasks.onFxThread(worker, new TaskMonitor(), errors);
        TraceSummaryLoader loader = new TraceSummaryLoader();
        ControllerFactory controllers = new ControllerFactory()
                .register(TracesController.class, () -> new TracesController(new TracesViewModel(strings,
                        () -> new SessionBackend(session), loader, tasks, Platform::runLater, window, filter, refresh),
                        strings, url -> { }))
                .register(TraceController.class, () -> new TraceController(new TraceViewModel(strings,
                        () -> new SessionBackend(session), tasks, Clock.systemUTC()), strings));
        return new ViewLoader(controllers, strings).load(FxmlView.TRACES);
    }

    public static Parent root(ViewLoader.Loaded<?> loaded) {
        return loaded.root();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        session.close();
        sandbox.close();
    }
}
