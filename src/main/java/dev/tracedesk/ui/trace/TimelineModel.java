package dev.tracedesk.ui.trace;

import dev.tracedesk.xray.Outcome;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.trace.LambdaPhases;
import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a trace timeline: every segment and subsegment, nested the way the X-Ray console nests them (a
 * segment under the subsegment that called it), in start order, as flat arrays so a 100,000-segment trace costs no
 * node and no per-row object beyond its {@link Segment}. Times are seconds after the trace start. Holds the
 * collapse and find state and computes the visible rows; pure model, no JavaFX, so the benchmark and tests use it
 * directly. Not thread-safe: built on a worker, then used on the FX thread only.
 */
public final class TimelineModel {

    private final Trace trace;
    private final double origin;
    private final double span;
    private final Segment[] segments;
    private final String[] services;
    private final int[] depth;
    private final int[] parent;
    private final int[] subtreeEnd; // exclusive: rows (i, subtreeEnd[i]) are i's descendants
    private final double[] start;
    private final double[] end;
    private final Outcome[] outcome;
    private final BitSet topLevel = new BitSet();
    private final BitSet coldStart = new BitSet();
    private final BitSet async = new BitSet();
    private final BitSet critical = new BitSet();
    private double[] reach; // latest end in each row's subtree: async callees outlive their callers
    private final BitSet collapsed = new BitSet();
    private final BitSet matches = new BitSet();
    private String find = "";
    private boolean hideNonMatching;
    private int[] visible;

    private TimelineModel(Trace trace, List<Entry> rows, double origin, double span) {
        this.trace = trace;
        this.origin = origin;
        this.span = span;
        int n = rows.size();
        segments = new Segment[n];
        services = new String[n];
        depth = new int[n];
        parent = new int[n];
        subtreeEnd = new int[n];
        start = new double[n];
        end = new double[n];
        outcome = new Outcome[n];
        for (int i = 0; i < n; i++) {
            Entry e = rows.get(i);
            segments[i] = e.segment;
            services[i] = e.service;
            depth[i] = e.depth;
            parent[i] = e.parent;
            start[i] = e.segment.startTime() - origin;
            end[i] = (e.segment.hasEndTime() ? e.segment.endTime() : e.segment.startTime()) - origin;
            outcome[i] = Outcome.of(e.segment);
            if (e.topLevel) {
                topLevel.set(i);
            }
            if (LambdaPhases.isColdStart(e.segment)) {
                coldStart.set(i);
            }
            if (e.async) {
                async.set(i);
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            subtreeEnd[i] = Math.max(subtreeEnd[i], i + 1);
            if (parent[i] >= 0) {
                subtreeEnd[parent[i]] = Math.max(subtreeEnd[parent[i]], subtreeEnd[i]);
            }
        }
        markCriticalPath();
        recompute();
    }

    /** Lays out {@code trace} (linear in its size apart from sorting siblings by start). */
    public static TimelineModel of(Trace trace) {
        List<Entry> rows = new ArrayList<>();
        double origin = Double.MAX_VALUE;
        double last = -Double.MAX_VALUE;
        for (Segment s : trace.segments()) {
            origin = Math.min(origin, s.startTime());
            last = Math.max(last, s.hasEndTime() ? s.endTime() : s.startTime());
        }
        if (trace.segments().isEmpty()) {
            origin = 0;
            last = 0;
        }
        // Roots first, then every segment whose caller is not in the trace (orphan chains), so nothing is lost.
        BitSet placed = new BitSet();
        List<Segment> all = trace.segments();
        java.util.IdentityHashMap<Segment, Integer> index = new java.util.IdentityHashMap<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            index.put(all.get(i), i);
        }
        for (Segment root : trace.roots()) {
            add(trace, rows, root, -1, 0, null, true, placed, index);
        }
        for (Segment s : all) {
            if (!placed.get(index.get(s))) {
                add(trace, rows, s, -1, 0, null, true, placed, index);
            }
        }
        double span = Math.max(last - origin, 1e-6);
        return new TimelineModel(trace, rows, origin, span);
    }

    private record Entry(Segment segment, String service, int depth, int parent, boolean topLevel, boolean async) {
    }

