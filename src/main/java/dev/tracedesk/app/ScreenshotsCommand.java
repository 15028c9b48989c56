package dev.tracedesk.app;

import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.FxTicker;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.shell.ConnectionInfo;
import dev.tracedesk.aws.AwsEnvironment;
import dev.tracedesk.aws.SignIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
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
        Path demoHome = Files.createTempDirectory("tracedesk-screenshots-");
        try {
            DemoAwsConfig.write(demoHome, demoHome.resolve("config"));
            UiWiring.Connections connections = new UiWiring.Connections(
                    new SignIn(new AwsEnvironment(Map.of(), demoHome)),
                    new AppSandbox(demoHome.resolve("sandbox")), demoHome.resolve("config"),
                    uri -> { }, (profile, serial) -> Optional.empty());
            CompletableFuture<List<Path>> written = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    UiWiring wiring = new UiWiring(new UiWiring.Environment(Strings.bundle(), Clock.systemDefaultZone(),
                            new FxTicker(), Theme.LIGHT, ConnectionInfo.localSandbox(), worker, Platform::runLater),
                            connections);
                    written.complete(new ScreenshotRenderer(wiring).renderAll(out));
                } catch (Throwable t) {
                    written.completeExceptionally(t);
                }
            });
            List<Path> files = written.get(5, TimeUnit.MINUTES);
            spec.commandLine().getOut().printf("wrote %d screenshots to %s%n", files.size(), out.toAbsolutePath());
            return 0;
        } finally {
            worker.shutdownNow();
            Platform.exit();
            deleteTree(demoHome);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
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
