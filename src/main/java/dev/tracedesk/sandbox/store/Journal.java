package dev.tracedesk.sandbox.store;

import dev.tracedesk.sandbox.daemon.DaemonStats;
import dev.tracedesk.sandbox.daemon.DatagramSink;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hot path of ingest: raw entries (UDP datagrams as received, PutTraceSegments documents already validated) are
 * packed into an in-memory chunk and committed to the store's {@code journal} table as one row every
 * {@link #COMMIT_EVERY_MS} ms (or sooner when a chunk fills). Decoding, validation, the per-segment rows and the index
 * all happen later on the {@link SegmentWriter} thread, which reads the journal back; so a burst faster than that
 * work is absorbed by the durable journal instead of being dropped, and the receiving thread never waits for SQLite.
 *
 * <p>Durability: an entry is on disk (WAL, synchronous=NORMAL: survives a process kill) once its chunk is committed,
 * at most ~{@link #COMMIT_EVERY_MS} ms after it arrived. Memory: entries waiting for their commit are bounded by
 * {@code maxPendingEntries} and {@code maxPendingBytes}; past that, entries are refused and counted as
 * {@code queue-full} (SQLite would have to stall for seconds: the journal's own rate is far above the daemon's).
 *
 * <p>Entry format inside a row: {@code kind (1 byte) | length (4 bytes, big-endian) | bytes}.
 */
public final class Journal implements DatagramSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    /** A UDP datagram, header included, not yet validated. */
    public static final byte UDP = 0;
    /** A PutTraceSegments document, already validated and counted by the API. */
    public static final byte API = 1;
    static final long COMMIT_EVERY_MS = 50;
    /**
     * Intake (entries/s over one commit interval) at which ingest counts as busy: the digest then steps back so the
     * receiving thread keeps a core (see {@link #busy}). Far above what a few instrumented services send.
     */
    static final int BUSY_RATE = 10_000;
    /** How long one busy interval keeps the journal busy, so a stream with short gaps stays busy. */
    static final long BUSY_HOLD_MS = 500;
    /**
     * A chunk is sealed once it holds this much. Kept under half a G1 region (1 MiB at a 2-4 GiB heap) so chunks are
     * ordinary young objects, not humongous ones, and small enough that the writer's step while busy is one short row.
     */
    static final int CHUNK_BYTES = 384 << 10;
    /** Chunk buffers kept for reuse: intake then allocates nothing per datagram and nothing per chunk. */
    private static final int POOLED_BUFFERS = 8;

    private final SegmentStore store;
    private final DaemonStats stats;
    private final long maxPendingBytes;
    private final int maxPendingEntries;
    private final Thread thread;
    private final ArrayDeque<Chunk> sealed = new ArrayDeque<>();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final ArrayDeque<byte[]> freeBuffers = new ArrayDeque<>();
    private Chunk current = newChunk();
    private long pendingBytes;
    private int pendingEntries;
    private volatile Runnable onCommit = () -> {};
    private volatile boolean running = true;
    private volatile long lastBusyMillis = Long.MIN_VALUE / 2;

    private static final class Chunk {
        /** Room for a full chunk plus the largest datagram, so a chunk never grows. */
        static final int CAPACITY = CHUNK_BYTES + 5 + 65_536;
        byte[] data;
        int size;
        int entries;
        long firstMillis;

        Chunk(byte[] data) { this.data = data; }

        void put(byte kind, byte[] src, int off, int len) {
            // Only a PutTraceSegments document over 64 KiB could need more (they are refused before; kept safe anyway).
            if (size + 5 + len > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, size + 5 + len));
            data[size] = kind;
            ByteBuffer.wrap(data, size + 1, 4).putInt(len);
            System.arraycopy(src, off, data, size + 5, len);
            size += 5 + len;
            entries++;
        }
    }

    public Journal(SegmentStore store, DaemonStats stats, int maxPendingEntries, long maxPendingBytes) {
        this.store = store;
        this.stats = stats;
        this.maxPendingEntries = maxPendingEntries;
        this.maxPendingBytes = maxPendingBytes;
        this.thread = new Thread(this::loop, "sandbox-journal");
        thread.setDaemon(true);
    }

    /** Called on the journal thread after each commit (the writer is told there is work). */
    void onCommit(Runnable r) { this.onCommit = r; }

    public void start() { thread.start(); }

    /** A UDP datagram as received. */
    @Override
    public boolean offer(byte[] data, int offset, int length) {
        return append(UDP, data, offset, length);
    }

    /** Appends one entry; false when the entries waiting for their commit already fill the memory bounds. */
    public synchronized boolean append(byte kind, byte[] data, int offset, int length) {
        if (pendingBytes + length > maxPendingBytes || pendingEntries >= maxPendingEntries) return false;
        pendingEntries++;
        if (current.entries == 0) current.firstMillis = System.currentTimeMillis();
        current.put(kind, data, offset, length);
        pendingBytes += length + 5L;
        appended.incrementAndGet();
        if (current.size >= CHUNK_BYTES) {
            sealed.add(current);
            current = newChunk();
            notifyAll();
        }
        return true;
    }

    /** Called with this journal's lock held. */
    private Chunk newChunk() {
        byte[] b = freeBuffers.poll();
        return new Chunk(b != null ? b : new byte[Chunk.CAPACITY]);
    }

    /** Entries accepted by {@link #append} so far. */
    public long appended() { return appended.get(); }

    /** Entries committed to the journal table so far. */
    long committed() { return committed.get(); }

    /** Entries appended but lost because the database refused the journal row (already counted as rejected). */
    long dropped() { return dropped.get(); }

    private void loop() {
        while (true) {
            List<Chunk> chunks;
            synchronized (this) {
                while (sealed.isEmpty()) {
                    long wait;
                    if (current.entries > 0) {
                        long age = System.currentTimeMillis() - current.firstMillis;
                        if (!running || age >= COMMIT_EVERY_MS) {
                            sealed.add(current);
                            current = newChunk();
                            break;
                        }
                        wait = COMMIT_EVERY_MS - age;
                    } else {
                        if (!running) return;
                        wait = COMMIT_EVERY_MS;
                    }
                    try {
                        wait(Math.max(1, wait));
                    } catch (InterruptedException e) {
                        // only close() wakes us early; the loop commits what is left
                    }
                }
                // Everything sealed so far goes in one transaction: big datagrams fill many chunks quickly, and a
                // transaction per chunk would make SQLite's per-commit cost the limit.
                chunks = new ArrayList<>(sealed);
                sealed.clear();
            }
            commit(chunks);
        }
    }

    /**
     * True while entries arrive at {@link #BUSY_RATE} or more (and for {@link #BUSY_HOLD_MS} after). The UDP receiver
     * has only the socket's receive buffer (a few MiB: tens of milliseconds at that rate) between a scheduling delay
     * and lost datagrams; so while this is true the writer digests in the background and leaves the cores to intake.
     */
    public boolean busy() {
        return System.currentTimeMillis() - lastBusyMillis < BUSY_HOLD_MS;
    }

    private void commit(List<Chunk> chunks) {
        long now = System.currentTimeMillis();
        int entries = 0;
        long firstMillis = chunks.get(0).firstMillis;
        List<SegmentStore.JournalAppend> rows = new ArrayList<>(chunks.size());
        for (Chunk c : chunks) {
            entries += c.entries;
            rows.add(new SegmentStore.JournalAppend(c.firstMillis, c.entries, Arrays.copyOf(c.data, c.size)));
        }
        if (entries * 1000L >= BUSY_RATE * Math.max(COMMIT_EVERY_MS, now - firstMillis)) lastBusyMillis = now;
        boolean ok = false;
        for (int attempt = 0; attempt < 5 && !ok; attempt++) {
            try {
                store.appendJournal(rows);
                ok = true;
            } catch (SQLException | RuntimeException e) {
                LOG.warn("journal commit of {} entries failed (attempt {}): {}", entries, attempt + 1, e.toString());
                sleep(100L << attempt);
            }
        }
        if (!ok) {
            LOG.error("dropping {} journal entries: the database refuses writes", entries);
            for (int i = 0; i < entries; i++) stats.rejected("store-failed");
            dropped.addAndGet(entries);
        }
        synchronized (this) {
            for (Chunk c : chunks) {
                pendingBytes -= c.size;
                pendingEntries -= c.entries;
                if (c.data.length == Chunk.CAPACITY && freeBuffers.size() < POOLED_BUFFERS) freeBuffers.add(c.data);
            }
        }
        committed.addAndGet(entries);
        onCommit.run();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after committing every entry appended so far. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            running = false;
            notifyAll();
        }
        thread.join(30_000);
    }
}
