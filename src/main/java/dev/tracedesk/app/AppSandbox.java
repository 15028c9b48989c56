package dev.tracedesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.explore.LocalSandbox;
import dev.tracedesk.explore.SandboxStats;
import dev.tracedesk.sandbox.PortInUseException;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.stack.ShopStack;
import dev.tracedesk.shop.ShopStackDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GUI's "Local sandbox" through the sandbox facade: attaches to a sandbox already serving on port 2000 (found by
 * a GET of its stats path), else starts one in this process on 2000, or on a free port when 2000 is taken by
 * something else. A sandbox started here stops with the app; an attached one is left alone. Thread-safe.
 */
public final class AppSandbox implements LocalSandbox, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppSandbox.class);
    public static final int DEFAULT_PORT = Sandbox.DEFAULT_PORT;
    static final String STATS_PATH = "/sandbox/stats";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Path dataDir;
    private final int preferredPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private Sandbox owned;
    private ShopStack shop;
    private int attachedPort;

    public AppSandbox(Path dataDir) {
        this(dataDir, DEFAULT_PORT);
    }

    /** @param preferredPort the port to attach to or start on (2000; tests use a free one) */
    AppSandbox(Path dataDir, int preferredPort) {
        this.dataDir = dataDir;
        this.preferredPort = preferredPort;
    }

    @Override
    public synchronized int ensureRunning() throws IOException {
        if (owned != null) {
            return owned.port();
        }
        if (attachedPort > 0 && probe(attachedPort).isPresent()) {
            return attachedPort;
        }
        attachedPort = 0;
        if (probe(preferredPort).isPresent()) {
            attachedPort = preferredPort;
            LOG.info("Attached to the sandbox already running on port {}", preferredPort);
            return attachedPort;
        }
        try {
            owned = Sandbox.start(preferredPort, dataDir, "127.0.0.1");
        } catch (PortInUseException taken) {
            LOG.info("Port {} is taken by something other than a sandbox; starting the sandbox on a free port",
                    preferredPort);
            owned = Sandbox.start(0, dataDir, "127.0.0.1");
        }
        LOG.info("Started the local sandbox on port {} (data in {})", owned.port(), dataDir);
        // The same sandbox as `tracedesk sandbox`: with the shop stack, so there is something to send traffic to.
        try {
            shop = ShopStack.start(owned, ShopStack.Options.defaults());
            LOG.info("Shop stack: POST {}{}", shop.invokeUrl(), ShopStackDefinition.RESOURCE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The shop stack did not start; the sandbox runs without it", e);
        }
        return owned.port();
    }

    /** Whether this process runs the sandbox (rather than attaching to another one). */
    public synchronized boolean ownsSandbox() {
        return owned != null;
    }

    @Override
    public Optional<SandboxStats> stats() {
        Sandbox mine;
        int attached;
        synchronized (this) {
            mine = owned;
            attached = attachedPort;
        }
        if (mine != null) {
            var s = mine.stats();
            return Optional.of(new SandboxStats(s.received(), s.stored(), s.rejectedTotal(), mine.traceCount()));
        }
        return attached > 0 ? probe(attached) : Optional.empty();
    }

    /** GET http://127.0.0.1:PORT/sandbox/stats: the counters of a sandbox there, or empty if none answers. */
    Optional<SandboxStats> probe(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + STATS_PATH))
                .timeout(PROBE_TIMEOUT).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode body = JSON.readTree(response.body());
            if (body == null || !body.has("received") || !body.has("stored")) {
                return Optional.empty();
            }
            return Optional.of(new SandboxStats(body.path("received").asLong(), body.path("stored").asLong(),
                    body.path("rejectedTotal").asLong(), body.path("traces").asLong()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Commits what the sandbox received and stops it, if this process started it. */
    @Override
    public synchronized void close() {
        if (shop != null) {
            shop.close();
            shop = null;
        }
        if (owned != null) {
            owned.flush(Duration.ofSeconds(5));
            owned.close();
            LOG.info("Stopped the local sandbox");
            owned = null;
        }
    }
}
