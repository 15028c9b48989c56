package dev.tracedesk.app;

import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.SandboxFixture;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.map.ShopFeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import javafx.scene.Scene;
import javafx.stage.Stage;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * A window on a sandbox of its own fed with the shop traces of {@link ShopFeed} (shifted to end a minute ago), for
 * the flow tests that read them. Close it after each test.
 */
final class FedWindow implements AutoCloseable {
    final Path dir;
    final Sandbox sandbox;
    final XRayClient xray;
    final UiWiring wiring;
    /** The seconds ShopFeed's timestamps were shifted by. */
    final long shift;
    private final ExecutorService worker;

    private FedWindow(Path dir, Sandbox sandbox, XRayClient xray, long shift, ExecutorService worker, UiWiring wiring) {
        this.dir = dir;
        this.sandbox = sandbox;
        this.xray = xray;
        this.shift = shift;
        this.worker = worker;
        this.wiring = wiring;
    }

    static FedWindow open(Stage stage, String name) throws Exception {
        Path dir = Files.createTempDirectory(name);
        Sandbox sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        XRayClient xray = SandboxFixture.client(sandbox.port());
        long shift = ShopFeed.shift(Instant.now().getEpochSecond(), 60);
        ShopFeed.put(xray, shift);
        sandbox.flush(Duration.ofSeconds(10));
        ExecutorService worker = BackgroundTasks.newWorkerPool(2);
        UiWiring wiring = TestWiring.onSandbox(worker, sandbox.port());
        stage.setScene(new Scene(wiring.loadShell().root(), 1280, 800));
        stage.show();
        return new FedWindow(dir, sandbox, xray, shift, worker, wiring);
    }

    @Override
    public void close() {
        worker.shutdownNow();
        wiring.session().close();
        xray.close();
        sandbox.close();
    }
}
