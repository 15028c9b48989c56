package dev.tracedesk.shop.load;

import dev.tracedesk.shop.ShopStackDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * {@code shop perf}: N requests with C concurrent clients, optionally paced to R requests per second overall. A share
 * of requests goes to the unit-test route (its failures are the point). Result: statuses, latency percentiles, rate.
 */
public final class LoadRun {
    public record Plan(int requests, int concurrency, double ratePerSecond, double unitTestShare) {
        public Plan {
            if (requests < 1) throw new IllegalArgumentException("--requests must be at least 1");
            if (concurrency < 1 || concurrency > 256) throw new IllegalArgumentException("--concurrency must be 1..256");
            if (ratePerSecond < 0) throw new IllegalArgumentException("--rate must not be negative");
            if (unitTestShare < 0 || unitTestShare > 1) throw new IllegalArgumentException("--unittest-share must be 0..1");
        }
    }

    public record Result(int requests, Map<Integer, Integer> statuses, int transportErrors, long wallMillis,
                         double minMs, double p50Ms, double p95Ms, double p99Ms, double maxMs, double avgMs,
                         long startMillis, long endMillis) {
        public double throughput() { return wallMillis == 0 ? 0 : requests * 1000.0 / wallMillis; }
    }

    private final ShopClient client;

    public LoadRun(ShopClient client) {
        this.client = client;
    }

    public Result run(Plan plan, IntConsumer progress) throws InterruptedException {
        return run(plan, progress, () -> false);
    }

    /**
     * As {@link #run(Plan, IntConsumer)}, but no new request starts once {@code stop} says so: the result then counts
     * only the requests that were sent. Interrupting the caller stops the clients too.
     */
    public Result run(Plan plan, IntConsumer progress, BooleanSupplier stop) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        int unitTestEvery = plan.unitTestShare() > 0 ? (int) Math.max(1, Math.round(1 / plan.unitTestShare())) : 0;
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(plan.concurrency());
        for (int w = 0; w < plan.concurrency(); w++) {
            pool.execute(() -> {
                int i;
                while (!stop.getAsBoolean() && (i = next.getAndIncrement()) < plan.requests()) {
                    if (plan.ratePerSecond() > 0) {
                        long due = start + (long) (i * 1e9 / plan.ratePerSecond());
                        long wait = due - System.nanoTime();
                        if (wait > 0) LockSupport.parkNanos(wait);
                    }
                    try {
                        boolean unitTest = unitTestEvery > 0 && i % unitTestEvery == unitTestEvery - 1;
                        ShopClient.Response r = unitTest
                                ? client.post(ShopStackDefinition.UNITTEST_RESOURCE, client.validOrder("unittest").toString(), null)
                                : client.post(ShopStackDefinition.RESOURCE, client.validOrder("shop-" + (i % 7)).toString(), null);
                        latencies.add(r.nanos());
                        statuses.merge(r.status(), 1, Integer::sum);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    progress.accept(done.incrementAndGet());
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            pool.shutdownNow(); // the clients must not go on sending after the caller gave up
            throw e;
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double avg = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        return new Result(Math.min(plan.requests(), done.get()), new TreeMap<>(statuses), errors.get(), wall,
                pct(sorted, 0), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), pct(sorted, 100), avg,
                startMillis, System.currentTimeMillis());
    }

    /** Nearest-rank percentile in milliseconds. */
    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }
}
