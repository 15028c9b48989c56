package dev.tracedesk.sandbox.daemon;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/** Ingest counters shown in the GUI status bar and served at GET /sandbox/stats. Thread-safe. */
public final class DaemonStats {
    private final LongAdder received = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private volatile IntSupplier queueDepth = () -> 0;

    public void received() { received.increment(); }

    public void accepted() { accepted.increment(); }

    public void stored(int n) { stored.add(n); }

    public void rejected(String reason) { rejected.computeIfAbsent(reason, r -> new LongAdder()).increment(); }

    public void queueDepth(IntSupplier depth) { this.queueDepth = depth; }

    public Snapshot snapshot() {
        Map<String, Long> r = new TreeMap<>();
        rejected.forEach((k, v) -> r.put(k, v.sum()));
        return new Snapshot(received.sum(), accepted.sum(), stored.sum(), r, queueDepth.getAsInt());
    }

    /**
     * @param received documents that arrived (UDP datagrams and PutTraceSegments documents)
     * @param accepted documents that passed validation and were queued for the store
     * @param stored   documents committed to the database
     */
    public record Snapshot(long received, long accepted, long stored, Map<String, Long> rejected, int queueDepth) {
        public long rejectedTotal() { return rejected.values().stream().mapToLong(Long::longValue).sum(); }
    }
}
