package dev.tracedesk.app;

import dev.tracedesk.ui.trace.TraceController;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.FxTicker;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.shell.ConnectionInfo;
import dev.tracedesk.ui.shell.Screen;
import dev.tracedesk.aws.AwsEnvironment;
import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.aws.SignIn;
import dev.tracedesk.explore.Session;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.stack.ShopStack;
import dev.tracedesk.ui.shell.Screen;
import dev.tracedesk.ui.map.ServiceMapViewModel;
import dev.tracedesk.ui.traces.TracesController;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tracedesk screenshots --out DIR}: every screen, light and dark, rendered headless to PNG. */
@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = "Render every screen headless (no display needed) to DIR/<screen>-<light|dark>.png at 1440x900.")
public final class ScreenshotsCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the PNG files (created if missing).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        useHeadlessToolkit();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        ExecutorService worker = BackgroundTasks.newWorkerPool(2);
        Path data = Files.createTempDirectory("tracedesk-screenshots");
        // The screens show sandbox data: an in-process sandbox on a free port, fed with shop-shaped traffic.
        // The sign-in dialog lists the profiles of a demo AWS configuration in a temporary home, never the user's.
        try (Sandbox sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(data.resolve("sandbox")));
             Session session = new Session(SandboxConnection.onLocalPort(sandbox.port()))) {
            ScreenshotTraffic.Traffic traffic = ScreenshotTraffic.generate(Instant.now().minusSeconds(20), 160);
            List<String> docs = traffic.documents();
            for (int i = 0; i < docs.size(); i += 50) {
                List<String> batch = docs.subList(i, Math.min(docs.size(), i + 50));
                session.clients().xray().putTraceSegments(b -> b.traceSegmentDocuments(batch));
            }
            sandbox.flush(Duration.ofSeconds(10));
            List<Path> files = new ArrayList<>();
            DemoAwsConfig.write(data, data.resolve("config"));
            UiWiring.Connections connections = new UiWiring.Connections(
                    new SignIn(new AwsEnvironment(Map.of(), data)), new AppSandbox(data.resolve("app-sandbox")),
                    data.resolve("config"), uri -> { }, (profile, serial) -> Optional.empty());
            SamplingScreenshotData.seed(session.clients().xray());
            UiWiring wiring = fx(() -> new UiWiring(new UiWiring.Environment(Strings.bundle(), Clock.systemDefaultZone(),
                    new FxTicker(), Theme.LIGHT, ConnectionInfo.localSandbox(), worker, Platform::runLater),
                    connections, session));
            // ---- Stack screen (stackui): the shop stack runs in this sandbox, so the screen has something to show
            ShopStack shop = ShopStack.start(sandbox, ShopStack.Options.defaults());
            fx(() -> wiring.stackOptions(new StackOptions(data.resolve("sandbox"), false)));
            // ---- end of Stack screen (stackui)
            ScreenshotRenderer renderer = fx(() -> new ScreenshotRenderer(wiring));
            fx(() -> renderer.prepare());
            // let the traces screen load before the screens are drawn
            fx(() -> {
                wiring.shell().selectScreen(Screen.TRACES);
                return null;
            });
            await(() -> wiring.tracesControllerIfLoaded() != null
                    && !wiring.tracesControllerIfLoaded().model().loadingProperty().get()
                    && wiring.tracesControllerIfLoaded().model().getStatus().contains("match"));
            await(() -> SamplingScreenshotData.prepare(wiring.shell(), renderer.prepare()));
            // ---- Stack screen (stackui): loaded once, so its switches are read before the screens are drawn
            fx(() -> {
                wiring.shell().selectScreen(Screen.STACK);
                return null;
            });
            await(() -> StackScreenshots.switchesRead(wiring));
            // ---- end of Stack screen (stackui)
            fx(() -> {
                wiring.shell().selectScreen(Screen.values()[0]);
                return null;
            });
            await(renderer::mapSettled);
            fx(() -> selectDecrypt(renderer.mapModel()));
            fx(renderer::loadAnalytics);
            await(renderer::analyticsSettled);
            fx(() -> renderer.brushAnalytics(0.4)); // the seed's step: from about 400 ms to the maximum
            files.addAll(fx(() -> renderer.renderAll(out)));
            // ---- the trace page: real orders through the shop stack, the first one cold in every function
            String coldTrace = ShopScreenshotTrace.sendOrders(shop, 3);
            String updateFn = shop.definition().updateDbFunction();
            ShopScreenshotTrace.awaitComplete(session.clients().xray(), coldTrace, updateFn, Duration.ofSeconds(60));
            sandbox.flush(Duration.ofSeconds(10));
            TracesController traces = wiring.tracesControllerIfLoaded();
            fx(() -> {
                wiring.shell().selectScreen(Screen.TRACES);
                return traces.model().openTraceId(coldTrace);
            });
            TraceController page = (TraceController) traces.trace();
            await(() -> page.timeline().getModel() != null && page.model().graphProperty().get() != null);
            fx(() -> {
                var timeline = page.timeline();
                int row = timeline.getModel().rowNamed("Initialization");
                timeline.select(timeline.getModel().parent(row));
                return null;
            });
            files.addAll(fx(() -> renderer.renderCurrent(out, "trace-cold-start")));
            fx(() -> {
                page.timeline().select(page.timeline().getModel().rowNamed("DynamoDB"));
                page.showResources();
                return null;
            });
            files.addAll(fx(() -> renderer.renderCurrent(out, "trace-dynamodb")));
            // The accept function: its cold start's START/END/REPORT lines come first in the trace's logs.
            String acceptFn = shop.definition().acceptFunction();
            fx(() -> {
                page.timeline().select(ShopScreenshotTrace.functionRow(page.timeline().getModel(), acceptFn));
                page.showLogs();
                return null;
            });
            await(() -> !page.model().logsLoadingProperty().get() && !page.model().logLines().isEmpty());
            files.addAll(fx(() -> renderer.renderCurrent(out, "trace-logs")));
            // ---- Stack screen (stackui): "what does tracing cost" run for real, then the runs side by side
            fx(() -> StackScreenshots.startTracingCost(wiring));
            await(() -> StackScreenshots.tracingCostDone(wiring), 300);
            files.addAll(fx(() -> renderer.renderCurrent(out, "stack-load-tests")));
            fx(() -> StackScreenshots.showDeploy(wiring));
            await(() -> StackScreenshots.deployRead(wiring));
            files.addAll(fx(() -> renderer.renderCurrent(out, "stack-deploy")));
            shop.close();
            // ---- end of Stack screen (stackui)
            fx(() -> renderer.dispose());
            spec.commandLine().getOut().printf("wrote %d screenshots to %s%n", files.size(), out.toAbsolutePath());
            return 0;
        } finally {
            worker.shutdownNow();
            Platform.exit();
        }
    }

    /** The map screenshot shows the side panel: the decrypt function selected, its slower half brushed. */
    private static Object selectDecrypt(ServiceMapViewModel model) {
        if (model == null || model.renderedProperty().get() == null) {
            return null;
        }
        int node = model.renderedProperty().get().map().indexOf("AMIS_shop_decrypt", "AWS::Lambda::Function");
        if (node >= 0) {
            model.selectNode(node);
            double median = model.detailsProperty().get().p50();
            model.brushProperty().set(new ServiceMapViewModel.LatencyRange(median, Double.NaN));
        }
        return null;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }

    /** Polls (from this thread, letting the FX thread run) until the condition holds on the FX thread. */
    private static void await(Callable<Boolean> condition) throws Exception {
        await(condition, 60);
    }

    private static void await(Callable<Boolean> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the screen did not finish loading within " + seconds + " s");
            }
            Thread.sleep(100);
        }
        Thread.sleep(300); // one more pulse or two for repaints
    }

    /** Monocle's headless glass and the software renderer; must be set before the toolkit starts. */
    static void useHeadlessToolkit() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", ScreenshotRenderer.WIDTH + "x" + ScreenshotRenderer.HEIGHT + "-32");
    }
}
