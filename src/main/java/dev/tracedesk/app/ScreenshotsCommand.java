package dev.tracedesk.app;

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
import dev.tracedesk.ui.map.ServiceMapViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
        ExecutorService worker = BackgroundTasks.newWorkerPool(1);
        // An in-process sandbox on a free port with shop-shaped traffic of the last 12 minutes, so screens show data.
        // The sign-in dialog lists the profiles of a demo AWS configuration in a temporary home, never the user's.
        Path data = Files.createTempDirectory("tracedesk-screenshots");
        try (Sandbox sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(data.resolve("sandbox")))) {
            ShopSampleTraffic.feed(sandbox, new ShopSampleTraffic(7).traces(120, 12, Instant.now()));
            DemoAwsConfig.write(data, data.resolve("config"));
            UiWiring.Connections connections = new UiWiring.Connections(
                    new SignIn(new AwsEnvironment(Map.of(), data)), new AppSandbox(data.resolve("app-sandbox")),
                    data.resolve("config"), uri -> { }, (profile, serial) -> Optional.empty());
            Session session = new Session(SandboxConnection.onLocalPort(sandbox.port()));
            SamplingScreenshotData.seed(session.clients().xray());
            ScreenshotRenderer renderer = onFx(() -> new ScreenshotRenderer(new UiWiring(new UiWiring.Environment(
                    Strings.bundle(), Clock.systemDefaultZone(), new FxTicker(), Theme.LIGHT,
                    ConnectionInfo.localSandbox(), worker, Platform::runLater), connections, session)));
            onFx(renderer::prepare);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!onFx(renderer::mapSettled) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            while (!onFx(() -> SamplingScreenshotData.prepare(renderer.wiring().shell(), renderer.prepare()))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            onFx(() -> {
                renderer.wiring().shell().selectScreen(Screen.values()[0]);
                return null;
            });
            onFx(() -> selectDecrypt(renderer.mapModel()));
            List<Path> files = onFx(() -> renderer.renderAll(out));
            session.close();
            spec.commandLine().getOut().printf("wrote %d screenshots to %s%n", files.size(), out.toAbsolutePath());
            return 0;
        } finally {
            worker.shutdownNow();
            Platform.exit();
            deleteQuietly(data);
        }
    }

    /** The map screenshot shows the side panel: the decrypt function selected, its slower half brushed. */
    private static Object selectDecrypt(ServiceMapViewModel model) {
        if (model == null || model.renderedProperty().get() == null) {
            return null;
        }
        int node = model.renderedProperty().get().map().indexOf(ShopSampleTraffic.DECRYPT, "AWS::Lambda::Function");
        if (node >= 0) {
            model.selectNode(node);
            double median = model.detailsProperty().get().p50();
            model.brushProperty().set(new ServiceMapViewModel.LatencyRange(median, Double.NaN));
        }
        return null;
    }

    private interface FxCall<T> {
        T call() throws Exception;
    }

    private static <T> T onFx(FxCall<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temp directory left behind is harmless
        }
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
