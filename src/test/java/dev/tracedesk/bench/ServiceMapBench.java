package dev.tracedesk.bench;

import dev.tracedesk.explore.map.GeneratedMaps;
import dev.tracedesk.explore.map.MapLayout;
import dev.tracedesk.explore.map.ServiceMap;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import dev.tracedesk.ui.common.TimeWindow;
import dev.tracedesk.ui.map.MapContext;
import dev.tracedesk.ui.map.ServiceMapCanvas;
import dev.tracedesk.ui.map.ServiceMapViewModel;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The service map for big accounts: from a fetched map of N generated nodes to pixels. {@code layout} is ELK alone
 * (worker thread); {@code layoutAndFirstRender} is what the user waits for: a fresh ViewModel loads the map (layout on
 * a worker, as in the app), then the screen's canvas (1440x900, fitted) paints and is snapshotted on the FX thread
 * (headless Monocle, software pipeline). Run: {@code scripts/bench jmh ServiceMapBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
        "-Djava.awt.headless=true"})
public class ServiceMapBench {

    @Param({"50", "500", "2000"})
    int nodes;

    private ServiceMap map;
    private ExecutorService worker;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        map = GeneratedMaps.generate(nodes, 42);
        worker = BackgroundTasks.newWorkerPool(1);
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException already) {
            started.complete(null);
        }
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        worker.shutdownNow();
    }

    @Benchmark
    public MapLayout.Result layout() {
        return MapLayout.layout(map);
    }

    @Benchmark
    public WritableImage layoutAndFirstRender() throws Exception {
        CompletableFuture<WritableImage> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            BackgroundTasks tasks = BackgroundTasks.onFxThread(worker, new TaskMonitor(),
                    new ErrorReporter(Clock.systemUTC()));
            ServiceMapViewModel model = new ServiceMapViewModel(Strings.bundle(), (q, p) -> map,
                    new FixedContext(new TimeWindow(map.from(), map.to())), tasks);
            ServiceMapCanvas canvas = new ServiceMapCanvas(model);
            Scene scene = new Scene(new StackPane(canvas), 1440, 900);
            model.renderedProperty().addListener((obs, old, r) -> {
                try {
                    canvas.paintImmediately();
                    done.complete(scene.snapshot(null));
                } catch (Throwable t) {
                    done.completeExceptionally(t);
                }
            });
            model.reload();
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    private static final class FixedContext implements MapContext {
        private final ReadOnlyObjectWrapper<TimeWindow> window;
        private final ReadOnlyLongWrapper refresh = new ReadOnlyLongWrapper();

        FixedContext(TimeWindow w) {
            window = new ReadOnlyObjectWrapper<>(w);
        }

        @Override
        public ReadOnlyObjectProperty<TimeWindow> windowProperty() {
            return window.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyLongProperty refreshCountProperty() {
            return refresh.getReadOnlyProperty();
        }

        @Override
        public ObservableStringValue filterProperty() {
            return new SimpleStringProperty("");
        }

        @Override
        public boolean isSandbox() {
            return true;
        }

        @Override
        public void showTraces(String filterExpression, TimeWindow w) {
        }
    }
}
