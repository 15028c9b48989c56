package dev.tracedesk.sandbox.store;

import dev.tracedesk.sandbox.daemon.DaemonStats;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer thread: drains the ingest queue and commits a batch every {@link #MAX_DELAY_MS} ms or
 * {@link #MAX_BATCH} documents, whichever comes first, then tells the index what was committed. Runs retention
 * (age and size, oldest first) once a minute between batches.
 */
public final class SegmentWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentWriter.class);
    static final int MAX_BATCH = 5000;
    static final long MAX_DELAY_MS = 200;
    private static final long RETENTION_EVERY_MS = 60_000;

    /** What the writer tells the rest of the sandbox. Called on the writer thread. */
    public interface Listener {
        void committed(List<StoredDocument> batch);

        void evicted(Set<String> traceIds);

        /** Called after every batch and at least every MAX_DELAY_MS while idle, for deferred work. */
        default void tick() {}
    }

    private final SegmentStore store;
    private final Listener listener;
    private final DaemonStats stats;
    private final BlockingQueue<StoredDocument> queue;
    private final Duration maxAge;
    private final long maxBytes;
    private final Thread thread;
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    private final Object progress = new Object();
    private volatile boolean running = true;
    private long lastRetention;

    public SegmentWriter(SegmentStore store, Listener listener, DaemonStats stats, int capacity, Duration maxAge,
                         long maxBytes) {
        this.store = store;
        this.stats = stats;
        this.listener = listener;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxAge = maxAge;
        this.maxBytes = maxBytes;
        this.thread = new Thread(this::loop, "sandbox-writer");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Queues a validated document; false when the queue is full (the caller counts it as dropped). */
    public boolean offer(StoredDocument doc) {
        if (!queue.offer(doc)) return false;
        enqueued.incrementAndGet();
        return true;
    }

    public int depth() { return queue.size(); }

    /** Waits until everything queued before this call is committed (or the timeout passes). */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = enqueued.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (committed.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !thread.isAlive()) return false;
                progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        return true;
    }

    private void loop() {
        List<StoredDocument> batch = new ArrayList<>(MAX_BATCH);
        lastRetention = System.currentTimeMillis();
        while (running || !queue.isEmpty()) {
            try {
                StoredDocument first = queue.poll(MAX_DELAY_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    long deadline = System.currentTimeMillis() + MAX_DELAY_MS;
                    while (batch.size() < MAX_BATCH) {
                        queue.drainTo(batch, MAX_BATCH - batch.size());
                        long left = deadline - System.currentTimeMillis();
                        if (batch.size() >= MAX_BATCH || left <= 0) break;
                        StoredDocument next = queue.poll(Math.min(left, 20), TimeUnit.MILLISECONDS);
                        if (next != null) batch.add(next);
                    }
                    commit(batch);
                    batch.clear();
                }
                if (System.currentTimeMillis() - lastRetention > RETENTION_EVERY_MS) runRetention();
                listener.tick();
            } catch (InterruptedException e) {
                // close() interrupts the wait; the loop condition drains what is left before the thread ends.
            } catch (RuntimeException e) {
                LOG.error("writer loop failed, continuing", e);
            }
        }
    }

    private void commit(List<StoredDocument> batch) {
        try {
            store.writeBatch(batch);
            stats.stored(batch.size());
        } catch (SQLException e) {
            LOG.error("could not commit {} documents: {}", batch.size(), e.toString());
            advance(batch.size());
            return;
        }
        try {
            listener.committed(batch);
        } catch (RuntimeException e) {
            LOG.error("index update failed", e);
        }
        advance(batch.size());
    }

    private void advance(int n) {
        synchronized (progress) {
            committed.addAndGet(n);
            progress.notifyAll();
        }
    }

    void runRetention() {
        lastRetention = System.currentTimeMillis();
        try {
            Set<String> gone = store.evictOldest(System.currentTimeMillis() - maxAge.toMillis(), maxBytes);
            if (!gone.isEmpty()) listener.evicted(gone);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("retention failed: {}", e.toString());
        }
    }

    /** Runs retention now, on the caller's thread; only for tests and startup, before the writer runs. */
    public void retentionNow() {
        runRetention();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
    }
}