    private static final Comparator<Segment> BY_START = Comparator.comparingDouble(Segment::startTime)
            .thenComparing(s -> s.id() == null ? "" : s.id());

    /** Iterative would be faster for pathological depth; X-Ray nesting stays shallow, and depth is bounded below. */
    private static void add(Trace trace, List<Entry> rows, Segment s, int parent, int depth, Segment caller,
            boolean topLevel, BitSet placed, java.util.IdentityHashMap<Segment, Integer> index) {
        if (topLevel) {
            Integer i = index.get(s);
            if (i != null) {
                if (placed.get(i)) {
                    return;
                }
                placed.set(i);
            }
        }
        String service = topLevel ? s.name() : rows.get(parent).service;
        boolean async = topLevel && caller != null && caller.hasEndTime() && s.hasEndTime()
                && s.endTime() > caller.endTime() + 1e-6;
        int me = rows.size();
        rows.add(new Entry(s, service, Math.min(depth, 200), parent, topLevel, async));
        List<Object[]> children = new ArrayList<>();
        for (Segment sub : s.subsegments()) {
            children.add(new Object[] {sub, Boolean.FALSE});
        }
        if (s.id() != null) {
            for (Segment callee : trace.segmentsWithParent(s.id())) {
                children.add(new Object[] {callee, Boolean.TRUE});
            }
        }
        children.sort((a, b) -> BY_START.compare((Segment) a[0], (Segment) b[0]));
        for (Object[] c : children) {
            add(trace, rows, (Segment) c[0], me, depth + 1, s, (Boolean) c[1], placed, index);
        }
    }

