package dev.tracedesk.sandbox.store;

import dev.tracedesk.sandbox.daemon.DaemonStats;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.IntStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of segment rows: reads the {@link Journal} back in order, decodes and validates its entries (in
 * parallel), and in one transaction upserts the valid documents and deletes the journal rows they came from. The
 * {@link Listener} (the index) runs on a second thread, "sandbox-index", fed in commit order, so storing batch n+1
 * overlaps indexing batch n. Both work at their own pace: a burst they cannot follow waits, durably, in the journal.
 * Runs retention (age and size, oldest first) once a minute between batches; its evictions reach the listener in
 * order with the batches.
 */
public final class SegmentWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentWriter.class);
    static final int MAX_BATCH = 2500;
    /** Batch size while intake is busy: short steps, so the receiving thread never waits long for a core. */
    static final int BUSY_BATCH = 400;
    /** Entries decoded between two rests while busy (about 3 ms of work). */
    static final int BUSY_SLICE = 64;
    /**
     * While intake is busy the digest rests this many times as long as its last stretch of work took (so it has at
     * most 1/(1+n) of the time), decoding on its own thread only. The backlog waits durably in the journal and is
     * digested at full speed after.
     */
    static final int BUSY_REST_FACTOR = 3;
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
    private final Journal journal;
    private final IngestPipeline pipeline;
    private final Listener listener;
    private final DaemonStats stats;
    private final Duration maxAge;
    private final long maxBytes;
    private final Thread thread;
    private final Thread indexThread;
    /** Work for the index thread, in commit order; bounded so that the writer cannot run far ahead of the index. */
    private final BlockingQueue<Runnable> indexQueue = new ArrayBlockingQueue<>(4);
    private volatile boolean indexRunning = true;
    /** Journal entries decoded (stored or rejected) and indexed so far. */
    private final AtomicLong processed = new AtomicLong();
    private final Object progress = new Object();
    private final Object work = new Object();
    private boolean workSignalled;
    private volatile boolean running = true;
    private long lastSeq;
    /** When the writer's current stretch of work began (writer thread only; for the rests while busy). */
    private long workingSince;
    /** Journal entries this writer has passed on to the index thread (writer thread only). */
    private long handedToIndex;
    private long lastRetention;

    public SegmentWriter(SegmentStore store, Journal journal, IngestPipeline pipeline, Listener listener,
                         DaemonStats stats, Duration maxAge, long maxBytes) {
        this.store = store;
        this.journal = journal;
        this.pipeline = pipeline;
        this.stats = stats;
        this.listener = listener;
        this.maxAge = maxAge;
        this.maxBytes = maxBytes;
        this.thread = new Thread(this::loop, "sandbox-writer");
        thread.setDaemon(true);
        this.indexThread = new Thread(this::indexLoop, "sandbox-index");
        indexThread.setDaemon(true);
        journal.onCommit(this::wake);
    }

    public void start() {
        indexThread.start();
        thread.start();
    }

    private void indexLoop() {
        while (indexRunning || !indexQueue.isEmpty()) {
            try {
                Runnable r = indexQueue.poll(MAX_DELAY_MS, TimeUnit.MILLISECONDS);
                if (r != null) r.run();
                else listener.tick();
            } catch (InterruptedException e) {
                // close(): drain what is queued
            } catch (RuntimeException e) {
                LOG.error("index thread failed, continuing", e);
            }
        }
    }

    /** Runs {@code r} on the index thread after what is already queued; inline before start (replay, retention). */
    private void toIndex(Runnable r) {
        if (!indexThread.isAlive()) {
            r.run();
            return;
        }
        try {
            indexQueue.put(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.run();
        }
    }

    private void wake() {
        synchronized (work) {
            workSignalled = true;
            work.notifyAll();
        }
    }

    /** Journal entries appended but not yet decoded into the store (the ingest backlog). */
    public int depth() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, journal.appended() - journal.dropped() - processed.get()));
    }

    /** Waits until everything journaled before this call is stored and indexed (or the timeout passes). */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = journal.appended();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (processed.get() + journal.dropped() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !thread.isAlive()) return false;
                progress.wait(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
        return true;
    }

    private void loop() {
        lastRetention = System.currentTimeMillis();
        while (true) {
            try {
                boolean busy = journal.busy();
                workingSince = System.nanoTime();
                int n = processSome(busy);
                if (n > 0 && busy) restAfterBusyStep();
                if (n == 0) {
                    if (!running) return;
                    synchronized (work) {
                        if (!workSignalled) work.wait(MAX_DELAY_MS);
                        workSignalled = false;
                    }
                }
                if (System.currentTimeMillis() - lastRetention > RETENTION_EVERY_MS) runRetention();
                if (n > 0) toIndex(listener::tick);
            } catch (InterruptedException e) {
                // close() only sets running; keep draining
            } catch (RuntimeException e) {
                LOG.error("writer loop failed, continuing", e);
                sleepQuietly(100);
            }
        }
    }

    /**
     * Waits for the index to take the step just written (so its work counts in the step), then rests
     * {@link #BUSY_REST_FACTOR} times the step's duration.
     */
    private void restAfterBusyStep() throws InterruptedException {
        synchronized (progress) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (processed.get() < handedToIndex && System.nanoTime() < deadline) progress.wait(5);
        }
        rest();
    }

    /** Sleeps {@link #BUSY_REST_FACTOR} times as long as the work since the last rest took (at most 500 ms). */
    private void rest() {
        long worked = System.nanoTime() - workingSince;
        try {
            TimeUnit.NANOSECONDS.sleep(Math.min(TimeUnit.MILLISECONDS.toNanos(500), worked * BUSY_REST_FACTOR));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workingSince = System.nanoTime();
    }

    /** Decodes, stores and indexes the next journal rows; returns the number of entries handled (0 = none left). */
    int processSome() {
        return processSome(false);
    }

    /** While {@code busy}: a short step, decoded on this thread with rests (see {@link #BUSY_BATCH}). */
    private int processSome(boolean busy) {
        List<SegmentStore.JournalRow> rows;
        try {
            rows = store.readJournal(lastSeq, busy ? BUSY_BATCH : MAX_BATCH);
        } catch (SQLException e) {
            LOG.error("reading the journal: {}", e.toString());
            sleepQuietly(200);
            return 0;
        }
        if (rows.isEmpty()) return 0;
        List<Long> seqs = new ArrayList<>(rows.size());
        int counted = 0;
        for (SegmentStore.JournalRow r : rows) {
            seqs.add(r.seq());
            counted += r.entries();
        }
        final int entries = counted;
        List<StoredDocument> docs = decode(rows, busy);
        try {
            store.writeBatch(docs, seqs);
            stats.stored(docs.size());
        } catch (SQLException e) {
            // The rows stay journaled: the next start replays them. Counted now so that flush() does not wait forever.
            LOG.error("could not commit {} documents: {}", docs.size(), e.toString());
            lastSeq = rows.get(rows.size() - 1).seq();
            handedToIndex += entries;
            toIndex(() -> advance(entries));
            return entries;
        }
        lastSeq = rows.get(rows.size() - 1).seq();
        handedToIndex += entries;
        toIndex(() -> {
            try {
                if (!docs.isEmpty()) listener.committed(docs);
            } catch (RuntimeException e) {
                LOG.error("index update failed", e);
            } finally {
                advance(entries);
            }
        });
        return entries;
    }

    /** One entry of a journal row. */
    private record Entry(SegmentStore.JournalRow row, byte kind, int offset, int length) {}

    /** Decodes the entries of {@code rows} (on all cores; while busy on this thread, with rests), keeping their order. */
    private List<StoredDocument> decode(List<SegmentStore.JournalRow> rows, boolean busy) {
        List<Entry> entries = new ArrayList<>();
        for (SegmentStore.JournalRow row : rows) {
            ByteBuffer b = ByteBuffer.wrap(row.data());
            for (int i = 0; i < row.entries() && b.remaining() >= 5; i++) {
                byte kind = b.get();
                int len = b.getInt();
                int off = b.position();
                if (len < 0 || len > b.remaining()) {
                    LOG.error("journal row {} is damaged at entry {}; skipping its rest", row.seq(), i);
                    break;
                }
                b.position(off + len);
                entries.add(new Entry(row, kind, off, len));
            }
        }
        StoredDocument[] out = new StoredDocument[entries.size()];
        if (!busy) {
            IntStream.range(0, out.length).parallel().forEach(i -> out[i] = decodeEntry(entries.get(i)));
        } else {
            // While busy: rests between small groups, so the CPU goes to the receivers in slices of a few ms.
            for (int i = 0; i < out.length; i++) {
                out[i] = decodeEntry(entries.get(i));
                if (i % BUSY_SLICE == BUSY_SLICE - 1) rest();
            }
        }
        List<StoredDocument> docs = new ArrayList<>(out.length);
        for (StoredDocument d : out) if (d != null) docs.add(d);
        return docs;
    }

    private StoredDocument decodeEntry(Entry e) {
        try {
            return pipeline.decodeEntry(e.kind(), e.row().data(), e.offset(), e.length(), e.row().receivedMillis());
        } catch (RuntimeException ex) {
            LOG.warn("journal entry failed to decode, skipped: {}", ex.toString());
            stats.rejected("internal-error");
            return null;
        }
    }

    /** Replays every journal row on the caller's thread (startup, after a crash, before {@link #start}). */
    public long drainJournal() {
        long total = 0;
        int n;
        while ((n = processSome()) > 0) total += n;
        return total;
    }

    private void advance(int n) {
        synchronized (progress) {
            processed.addAndGet(n);
            progress.notifyAll();
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void runRetention() {
        lastRetention = System.currentTimeMillis();
        try {
            Set<String> gone = store.evictOldest(System.currentTimeMillis() - maxAge.toMillis(), maxBytes);
            if (!gone.isEmpty()) toIndex(() -> listener.evicted(gone));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("retention failed: {}", e.toString());
        }
    }

    /** Runs retention now, on the caller's thread; only for tests and startup, before the writer runs. */
    public void retentionNow() {
        runRetention();
    }

    /** Stores what is journaled (the journal must be closed first), then stops; gives up after {@code 30 s}. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        wake();
        thread.join(30_000);
        indexRunning = false;
        indexThread.join(30_000);
    }
}
