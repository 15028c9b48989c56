package dev.tracedesk.sandbox.runtime;

import dev.tracedesk.shop.FunctionEnvironment;
import dev.tracedesk.shop.ShopFunction;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One execution environment of a function: its own thread, its own class loader with the handler loaded and
 * initialised in it, and its own log stream. Used by one invocation at a time.
 */
final class Container {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    final FunctionConfig config;
    final String logStream;
    final ExecutorService thread;
    ShopFunction handler;
    /** Epoch seconds of the init phase, and the bytes it allocated. */
    double initStart;
    double initEnd;
    long initBytes;
    /** The largest allocation of one invocation so far (Max Memory Used is the environment's peak). */
    long peakInvocationBytes;
    boolean invokedBefore;
    volatile long lastUsedMillis;
    final List<String> initLogLines = new ArrayList<>();

    Container(FunctionConfig config, String id) {
        this.config = config;
        this.logStream = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + "/[$LATEST]" + id;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lambda-" + config.name() + "-" + id.substring(0, 8));
            t.setDaemon(true);
            return t;
        });
    }

    /** The init phase, on the container's thread: a fresh class loader, class loading, construction, init(). */
    void init() throws Exception {
        initStart = LocalLambda.now();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            HandlerClassLoader loader = new HandlerClassLoader(ShopFunction.class.getClassLoader());
            Class<?> c = Class.forName(config.handler(), true, loader);
            ShopFunction fn = (ShopFunction) c.getDeclaredConstructor().newInstance();
            fn.init(new FunctionEnvironment() {
                @Override
                public String functionName() { return config.name(); }

                @Override
                public Map<String, String> variables() { return config.environment(); }

                @Override
                public void log(String line) {
                    synchronized (initLogLines) {
                        initLogLines.add(line);
                    }
                }
            });
            handler = fn;
        } finally {
            initBytes = THREADS.getCurrentThreadAllocatedBytes() - before;
            initEnd = LocalLambda.now();
        }
    }

    static long allocatedByCurrentThread() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Max Memory Used in MB: what init allocated plus the largest single invocation's allocation, rounded up. */
    long maxMemoryUsedMb() {
        return Math.max(1, (initBytes + peakInvocationBytes + (1 << 20) - 1) >> 20);
    }

    void destroy() {
        thread.shutdownNow();
    }
}
