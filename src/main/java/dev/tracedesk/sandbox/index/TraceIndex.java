package dev.tracedesk.sandbox.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * In-memory index of every stored trace, bucketed by the second embedded in the trace id, so that a query over a
 * window visits only its buckets and walks them newest first without sorting. One writer thread adds and updates;
 * any number of API threads read concurrently (bucket contents are published as immutable snapshots).
 */
public final class TraceIndex {
    private final Map<String, IndexedTrace> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, Bucket> buckets = new ConcurrentSkipListMap<>();
    private long nextSeq;

    /** Append-only array of traces with the same id second, in arrival (seq) order. */
    static final class Bucket {
        private record Snapshot(IndexedTrace[] items, int size) {}

        private volatile Snapshot snapshot = new Snapshot(new IndexedTrace[4], 0);

        void append(IndexedTrace t) {
            Snapshot s = snapshot;
            IndexedTrace[] items = s.items;
            if (s.size == items.length) items = Arrays.copyOf(items, items.length * 2);
            items[s.size] = t;
            snapshot = new Snapshot(items, s.size + 1);
        }

        void removeIf(java.util.function.Predicate<IndexedTrace> gone) {
            Snapshot s = snapshot;
            IndexedTrace[] kept = new IndexedTrace[Math.max(4, s.size)];
            int n = 0;
            for (int i = 0; i < s.size; i++) if (!gone.test(s.items[i])) kept[n++] = s.items[i];
            snapshot = new Snapshot(kept, n);
        }

        int size() { return snapshot.size; }

        void sortBySeq() {
            Snapshot s = snapshot;
            IndexedTrace[] items = Arrays.copyOf(s.items, s.items.length);
            Arrays.sort(items, 0, s.size, java.util.Comparator.comparingLong(IndexedTrace::seq));
            snapshot = new Snapshot(items, s.size);
        }

        /** Visits traces newest first, starting below {@code beforeSeq}; stops when the visitor returns false. */
        boolean visitNewestFirst(long beforeSeq, java.util.function.Predicate<IndexedTrace> visitor) {
            Snapshot s = snapshot;
            int i = s.size - 1;
            if (beforeSeq != Long.MAX_VALUE) {
                int lo = 0, hi = s.size - 1, found = -1;
                while (lo <= hi) { // last index whose seq < beforeSeq
                    int mid = (lo + hi) >>> 1;
                    if (s.items[mid].seq() < beforeSeq) { found = mid; lo = mid + 1; } else hi = mid - 1;
                }
                i = found;
            }
            for (; i >= 0; i--) if (!visitor.test(s.items[i])) return false;
            return true;
        }
    }

    /** Adds a new trace or updates a known one (writer thread only). */
    public IndexedTrace put(String traceId, long idTime, IndexedTrace.State state) {
        IndexedTrace t = byId.get(traceId);
        if (t != null) {
            t.update(state);
            return t;
        }
        t = new IndexedTrace(traceId, idTime, nextSeq++, state);
        buckets.computeIfAbsent(idTime, k -> new Bucket()).append(t);
        byId.put(traceId, t);
        return t;
    }

    /**
     * Adds a trace during the start-up rebuild with its original arrival order {@code seq} (writer thread, before
     * any query); traces may come in any order: {@link #finishRebuild} restores each bucket's order.
     */
    public IndexedTrace putRebuilt(String traceId, long idTime, long seq, IndexedTrace.State state) {
        IndexedTrace t = new IndexedTrace(traceId, idTime, seq, state);
        buckets.computeIfAbsent(idTime, k -> new Bucket()).append(t);
        byId.put(traceId, t);
        nextSeq = Math.max(nextSeq, seq + 1);
        return t;
    }

    /** Sorts every bucket by arrival after {@link #putRebuilt}. */
    public void finishRebuild() {
        for (Bucket b : buckets.values()) b.sortBySeq();
    }

    public IndexedTrace get(String traceId) { return byId.get(traceId); }

    public int size() { return byId.size(); }

    /** Drops traces removed from the store by retention (writer thread only). */
    public void removeAll(Collection<String> traceIds) {
        List<IndexedTrace> gone = new ArrayList<>();
        for (String id : traceIds) {
            IndexedTrace t = byId.remove(id);
            if (t != null) gone.add(t);
        }
        java.util.Set<Long> touched = new java.util.HashSet<>();
        gone.forEach(t -> touched.add(t.idTime()));
        for (Long sec : touched) {
            Bucket b = buckets.get(sec);
            if (b == null) continue;
            b.removeIf(t -> !byId.containsKey(t.id()) || byId.get(t.id()) != t);
            if (b.size() == 0) buckets.remove(sec, b);
        }
    }

    /** Position to resume a newest-first walk: strictly older than (idTime, seq). */
    public record Cursor(long idTime, long seq) {}

    /**
     * Walks traces whose id second lies in [fromSecond, toSecond], newest first (id second descending, then arrival
     * descending), starting after {@code cursor} (null = from the newest); stops when the visitor returns false.
     */
    public void walkByIdTime(long fromSecond, long toSecond, Cursor cursor,
                             java.util.function.Predicate<IndexedTrace> visitor) {
        long top = toSecond;
        if (cursor != null) top = Math.min(top, cursor.idTime());
        if (top < fromSecond) return;
        NavigableMap<Long, Bucket> range = buckets.subMap(fromSecond, true, top, true).descendingMap();
        for (Map.Entry<Long, Bucket> e : range.entrySet()) {
            long before = cursor != null && e.getKey() == cursor.idTime() ? cursor.seq() : Long.MAX_VALUE;
            if (!e.getValue().visitNewestFirst(before, visitor)) return;
        }
    }

    /** The traces whose id second is {@code second}, in arrival order. */
    public List<IndexedTrace> tracesOfSecond(long second) {
        Bucket b = buckets.get(second);
        List<IndexedTrace> out = new ArrayList<>();
        if (b != null) b.visitNewestFirst(Long.MAX_VALUE, t -> out.add(t));
        return out;
    }

    /** Every trace, in no particular order. */
    public void forEach(Consumer<IndexedTrace> action) {
        byId.values().forEach(action);
    }
}
