package dev.tracedesk.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.tracedesk.sandbox.api.ApiGatewayApi;
import dev.tracedesk.sandbox.api.CloudFormationApi;
import dev.tracedesk.sandbox.api.Groups;
import dev.tracedesk.sandbox.api.IamApi;
import dev.tracedesk.sandbox.api.LambdaApi;
import dev.tracedesk.sandbox.api.StsApi;
import dev.tracedesk.sandbox.runtime.LocalLambda;
import dev.tracedesk.sandbox.stack.LocalCloud;
import dev.tracedesk.sandbox.api.HttpRouter;
import dev.tracedesk.sandbox.api.LogStore;
import dev.tracedesk.sandbox.api.LogsApi;
import dev.tracedesk.sandbox.api.SamplingRules;
import dev.tracedesk.sandbox.api.SamplingTargets;
import dev.tracedesk.sandbox.api.TelemetryLog;
import dev.tracedesk.sandbox.api.TraceQueries;
import dev.tracedesk.sandbox.api.XRayApi;
import dev.tracedesk.sandbox.daemon.DaemonStats;
import dev.tracedesk.sandbox.daemon.UdpReceiver;
import dev.tracedesk.sandbox.index.TraceIndex;
import dev.tracedesk.sandbox.index.TraceIndexer;
import dev.tracedesk.sandbox.store.IngestPipeline;
import dev.tracedesk.sandbox.store.Journal;
import dev.tracedesk.sandbox.store.SegmentStore;
import dev.tracedesk.sandbox.store.SegmentWriter;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local X-Ray in one object: the daemon's UDP segment port and, on the same port number over TCP, the X-Ray
 * rest-json API (which includes the SDKs' sampling paths). The GUI's "Local sandbox" connection and the
 * {@code tracedesk sandbox} command both start it through {@link #start}.
 *
 * <pre>{@code
 * try (Sandbox sb = Sandbox.start(Sandbox.Config.defaults().port(0))) {
 *     URI endpoint = URI.create("http://127.0.0.1:" + sb.port());   // for XRayClient.endpointOverride
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    public static final int DEFAULT_PORT = 2000;

    /**
     * Where and how to run. {@code queueCapacity}: received entries that may wait in memory for their journal commit
     * (beyond it they are refused as {@code queue-full}); entries already journaled wait on disk, without a bound.
     */
    public record Config(int port, Path dataDir, String bind, Duration retention, long maxBytes, int queueCapacity) {
        public static Config defaults() {
            return new Config(DEFAULT_PORT, defaultDataDir(), "127.0.0.1", Duration.ofDays(30), 2L << 30, 524_288);
        }

        public Config port(int p) { return new Config(p, dataDir, bind, retention, maxBytes, queueCapacity); }

        public Config dataDir(Path d) { return new Config(port, d, bind, retention, maxBytes, queueCapacity); }

        public Config bind(String b) { return new Config(port, dataDir, b, retention, maxBytes, queueCapacity); }

        public Config retention(Duration r) { return new Config(port, dataDir, bind, r, maxBytes, queueCapacity); }

        public Config maxBytes(long m) { return new Config(port, dataDir, bind, retention, m, queueCapacity); }
    }

    /** {@code ${XDG_DATA_HOME:-~/.local/share}/tracedesk/sandbox}. */
    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg)
                : Paths.get(System.getProperty("user.home"), ".local", "share");
        return base.resolve("tracedesk").resolve("sandbox");
    }

    private final SegmentStore store;
    private final TraceIndex index;
    private final Journal journal;
    private final SegmentWriter writer;
    private final DaemonStats stats;
    private final UdpReceiver udp;
    private final HttpServer http;
    private final ExecutorService httpExecutor;
    private final String host;
    /** Set once by start: what the local stack (sandbox.stack) attaches to. */
    private HttpRouter router;
    private SamplingRules samplingRules;
    private LogStore logs;
    private Path dataDir;
    private CloudHolder cloudHolder;

    /** Creates the control-plane services on first use: the first API call, or the shop stack with its settings. */
    private static final class CloudHolder {
        volatile Sandbox sandbox;
        private LocalCloud cloud;

        synchronized LocalCloud get() { return get(LocalLambda.Settings.defaults()); }

        synchronized LocalCloud get(LocalLambda.Settings settings) {
            if (cloud == null) {
                if (sandbox == null) throw new IllegalStateException("sandbox is not started");
                try {
                    cloud = new LocalCloud(sandbox.host, sandbox.port(), sandbox.dataDir, sandbox.logs, sandbox.samplingRules, settings);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return cloud;
        }

        synchronized void close() {
            if (cloud != null) cloud.close();
            cloud = null;
        }
    }

    /**
     * The local AWS services (IAM, Lambda, SNS, tables, REST APIs, CloudFormation) behind the Lambda, API Gateway, IAM,
     * STS and CloudFormation APIs on the sandbox port; created with default runtime settings on first use.
     */
    public LocalCloud cloud() { return cloudHolder.get(); }

    /** As {@link #cloud()}, creating it with these runtime settings if it does not exist yet. */
    public LocalCloud cloud(LocalLambda.Settings settings) { return cloudHolder.get(settings); }

    private Sandbox(SegmentStore store, TraceIndex index, Journal journal, SegmentWriter writer, DaemonStats stats,
                    UdpReceiver udp, HttpServer http, ExecutorService httpExecutor, String host) {
        this.store = store;
        this.index = index;
        this.journal = journal;
        this.writer = writer;
        this.stats = stats;
        this.udp = udp;
        this.http = http;
        this.httpExecutor = httpExecutor;
        this.host = host;
    }

    /** GUI entry point: starts on {@code port} (0 = any free one) and returns the running sandbox. */
    public static Sandbox start(int port, Path dataDir, String bind) throws IOException {
        return start(Config.defaults().port(port).dataDir(dataDir).bind(bind));
    }

    public static Sandbox start(Config config) throws IOException {
        // The JDK server writes headers and body as separate packets; without TCP_NODELAY, Nagle plus delayed ACKs
        // add ~40 ms to every response. Read once by the JDK when its first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Clock clock = Clock.systemUTC();
        SegmentStore store;
        try {
            store = new SegmentStore(config.dataDir());
        } catch (SQLException e) {
            throw new IOException("cannot open the sandbox database in " + config.dataDir() + ": " + e.getMessage(), e);
        }
        try {
            DaemonStats stats = new DaemonStats();
            TraceIndex index = new TraceIndex();
            SandboxDomain domain = new SandboxDomain(index, store);
            Groups groups = new Groups(store, domain::checkFilter);
            domain.groups(groups);
            TraceIndexer indexer = new TraceIndexer(index, store, domain::digest, domain.graphs(), domain::groupFilters);
            long t0 = System.nanoTime();
            int traces = indexer.rebuild();
            LOG.info("index rebuilt from the store: {} traces in {} ms", traces, (System.nanoTime() - t0) / 1_000_000);
            Journal journal = new Journal(store, stats, config.queueCapacity(), pendingBytes());
            IngestPipeline ingest = new IngestPipeline(journal, stats);
            SegmentWriter writer = new SegmentWriter(store, journal, ingest, indexer, stats, config.retention(),
                    config.maxBytes());
            long replayed = writer.drainJournal();
            if (replayed > 0) LOG.info("replayed {} journal entries left by an unclean stop", replayed);
            writer.retentionNow();
            stats.queueDepth(writer::depth);
            SamplingRules rules = new SamplingRules(store, clock);
            TelemetryLog telemetry = new TelemetryLog();
            HttpRouter router = new HttpRouter();
            LogStore logs = new LogStore(config.dataDir());
            LogsApi.register(router, logs);
            CloudHolder cloudHolder = new CloudHolder();
            LambdaApi.register(router, cloudHolder::get);
            ApiGatewayApi.register(router, cloudHolder::get);
            IamApi.register(router, cloudHolder::get);
            StsApi.register(router);
            CloudFormationApi.register(router, cloudHolder::get);
            XRayApi.register(router, new XRayApi.Parts(rules, new SamplingTargets(rules, clock), groups,
                    new TraceQueries(index, domain, groups), ingest::put, stats::snapshot, telemetry));

            InetAddress addr = InetAddress.getByName(config.bind());
            Bound bound = bind(addr, config.port(), stats, journal, router);
            journal.start();
            writer.start();
            bound.udp.start();
            bound.http.start();
            Sandbox sb = new Sandbox(store, index, journal, writer, stats, bound.udp, bound.http, bound.executor,
                    addr.getHostAddress());
            sb.router = router;
            sb.samplingRules = rules;
            sb.logs = logs;
            sb.dataDir = config.dataDir();
            sb.cloudHolder = cloudHolder;
            cloudHolder.sandbox = sb;
            LOG.info("sandbox on {}:{} (UDP segments, TCP API), data in {}", sb.host, sb.port(), config.dataDir());
            return sb;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private record Bound(UdpReceiver udp, HttpServer http, ExecutorService executor) {}

    /**
     * Binds TCP and UDP on the same port number; with port 0 retries until one number is free for both. TCP goes
     * first: the UDP sockets share their port with SO_REUSEPORT, and the exclusive TCP bind is what keeps a second
     * sandbox (or anything else listening there) from joining them.
     */
    private static Bound bind(InetAddress addr, int port, DaemonStats stats, Journal journal, HttpRouter router)
            throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < (port == 0 ? 50 : 1); attempt++) {
            HttpServer http;
            try {
                http = HttpServer.create(new InetSocketAddress(addr, port), 128);
            } catch (BindException e) {
                last = e;
                continue;
            }
            try {
                UdpReceiver udp = new UdpReceiver(new InetSocketAddress(addr, http.getAddress().getPort()), stats, journal);
                AtomicInteger n = new AtomicInteger();
                ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                http.setExecutor(executor);
                http.createContext("/", router);
                return new Bound(udp, http, executor);
            } catch (BindException e) {
                http.stop(0);
                last = e;
            }
        }
        throw new PortInUseException("port " + port + " is already in use on " + addr.getHostAddress(), last);
    }

    public int port() { return udp.port(); }

    /** The UDP socket receive buffer the kernel granted one socket (bounded by net.core.rmem_max). */
    public int udpReceiveBuffer() { return udp.receiveBufferBytes(); }

    /** UDP sockets sharing the port (SO_REUSEPORT), each with its own receiving thread and buffer. */
    public int udpSockets() { return udp.sockets(); }

    /** True while segments arrive fast enough that storing and indexing them step back (see Journal#busy). */
    public boolean ingestBusy() { return journal.busy(); }

    /** The API router on the sandbox port, for services added by the local stack. */
    public HttpRouter router() { return router; }

    public SamplingRules samplingRules() { return samplingRules; }

    /** CloudWatch Logs data (served by LogsApi on the sandbox port). */
    public LogStore logs() { return logs; }

    public Path dataDir() { return dataDir; }

    public String host() { return host; }

    public DaemonStats.Snapshot stats() { return stats.snapshot(); }

    public int traceCount() { return index.size(); }

    public Path databaseFile() { return store.file(); }

    /** Bytes the database uses (what the size cap of retention limits). */
    public long databaseBytes() { return store.databaseBytes(); }

    /** {@code PRAGMA integrity_check}: "ok" for a sound database. */
    public String integrityCheck() { return store.integrityCheck(); }

    /** Documents (segments and independent subsegments) in the database. */
    public long storedDocuments() { return store.documentCount(); }

    /** Handles a datagram exactly as if it had arrived on the UDP port (for in-process feeders and fuzzers). */
    public void receiveDatagram(byte[] data, int offset, int length) {
        udp.handle(data, offset, length);
    }

    /** Waits until everything received so far is committed to the database and indexed. */
    public boolean flush(Duration timeout) {
        try {
            return writer.flush(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Memory for received entries waiting for their journal commit: a quarter of the heap, at most 512 MiB. */
    private static long pendingBytes() {
        return Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 4);
    }

    /** Stops receiving, commits what is queued, closes the database. */
    @Override
    public void close() {
        udp.close();
        http.stop(0);
        if (cloudHolder != null) cloudHolder.close();
        httpExecutor.shutdownNow();
        try {
            journal.close();
            writer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
        if (logs != null) logs.close();
    }
}
