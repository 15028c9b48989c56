package dev.tracedesk.app;

import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.stack.ShopStack;
import dev.tracedesk.ui.common.BackgroundTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A window on a sandbox of its own with the shop stack running (fast async retries), for the flow tests that drive
 * the shop from the app. Close it after each test.
 */
final class ShopWindow implements AutoCloseable {
    final Path dir;
    final Sandbox sandbox;
    final ShopStack shop;
    final UiWiring wiring;
    private final ExecutorService worker;

    private ShopWindow(Path dir, Sandbox sandbox, ShopStack shop, ExecutorService worker, UiWiring wiring) {
        this.dir = dir;
        this.sandbox = sandbox;
        this.shop = shop;
        this.worker = worker;
        this.wiring = wiring;
    }

    static ShopWindow open(Stage stage, String name) throws Exception {
        Path dir = Files.createTempDirectory(name);
        Sandbox sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        ShopStack shop = ShopStack.start(sandbox, ShopStack.Options.defaults()
                .asyncRetryDelays(List.of(Duration.ofMillis(20), Duration.ofMillis(40))));
        ExecutorService worker = BackgroundTasks.newWorkerPool(2);
        UiWiring wiring = TestWiring.onSandbox(worker, sandbox.port()).stackOptions(new StackOptions(dir, false));
        stage.setScene(new Scene(wiring.loadShell().root(), 1280, 800));
        stage.show();
        return new ShopWindow(dir, sandbox, shop, worker, wiring);
    }

    @Override
    public void close() {
        worker.shutdownNow();
        wiring.session().close();
        shop.close();
        sandbox.close();
    }
}
