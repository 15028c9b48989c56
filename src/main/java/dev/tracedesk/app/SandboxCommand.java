package dev.tracedesk.app;

import dev.tracedesk.sandbox.PortInUseException;
import dev.tracedesk.sandbox.Sandbox;
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

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            System.err.println("sandbox: --port must be between 0 and 65535, got " + port);
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
        System.out.println("sandbox listening on " + sandbox.host() + ":" + sandbox.port());
        System.out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sandbox.flush(Duration.ofSeconds(10));
        sandbox.close();
        System.out.println("sandbox stopped");
        return 0;
    }
}
