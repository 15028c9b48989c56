package dev.tracedesk.sandbox.index;

import dev.tracedesk.xray.graph.ServiceGraphAggregator;
import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service-graph aggregates per second of trace-id time, so GetServiceGraph over a million traces merges a few
 * thousand aggregates instead of visiting traces. A trace is folded into its second once it has been quiet for
 * {@link #SETTLE_MS}; until then it is "pending" and queries add it live. A trace that changes after being folded
 * marks its second dirty, and the second is rebuilt from the store (late segments are rare).
 *
 * <p>Group filters are evaluated when a trace is folded (as AWS does at ingest), into one aggregate per group and
 * expression version; a query for a group whose expression changed reports {@code ContainsOldGroupVersions}.
 * Writer-thread methods: {@link #updated}, {@link #settle}; query methods are thread-safe.
 */
public final class GraphIndex {
    private static final Logger LOG = LoggerFactory.getLogger(GraphIndex.class);
    static final long SETTLE_MS = 1500;

    /** A group's current filter: {@code key} identifies name and expression version. */
    public record GroupFilter(String name, String key, Predicate<IndexedTrace> matches) {}

    private static final class Bucket {
        final ServiceGraphAggregator all = new ServiceGraphAggregator();
        final Map<String, ServiceGraphAggregator> byGroupKey = new HashMap<>();
        final Map<String, Set<String>> keysByGroup = new HashMap<>();
        boolean dirty;
    }

    private record Pending(IndexedTrace indexed, Trace trace) {}

    private final TraceIndex index;
    private final Function<String, Trace> loader;
    private final ConcurrentSkipListMap<Long, Bucket> buckets = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    /** Writer thread only: pending trace ids in order of last update. */
    private final LinkedHashMap<String, Long> pendingOrder = new LinkedHashMap<>();
    /**
     * Aggregates of whole hours, ten minutes and minutes, built on demand from the next finer level, so a window
     * merges at most a few dozen aggregates however long it is. Never mutated once cached; a change to any second
     * bumps the version of the blocks holding it and drops them.
     */
    private static final long[] SPANS = {3600, 600, 60};
    @SuppressWarnings("unchecked")
    private final ConcurrentHashMap<Long, ConcurrentHashMap<String, Merged>>[] blockCache = new ConcurrentHashMap[SPANS.length];
    @SuppressWarnings("unchecked")
    private final ConcurrentHashMap<Long, Long>[] blockVersion = new ConcurrentHashMap[SPANS.length];

    {
        for (int i = 0; i < SPANS.length; i++) {
            blockCache[i] = new ConcurrentHashMap<>();
            blockVersion[i] = new ConcurrentHashMap<>();
        }
    }

    private record Merged(ServiceGraphAggregator aggregate, boolean old) {}

    private void changed(long second) {
        for (int level = 0; level < SPANS.length; level++) {
            long block = Math.floorDiv(second, SPANS[level]) * SPANS[level];
            blockVersion[level].merge(block, 1L, Long::sum);
            blockCache[level].remove(block);
        }
    }

    public GraphIndex(TraceIndex index, Function<String, Trace> loader) {
        this.index = index;
        this.loader = loader;
    }

    /** A trace changed (writer thread). */
    public void updated(IndexedTrace t, Trace trace, long nowMillis) {
        if (t.folded()) {
            Bucket b = buckets.get(t.idTime());
            if (b != null) {
                synchronized (b) {
                    b.dirty = true;
                }
            }
            t.folded(false);
        }
        pending.put(t.id(), new Pending(t, trace));
        pendingOrder.remove(t.id());
        pendingOrder.put(t.id(), nowMillis);
    }

    /** Folds traces quiet for SETTLE_MS (all of them when {@code force}) and rebuilds dirty seconds (writer thread). */
    public void settle(long nowMillis, boolean force, List<GroupFilter> groups) {
        Set<Long> dirty = new HashSet<>();
        buckets.forEach((sec, b) -> {
            synchronized (b) {
                if (b.dirty) dirty.add(sec);
            }
        });
        for (Long sec : dirty) rebuild(sec, groups);
        Iterator<Map.Entry<String, Long>> it = pendingOrder.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Long> e = it.next();
            if (!force && e.getValue() > nowMillis - SETTLE_MS) break;
            it.remove();
            Pending p = pending.get(e.getKey());
            if (p == null) continue;
            fold(p.indexed(), p.trace(), groups);
            pending.remove(e.getKey(), p);
        }
    }

    private void fold(IndexedTrace t, Trace trace, List<GroupFilter> groups) {
        if (index.get(t.id()) != t) return; // evicted meanwhile
        Bucket b = buckets.computeIfAbsent(t.idTime(), k -> new Bucket());
        synchronized (b) {
            add(b, t, trace, groups);
        }
        changed(t.idTime());
        t.folded(true);
    }

    private static void add(Bucket b, IndexedTrace t, Trace trace, List<GroupFilter> groups) {
        b.all.add(trace);
        for (GroupFilter g : groups) {
            if (!g.matches().test(t)) continue;
            b.byGroupKey.computeIfAbsent(g.key(), k -> new ServiceGraphAggregator()).add(trace);
            b.keysByGroup.computeIfAbsent(g.name(), k -> new HashSet<>()).add(g.key());
        }
    }

    private void rebuild(long second, List<GroupFilter> groups) {
        Bucket fresh = new Bucket();
        int n = 0;
        for (IndexedTrace t : index.tracesOfSecond(second)) {
            if (!t.folded()) continue;
            Trace trace = loader.apply(t.id());
            if (trace != null) {
                add(fresh, t, trace, groups);
                n++;
            }
        }
        buckets.put(second, fresh);
        changed(second);
        LOG.debug("rebuilt graph aggregate of second {} from {} traces", second, n);
    }

    /** Drops the contributions of evicted traces (writer thread): their seconds are rebuilt from what is left. */
    public void evicted(Set<Long> seconds, List<GroupFilter> groups) {
        for (Long sec : seconds) {
            if (index.tracesOfSecond(sec).isEmpty()) {
                buckets.remove(sec);
                changed(sec);
            } else {
                rebuild(sec, groups);
            }
        }
    }

    /** The result of a window query. */
    public record Window(ServiceGraphAggregator aggregate, boolean containsOldGroupVersions) {}

    /** Aggregate of traces whose id second lies in [from, to]; restricted to a group when {@code group} is set. */
    public Window aggregate(double from, double to, GroupFilter group) {
        ServiceGraphAggregator out = new ServiceGraphAggregator();
        long first = (long) Math.floor(from);
        long last = (long) Math.floor(to);
        boolean old = mergeRange(out, first, last, group);
        addPending(out, first, last, group);
        return new Window(out, old);
    }

    /** Merges seconds [first, last] into {@code out}: whole hours, ten minutes and minutes from the caches. */
    private boolean mergeRange(ServiceGraphAggregator out, long first, long last, GroupFilter group) {
        return mergeLevel(out, first, last, group, 0);
    }

    private boolean mergeLevel(ServiceGraphAggregator out, long first, long last, GroupFilter group, int level) {
        boolean old = false;
        long span = SPANS[level];
        Long sec = buckets.ceilingKey(first);
        while (sec != null && sec <= last) {
            long block = Math.floorDiv(sec, span) * span;
            long stop = Math.min(last, block + span - 1);
            if (block >= first && block + span - 1 <= last) {
                Merged m = block(level, block, group);
                out.merge(m.aggregate());
                old |= m.old();
            } else if (level + 1 < SPANS.length) {
                old |= mergeLevel(out, sec, stop, group, level + 1);
            } else {
                for (Bucket b : buckets.subMap(sec, true, stop, true).values()) old |= mergeInto(out, b, group);
            }
            sec = buckets.ceilingKey(block + span);
        }
        return old;
    }

    private Merged block(int level, long block, GroupFilter group) {
        String key = group == null ? "*" : group.key();
        ConcurrentHashMap<Long, ConcurrentHashMap<String, Merged>> cache = blockCache[level];
        ConcurrentHashMap<Long, Long> versions = blockVersion[level];
        ConcurrentHashMap<String, Merged> cached = cache.get(block);
        Merged m = cached == null ? null : cached.get(key);
        if (m != null) return m;
        Long version = versions.get(block);
        ServiceGraphAggregator agg = new ServiceGraphAggregator();
        long last = block + SPANS[level] - 1;
        boolean old = false;
        if (level + 1 < SPANS.length) {
            old = mergeLevel(agg, block, last, group, level + 1);
        } else {
            for (Bucket b : buckets.subMap(block, true, last, true).values()) old |= mergeInto(agg, b, group);
        }
        m = new Merged(agg, old);
        if (java.util.Objects.equals(version, versions.get(block))) {
            cache.computeIfAbsent(block, k -> new ConcurrentHashMap<>()).put(key, m);
            if (!java.util.Objects.equals(version, versions.get(block))) cache.remove(block);
        }
        return m;
    }

    private void addPending(ServiceGraphAggregator out, long first, long last, GroupFilter group) {
        for (Pending p : pending.values()) {
            long sec = p.indexed().idTime();
            if (sec >= first && sec <= last && (group == null || group.matches().test(p.indexed()))) out.add(p.trace());
        }
    }

    /** Aggregates per period ({@code floor(t/period)*period}) over [from, to]. */
    public TreeMap<Long, ServiceGraphAggregator> perPeriod(double from, double to, int period, GroupFilter group) {
        TreeMap<Long, ServiceGraphAggregator> out = new TreeMap<>();
        long first = (long) Math.floor(from);
        long last = (long) Math.floor(to);
        Long sec = buckets.ceilingKey(first);
        while (sec != null && sec <= last) {
            long p = Math.floorDiv(sec, period) * period;
            long stop = Math.min(last, p + period - 1);
            ServiceGraphAggregator agg = new ServiceGraphAggregator();
            mergeRange(agg, Math.max(first, p), stop, group);
            if (!agg.isEmpty()) out.put(p, agg);
            sec = buckets.ceilingKey(stop + 1);
        }
        for (Pending pd : pending.values()) {
            long s = pd.indexed().idTime();
            if (s >= first && s <= last && (group == null || group.matches().test(pd.indexed()))) {
                out.computeIfAbsent(Math.floorDiv(s, period) * period, k -> new ServiceGraphAggregator()).add(pd.trace());
            }
        }
        return out;
    }

    private static boolean mergeInto(ServiceGraphAggregator out, Bucket b, GroupFilter group) {
        synchronized (b) {
            if (group == null) {
                out.merge(b.all);
                return false;
            }
            ServiceGraphAggregator g = b.byGroupKey.get(group.key());
            if (g != null) out.merge(g);
            Set<String> keys = b.keysByGroup.get(group.name());
            return keys != null && (keys.size() > 1 || !keys.contains(group.key()));
        }
    }

    public int pendingCount() { return pending.size(); }

    List<Long> seconds() { return new ArrayList<>(buckets.keySet()); }
}
