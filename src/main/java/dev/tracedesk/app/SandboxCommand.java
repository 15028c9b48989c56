package dev.tracedesk.app;

import dev.tracedesk.sandbox.PortInUseException;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.stack.ShopStack;
import dev.tracedesk.shop.ShopStackDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/** {@code tracedesk sandbox}: the headless local X-Ray, like the X-Ray daemon on one port for UDP and TCP. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the local X-Ray: UDP segments and the X-Ray API (TCP) on one port.")
public final class SandboxCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "2000", description = "UDP and TCP port (0 = any free port; default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data", description = "data directory (default ${XDG_DATA_HOME:-~/.local/share}/tracedesk/sandbox)")
    Path data;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--no-shop", description = "do not create the local shop stack (API stage, functions, topics, table)")
    boolean noShop;

    @Option(names = "--shop-port", defaultValue = "0", description = "port of the shop's API stage (default: a free port; the URL is printed)")
    int shopPort;

    @Option(names = "--shop-tracing", defaultValue = "on", description = "on: stage tracing and Active functions; off: no stage tracing, PassThrough (default ${DEFAULT-VALUE})")
    String shopTracing;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            System.err.println("sandbox: --port must be between 0 and 65535, got " + port);
            return 2;
        }
        if (!shopTracing.equals("on") && !shopTracing.equals("off")) {
            System.err.println("sandbox: --shop-tracing must be on or off, got " + shopTracing);
            return 2;
        }
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(port, data != null ? data : AppPaths.fromSystem().dataDir().resolve("sandbox"), bind);
        } catch (PortInUseException e) {
            System.err.println("sandbox: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("sandbox: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        // Handle SIGINT/SIGTERM ourselves so that a signal means "flush and exit 0", not the JVM's 130/143.
        for (String sig : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(sig), s -> stop.countDown());
            } catch (IllegalArgumentException unsupported) {
                // platform without this signal
            }
        }
        ShopStack shop = null;
        if (!noShop) {
            try {
                shop = ShopStack.start(sandbox, ShopStack.Options.defaults().stagePort(shopPort).tracing(shopTracing.equals("on")));
            } catch (Exception e) {
                System.err.println("sandbox: cannot start the shop stack: " + e.getMessage());
                sandbox.close();
                return 1;
            }
        }
        System.out.println("sandbox listening on " + sandbox.host() + ":" + sandbox.port());
        if (shop != null) {
            System.out.println("shop stack: POST " + shop.invokeUrl() + ShopStackDefinition.RESOURCE
                    + " (unit-test route " + ShopStackDefinition.UNITTEST_RESOURCE + ")");
        }
        System.out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shop != null) shop.close();
        sandbox.flush(Duration.ofSeconds(10));
        sandbox.close();
        System.out.println("sandbox stopped");
        return 0;
    }
}
