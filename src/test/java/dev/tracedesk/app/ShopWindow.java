package dev.tracedesk.app;

import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.stack.ShopStack;
import dev.tracedesk.ui.common.BackgroundTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window on a sandbox of its own with the shop stack running (fast async retries), for the flow tests that drive
 * the shop from the app, and the few robot steps they share. Close it after each test.
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

    static void fill(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Waits (30 s at most) for a condition the window reaches off the FX thread, then for the FX queue. */
    static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
