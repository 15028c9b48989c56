package dev.tracedesk.sandbox.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.sandbox.api.LogStore;
import dev.tracedesk.shop.AwsCalls;
import dev.tracedesk.shop.AwsServiceException;
import dev.tracedesk.shop.Invocation;
import dev.tracedesk.shop.ShopBackend;
import dev.tracedesk.xray.SegmentId;
import dev.tracedesk.xray.TraceHeader;
import dev.tracedesk.xray.TraceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's Lambda service: functions, warm and cold containers, timeouts, synchronous and asynchronous (event)
 * invocations with Lambda's two retries, tracing as Lambda does it (spec §7.1–7.2) through the daemon's UDP port, and
 * START / handler / END / REPORT lines in {@code /aws/lambda/<name>}, one stream per container.
 */
public final class LocalLambda implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalLambda.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(10);

    /** Idle expiry of containers and the delays between async attempts (AWS: 1 min, then 2 min). */
    public record Settings(Duration idleExpiry, List<Duration> asyncRetryDelays, String region, String account) {
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(5), List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)),
                    ShopBackend.REGION, "000000000000");
        }

        public Settings idleExpiry(Duration d) { return new Settings(d, asyncRetryDelays, region, account); }

        public Settings asyncRetryDelays(List<Duration> d) { return new Settings(idleExpiry, d, region, account); }
    }

    private final Settings settings;
    private final ShopBackend backend;
    private final LogStore logs;
    private final SegmentEmitter emitter;
    private final ActiveSampler sampler = new ActiveSampler(System::currentTimeMillis, new Random());
    private final Map<String, FunctionConfig> functions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Container>> idle = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ThreadPoolExecutor asyncWorkers;
    private final AtomicInteger pendingAsync = new AtomicInteger();

    public LocalLambda(Settings settings, ShopBackend backend, LogStore logs, SegmentEmitter emitter) {
        this.settings = settings;
        this.backend = backend;
        this.logs = logs;
        this.emitter = emitter;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lambda-scheduler"));
        AtomicInteger n = new AtomicInteger();
        this.asyncWorkers = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, "lambda-event-" + n.incrementAndGet()));
        this.asyncWorkers.allowCoreThreadTimeOut(true);
        long sweep = Math.max(50, Math.min(10_000, settings.idleExpiry().toMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::expireIdle, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * What the control plane reports beside the configuration: runtime, the Handler string as deployed (the packaged
     * entry point; {@link FunctionConfig#handler} is the class the sandbox runs), revision, last modification, and
     * until when the last update is still InProgress.
     */
    public record Revision(String runtime, String declaredHandler, String revisionId, Instant lastModified, long inProgressUntilNanos) {
        public boolean inProgress() { return System.nanoTime() < inProgressUntilNanos; }
    }

    /** An update while the previous one is still InProgress, or with a stale RevisionId. */
    public static final class ConflictException extends RuntimeException {
        public ConflictException(String message) { super(message, null, false, false); }
    }

    /** How long an update stays InProgress, as Lambda's does for a moment. */
    static final Duration UPDATE_WINDOW = Duration.ofMillis(300);

    private final Map<String, Revision> revisions = new ConcurrentHashMap<>();
    private volatile java.util.function.BiPredicate<String, String> permissions = (role, action) -> true;

    /** Whether a role allows an action; the runtime asks it before sending a function's segments (spec §7.3). */
    public void permissions(java.util.function.BiPredicate<String, String> check) { this.permissions = check; }

    public void deploy(FunctionConfig config) {
        deploy(config, "java17", config.handler());
    }

    public void deploy(FunctionConfig config, String runtime, String declaredHandler) {
        functions.put(config.name(), config);
        revisions.put(config.name(), new Revision(runtime, declaredHandler, UUID.randomUUID().toString(), Instant.now(), 0));
        discardIdle(config.name()); // new configuration, new environments (as after UpdateFunctionConfiguration)
    }

    /** Removes a function and its idle containers; busy ones finish and are then discarded. */
    public boolean undeploy(String name) {
        boolean existed = functions.remove(name) != null;
        revisions.remove(name);
        discardIdle(name);
        return existed;
    }

    public boolean exists(String name) { return functions.containsKey(name); }

    public Revision revision(String name) {
        config(name);
        return revisions.get(name);
    }

    /**
     * UpdateFunctionConfiguration: refused while the previous update is InProgress or when {@code expectedRevision}
     * is given and stale; otherwise applies {@code change} (new environments from now on) and starts a short
     * InProgress window, as Lambda does.
     */
    public synchronized FunctionConfig update(String name, String expectedRevision, java.util.function.UnaryOperator<FunctionConfig> change) {
        FunctionConfig current = config(name);
        Revision rev = revisions.get(name);
        if (rev != null && rev.inProgress()) {
            throw new ConflictException("The operation cannot be performed at this time. An update is in progress for resource: "
                    + current.arn(settings.region(), settings.account()));
        }
        if (expectedRevision != null && rev != null && !expectedRevision.equals(rev.revisionId())) {
            throw new ConflictException("The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
        }
        FunctionConfig next = change.apply(current);
        functions.put(name, next);
        revisions.put(name, new Revision(rev == null ? "java17" : rev.runtime(), rev == null ? next.handler() : rev.declaredHandler(),
                UUID.randomUUID().toString(), Instant.now(), System.nanoTime() + UPDATE_WINDOW.toNanos()));
        discardIdle(name);
        return next;
    }

    public FunctionConfig config(String name) {
        FunctionConfig c = functions.get(name);
        if (c == null) throw new IllegalArgumentException("Function not found: " + name);
        return c;
    }

    public List<FunctionConfig> functions() { return List.copyOf(functions.values()); }

    public String arn(String name) { return config(name).arn(settings.region(), settings.account()); }

    public void updateTracing(String name, TracingMode mode) {
        FunctionConfig next = config(name).withTracing(mode);
        Revision rev = revisions.get(name);
        functions.put(name, next);
        if (rev != null) revisions.put(name, new Revision(rev.runtime(), rev.declaredHandler(), UUID.randomUUID().toString(), Instant.now(), 0));
        discardIdle(name);
    }

    /** Containers of a function alive now (busy or idle). */
    public int containers(String name) {
        AtomicInteger n = live.get(name);
        return n == null ? 0 : n.get();
    }

    /** Async events accepted and not yet finished (including waits between retries). */
    public int pendingEvents() { return pendingAsync.get(); }

    /** Synchronous invocation (RequestResponse). */
    public InvokeResult invoke(String name, JsonNode event, String traceHeader) {
        return invoke(name, event, traceHeader, UUID.randomUUID().toString());
    }

    /**
     * Asynchronous invocation (Event), as SNS makes it: queued, retried twice after a function error with the
     * configured delays, same request id and trace context on every attempt. Returns the request id.
     */
    public String invokeAsync(String name, JsonNode event, String traceHeader) {
        config(name);
        String requestId = UUID.randomUUID().toString();
        pendingAsync.incrementAndGet();
        asyncWorkers.execute(() -> attempt(name, event, traceHeader, requestId, 0));
        return requestId;
    }

    private void attempt(String name, JsonNode event, String traceHeader, String requestId, int attempt) {
        boolean done = true;
        try {
            InvokeResult r = invoke(name, event, traceHeader, requestId);
            if (r.failed() && attempt < settings.asyncRetryDelays().size()) {
                Duration delay = settings.asyncRetryDelays().get(attempt);
                LOG.debug("{} event {} failed (attempt {}), retrying in {}", name, requestId, attempt + 1, delay);
                done = false;
                scheduler.schedule(() -> asyncWorkers.execute(() -> attempt(name, event, traceHeader, requestId, attempt + 1)),
                        delay.toMillis(), TimeUnit.MILLISECONDS);
            } else if (r.failed()) {
                LOG.info("{} event {} failed after {} attempts; discarded (no dead-letter queue)", name, requestId, attempt + 1);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} event {} could not be delivered", name, requestId, e);
        } finally {
            if (done) pendingAsync.decrementAndGet();
        }
    }

    /** Waits until no async event is queued, running or waiting for a retry. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pendingAsync.get() > 0) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(5);
        }
        return true;
    }

    private InvokeResult invoke(String name, JsonNode event, String traceHeader, String requestId) {
        FunctionConfig cfg = config(name);
        double received = now();
        TraceHeader in = TraceHeader.parse(traceHeader).orElse(null);
        TraceHeader.Sampled decision = in == null ? TraceHeader.Sampled.UNKNOWN : in.sampled();
        boolean traced = switch (decision) {
            case SAMPLED -> true;
            case NOT_SAMPLED -> false;
            default -> cfg.tracing() == TracingMode.ACTIVE && sampler.sample();
        };
        TraceId root = in != null && in.root() != null ? in.root() : TraceId.generate();
        String upstreamParent = in != null ? in.parent() : null;
        String serviceSegmentId = SegmentId.generate();
        String functionSegmentId = SegmentId.generate();
        String invocationId = SegmentId.generate();
        String header = TraceHeader.of(root, functionSegmentId,
                traced ? TraceHeader.Sampled.SAMPLED : TraceHeader.Sampled.NOT_SAMPLED).format();

        Acquired acquired = acquire(cfg);
        Container c = acquired.container;
        boolean cold = acquired.cold;
        List<LogStore.Line> lines = new ArrayList<>();
        Throwable failure = null;
        boolean timedOut = false;
        JsonNode payload = null;
        InvocationImpl inv = new InvocationImpl(requestId, header, new AwsCalls(backend, root.value(), traced), lines,
                System.currentTimeMillis() + cfg.timeout().toMillis());
        if (cold) {
            try {
                c.thread.submit(() -> {
                    c.init();
                    return null;
                }).get(INIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                failure = new IllegalStateException("Init timed out after " + INIT_TIMEOUT.toSeconds() + " seconds");
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            }
            synchronized (c.initLogLines) {
                for (String l : c.initLogLines) lines.add(new LogStore.Line(Math.round(c.initEnd * 1000), l));
            }
        }
        double invStart = now();
        lines.add(new LogStore.Line(Math.round(invStart * 1000), "START RequestId: " + requestId + " Version: $LATEST"));
        double invEnd = invStart;
        if (failure == null) {
            Future<JsonNode> f = c.thread.submit(() -> {
                long before = Container.allocatedByCurrentThread();
                try {
                    return c.handler.handle(event, inv);
                } finally {
                    long used = Container.allocatedByCurrentThread() - before;
                    c.peakInvocationBytes = Math.max(c.peakInvocationBytes, used);
                }
            });
            try {
                payload = f.get(cfg.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                timedOut = true;
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                failure = e;
            }
            invEnd = now();
        }
        String functionError = null;
        double durationMs = (invEnd - invStart) * 1000;
        if (timedOut) {
            functionError = "Unhandled";
            String msg = String.format(Locale.ROOT, "%s %s Task timed out after %.2f seconds",
                    Instant.now(), requestId, cfg.timeout().toMillis() / 1000.0);
            inv.line(msg);
            payload = JSON.createObjectNode().put("errorMessage", msg);
        } else if (failure != null) {
            functionError = "Unhandled";
            ObjectNode err = JSON.createObjectNode().put("errorMessage", String.valueOf(failure.getMessage()))
                    .put("errorType", errorType(failure));
            inv.line(Instant.now() + "\t" + requestId + "\tERROR\tInvoke Error \t" + err);
            payload = err;
        }
        double overheadStart = now();
        boolean reuse = !timedOut && !(cold && c.handler == null);
        c.invokedBefore = true;
        long maxMem = c.maxMemoryUsedMb();
        lines.addAll(inv.drain());
        lines.add(new LogStore.Line(Math.round(invEnd * 1000), "END RequestId: " + requestId));
        StringBuilder report = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append(String.format(Locale.ROOT, "\tDuration: %.2f ms", durationMs))
                .append("\tBilled Duration: ").append((long) Math.ceil(durationMs)).append(" ms")
                .append("\tMemory Size: ").append(cfg.memoryMb()).append(" MB")
                .append("\tMax Memory Used: ").append(maxMem).append(" MB");
        if (cold) report.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", (c.initEnd - c.initStart) * 1000));
        if (timedOut) report.append("\tStatus: timeout");
        report.append('\t');
        if (traced) {
            report.append("\nXRAY TraceId: ").append(root.value()).append("\tSegmentId: ").append(functionSegmentId)
                    .append("\tSampled: true\t");
        }
        lines.add(new LogStore.Line(Math.round(invEnd * 1000), report.toString()));
        try {
            logs.append(cfg.logGroup(), c.logStream, lines);
        } catch (RuntimeException e) {
            LOG.warn("cannot write the logs of {} {}", name, requestId, e);
        }
        release(c, reuse);
        if (traced) {
            double end = now();
            emitSegments(cfg, root, upstreamParent, serviceSegmentId, functionSegmentId, invocationId, received, cold ? c : null,
                    invStart, invEnd, overheadStart, end, inv.aws.recorded(), failure, timedOut, requestId);
        }
        return new InvokeResult(requestId, payload, functionError, header, cold);
    }

    private static String errorType(Throwable t) {
        return t instanceof AwsServiceException a ? a.errorCode() : t.getClass().getName();
    }

    private void emitSegments(FunctionConfig cfg, TraceId root, String upstreamParent, String serviceId, String functionId,
                              String invocationId, double received, Container cold, double invStart, double invEnd,
                              double overheadStart, double end, List<ObjectNode> handlerSubsegments, Throwable failure,
                              boolean timedOut, String requestId) {
        String arn = cfg.arn(settings.region(), settings.account());
        ObjectNode service = JSON.createObjectNode().put("trace_id", root.value()).put("id", serviceId).put("name", cfg.name())
                .put("start_time", received).put("end_time", end).put("origin", "AWS::Lambda").put("resource_arn", arn);
        if (upstreamParent != null) service.put("parent_id", upstreamParent);
        service.set("aws", JSON.createObjectNode().put("request_id", requestId));
        service.set("http", JSON.createObjectNode().set("response", JSON.createObjectNode().put("status", 200)));

        ObjectNode function = JSON.createObjectNode().put("trace_id", root.value()).put("id", functionId).put("name", cfg.name())
                .put("parent_id", serviceId).put("start_time", cold != null ? cold.initStart : invStart).put("end_time", end)
                .put("origin", "AWS::Lambda::Function");
        ObjectNode aws = JSON.createObjectNode().put("function_arn", arn).put("account_id", settings.account());
        aws.set("resource_names", JSON.createArrayNode().add(cfg.name()));
        function.set("aws", aws);
        ArrayNode subs = JSON.createArrayNode();
        if (cold != null) {
            ObjectNode init = JSON.createObjectNode().put("id", SegmentId.generate()).put("name", "Initialization")
                    .put("start_time", cold.initStart).put("end_time", cold.initEnd);
            init.set("aws", JSON.createObjectNode().put("function_arn", arn));
            if (cold.handler == null && failure != null) markFault(init, failure, false);
            subs.add(init);
        }
        ObjectNode invocation = JSON.createObjectNode().put("id", invocationId).put("name", "Invocation")
                .put("start_time", invStart).put("end_time", invEnd);
        if (!handlerSubsegments.isEmpty()) {
            ArrayNode children = JSON.createArrayNode();
            handlerSubsegments.forEach(children::add);
            invocation.set("subsegments", children);
        }
        if (timedOut || failure != null && !(cold != null && cold.handler == null)) markFault(invocation, failure, timedOut);
        subs.add(invocation);
        subs.add(JSON.createObjectNode().put("id", SegmentId.generate()).put("name", "Overhead")
                .put("start_time", overheadStart).put("end_time", end));
        function.set("subsegments", subs);
        if (timedOut || failure != null) markFault(function, failure, timedOut);
        emitter.send(service);
        // Lambda sends the function's segments with the execution role: without xray:PutTraceSegments they are refused.
        if (permissions.test(cfg.role(), "xray:PutTraceSegments")) {
            emitter.send(function);
        } else {
            LOG.debug("{}: role {} may not call xray:PutTraceSegments; function segment refused", cfg.name(), cfg.role());
        }
    }

    private static void markFault(ObjectNode doc, Throwable failure, boolean timedOut) {
        doc.put("fault", true);
        ObjectNode ex = JSON.createObjectNode().put("id", SegmentId.generate());
        if (timedOut) {
            ex.put("message", "Task timed out").put("type", "Sandbox.Timedout");
        } else {
            ex.put("message", String.valueOf(failure.getMessage())).put("type", errorType(failure));
            ArrayNode stack = JSON.createArrayNode();
            StackTraceElement[] st = failure.getStackTrace();
            for (int i = 0; i < Math.min(st.length, 10); i++) {
                stack.add(JSON.createObjectNode().put("path", String.valueOf(st[i].getFileName())).put("line", st[i].getLineNumber())
                        .put("label", st[i].getClassName() + "." + st[i].getMethodName()));
            }
            ex.set("stack", stack);
        }
        doc.set("cause", JSON.createObjectNode().put("working_directory", "/var/task").set("exceptions", JSON.createArrayNode().add(ex)));
    }

    private record Acquired(Container container, boolean cold) {}

    private Acquired acquire(FunctionConfig cfg) {
        Deque<Container> pool = idle.computeIfAbsent(cfg.name(), k -> new ArrayDeque<>());
        synchronized (pool) {
            Container c = pool.pollFirst();
            if (c != null) return new Acquired(c, false);
        }
        live.computeIfAbsent(cfg.name(), k -> new AtomicInteger()).incrementAndGet();
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return new Acquired(new Container(cfg, HexFormat.of().formatHex(id)), true);
    }

    private void release(Container c, boolean reuse) {
        FunctionConfig current = functions.get(c.config.name());
        if (!reuse || current != c.config) {
            destroy(c);
            return;
        }
        c.lastUsedMillis = System.currentTimeMillis();
        Deque<Container> pool = idle.computeIfAbsent(c.config.name(), k -> new ArrayDeque<>());
        synchronized (pool) {
            pool.addFirst(c); // most recently used first: warm containers stay warm, the rest expire
        }
    }

    private void destroy(Container c) {
        c.destroy();
        AtomicInteger n = live.get(c.config.name());
        if (n != null) n.decrementAndGet();
    }

    private void expireIdle() {
        long cutoff = System.currentTimeMillis() - settings.idleExpiry().toMillis();
        for (Deque<Container> pool : idle.values()) {
            List<Container> expired = new ArrayList<>();
            synchronized (pool) {
                pool.removeIf(c -> {
                    if (c.lastUsedMillis < cutoff) {
                        expired.add(c);
                        return true;
                    }
                    return false;
                });
            }
            expired.forEach(this::destroy);
        }
    }

    private void discardIdle(String name) {
        Deque<Container> pool = idle.get(name);
        if (pool == null) return;
        List<Container> all;
        synchronized (pool) {
            all = new ArrayList<>(pool);
            pool.clear();
        }
        all.forEach(this::destroy);
    }

    static double now() {
        Instant t = Instant.now();
        return t.getEpochSecond() + (t.getNano() / 1000) / 1e6;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        asyncWorkers.shutdownNow();
        functions.keySet().forEach(this::discardIdle);
    }

    /** The handler's view of one invocation; its log lines are collected and written with START/END/REPORT. */
    private static final class InvocationImpl implements Invocation {
        private final String requestId;
        private final String header;
        final AwsCalls aws;
        private final List<LogStore.Line> lines = new ArrayList<>();
        private final long deadline;

        InvocationImpl(String requestId, String header, AwsCalls aws, List<LogStore.Line> ignored, long deadline) {
            this.requestId = requestId;
            this.header = header;
            this.aws = aws;
            this.deadline = deadline;
        }

        @Override
        public String requestId() { return requestId; }

        @Override
        public void log(String message) {
            line(Instant.now() + "\t" + requestId + "\tINFO\t" + message);
        }

        synchronized void line(String text) {
            lines.add(new LogStore.Line(System.currentTimeMillis(), text));
        }

        synchronized List<LogStore.Line> drain() {
            List<LogStore.Line> out = new ArrayList<>(lines);
            lines.clear();
            return out;
        }

        @Override
        public String traceHeader() { return header; }

        @Override
        public AwsCalls aws() { return aws; }

        @Override
        public long remainingMillis() { return Math.max(0, deadline - System.currentTimeMillis()); }
    }
}