    /**
     * Marks the critical path: from each root, the child whose work (async callees included) finished last, then the
     * sibling that finished latest before it started, and so on, recursively: the chain that decided when the trace
     * finished.
     */
    private void markCriticalPath() {
        int n = segments.length;
        reach = end.clone();
        for (int i = n - 1; i >= 0; i--) {
            if (parent[i] >= 0) {
                reach[parent[i]] = Math.max(reach[parent[i]], reach[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (parent[i] < 0) {
                markCritical(i);
            }
        }
    }

    private void markCritical(int root) {
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            int row = stack.pop();
            critical.set(row);
            List<Integer> children = children(row);
            double limit = reach[row] + 1e-9;
            children.sort(Comparator.comparingDouble((Integer c) -> reach[c]).reversed());
            for (int c : children) {
                if (reach[c] <= limit) {
                    stack.push(c);
                    limit = start[c] + 1e-9;
                }
            }
        }
    }

    /** Direct children of a row, in row order. */
    public List<Integer> children(int row) {
        List<Integer> out = new ArrayList<>();
        int i = row + 1;
        while (i < subtreeEnd[row]) {
            out.add(i);
            i = subtreeEnd[i];
        }
        return out;
    }

    // ~ visible rows

    private void recompute() {
        int n = segments.length;
        int[] out = new int[n];
        int count = 0;
        BitSet keep = null;
        if (hideNonMatching && !find.isEmpty()) {
            keep = new BitSet(n);
            for (int m = matches.nextSetBit(0); m >= 0; m = matches.nextSetBit(m + 1)) {
                for (int a = m; a >= 0 && !keep.get(a); a = parent[a]) {
                    keep.set(a);
                }
            }
        }
        int i = 0;
        while (i < n) {
            if (keep != null && !keep.get(i)) {
                i++;
                continue;
            }
            out[count++] = i;
            i = collapsed.get(i) ? subtreeEnd[i] : i + 1;
        }
        visible = Arrays.copyOf(out, count);
    }

    /** Row indexes shown, top to bottom. */
    public int[] visibleRows() {
        return visible;
    }

    public int visibleCount() {
        return visible.length;
    }

    /** Position of {@code row} among the visible rows, or -1. */
    public int visibleIndexOf(int row) {
        int at = Arrays.binarySearch(visible, row);
        return at >= 0 ? at : -1;
    }

    public boolean hasChildren(int row) {
        return subtreeEnd[row] > row + 1;
    }

    public boolean isCollapsed(int row) {
        return collapsed.get(row);
    }

    public void setCollapsed(int row, boolean value) {
        if (hasChildren(row)) {
            collapsed.set(row, value);
            recompute();
        }
    }

    public void toggle(int row) {
        setCollapsed(row, !collapsed.get(row));
    }

    public void expandAll() {
        collapsed.clear();
        recompute();
    }

    /** Collapses every row with children below the top-level segments (segments stay open). */
    public void collapseAll() {
        for (int i = 0; i < segments.length; i++) {
            if (hasChildren(i) && !topLevel.get(i)) {
                collapsed.set(i);
            }
        }
        recompute();
    }

    /** Collapses (or expands) the segments of one service. */
    public void collapseService(String service, boolean value) {
        for (int i = topLevel.nextSetBit(0); i >= 0; i = topLevel.nextSetBit(i + 1)) {
            if (service.equals(services[i]) && hasChildren(i)) {
                collapsed.set(i, value);
            }
        }
        recompute();
    }

    /** Services of the trace in order of first appearance. */
    public List<String> serviceNames() {
        List<String> out = new ArrayList<>();
        for (int i = topLevel.nextSetBit(0); i >= 0; i = topLevel.nextSetBit(i + 1)) {
            if (!out.contains(services[i])) {
                out.add(services[i]);
            }
        }
        return out;
    }

    /**
     * Highlights rows whose name, service, id, namespace or annotation values contain {@code text} (case-insensitive);
     * ancestors of matches open so every match can be seen. Returns the number of matches.
     */
    public int find(String text, boolean hideOthers) {
        find = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        hideNonMatching = hideOthers;
        matches.clear();
        if (!find.isEmpty()) {
            for (int i = 0; i < segments.length; i++) {
                if (matchesFind(i)) {
                    matches.set(i);
                    for (int a = parent[i]; a >= 0; a = parent[a]) {
                        collapsed.clear(a);
                    }
                }
            }
        }
        recompute();
        return matches.cardinality();
    }

    private boolean matchesFind(int i) {
        Segment s = segments[i];
        if (contains(s.name()) || contains(services[i]) || contains(s.id()) || contains(s.namespace())
                || contains(s.origin())) {
            return true;
        }
        for (var e : s.annotations().entrySet()) {
            if (contains(e.getKey()) || contains(String.valueOf(e.getValue().raw()))) {
                return true;
            }
        }
        return s.aws() != null && contains(s.aws().toString());
    }

    private boolean contains(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(find);
    }

    public boolean isMatch(int row) {
        return matches.get(row);
    }

    public boolean hasFind() {
        return !find.isEmpty();
    }

    // ~ rows

    public int rowCount() {
        return segments.length;
    }

    public Trace trace() {
        return trace;
    }

    /** Epoch seconds of time 0. */
    public double origin() {
        return origin;
    }

    /** Seconds from the first start to the last end (at least 1 µs). */
    public double span() {
        return span;
    }

    public Segment segment(int row) {
        return segments[row];
    }

    public String service(int row) {
        return services[row];
    }

    public int depth(int row) {
        return depth[row];
    }

    public int parent(int row) {
        return parent[row];
    }

    public double start(int row) {
        return start[row];
    }

    public double end(int row) {
        return end[row];
    }

    public Outcome outcome(int row) {
        return outcome[row];
    }

    /** A top-level segment (as opposed to a subsegment). */
    public boolean isSegment(int row) {
        return topLevel.get(row);
    }

    /** A function segment that had to initialise first. */
    public boolean isColdStart(int row) {
        return coldStart.get(row);
    }

    /** A segment that outlived its caller: an asynchronous hop such as SNS → function. */
    public boolean isAsync(int row) {
        return async.get(row);
    }

    public boolean isCritical(int row) {
        return critical.get(row);
    }

    /** The first row whose segment or subsegment has this id, or -1. */
    public int rowOf(String id) {
        for (int i = 0; i < segments.length; i++) {
            if (id.equals(segments[i].id())) {
                return i;
            }
        }
        return -1;
    }

    /** The first row with this name (case-insensitive), or -1. */
    public int rowNamed(String name) {
        for (int i = 0; i < segments.length; i++) {
            if (name.equalsIgnoreCase(segments[i].name())) {
                return i;
            }
        }
        return -1;
    }
}
