package dev.tracedesk.xray.graph;

import dev.tracedesk.xray.Outcome;
import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.trace.CallGraph;
import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a service graph incrementally (spec §6): {@link #add(Trace)} traces, {@link #merge} other aggregates (per-minute
 * buckets), then {@link #build}. Every part is a sum, min, max or union, so merging aggregates equals aggregating the
 * union of their traces, in any order.
 *
 * <p>Node statistics come from a node's own segments (real nodes) or from the caller subsegments standing for it
 * (inferred nodes); edge statistics from the caller side of each call; in-progress entities are not counted. Not
 * thread-safe.
 */
public final class ServiceGraphAggregator {
    private final Map<ServiceId, NodeAgg> nodes = new HashMap<>();
    private long traceCount;

    /** Adds one assembled trace. */
    public ServiceGraphAggregator add(Trace trace) {
        traceCount++;
        CallGraph g = trace.callGraph();
        double traceDuration = trace.duration();
        for (CallGraph.Node n : g.nodes()) {
            NodeAgg agg = node(n.id());
            agg.kind = stronger(agg.kind, n.kind());
            agg.root |= n.root();
            for (Segment s : n.segments()) {
                agg.start = Math.min(agg.start, s.startTime());
                if (!s.isComplete()) {
                    continue;
                }
                agg.end = Math.max(agg.end, s.endTime());
                double rt = s.duration();
                agg.stats.add(Outcome.of(s), rt);
                agg.responseTimes.add(rt);
                boolean isRoot = n.kind() == CallGraph.Kind.REAL && isRoot(trace, s);
                agg.durations.add(isRoot && !Double.isNaN(traceDuration) ? traceDuration : rt);
            }
        }
        for (CallGraph.Call c : g.calls()) {
            Segment via = c.via();
            if (!via.isComplete()) {
                continue;
            }
            NodeAgg from = node(c.from());
            EdgeAgg e = from.edges.computeIfAbsent(c.to(), k -> new EdgeAgg());
            e.start = Math.min(e.start, via.startTime());
            e.end = Math.max(e.end, via.endTime());
            e.stats.add(Outcome.of(via), via.duration());
            e.responseTimes.add(via.duration());
            if (via != c.callee() && via.name() != null && !via.name().equals(c.to().name())) {
                e.aliases.add(via.name());
            }
            if (from.kind == CallGraph.Kind.CLIENT) {
                from.start = Math.min(from.start, via.startTime());
                from.end = Math.max(from.end, via.endTime());
            }
        }
        return this;
    }

    /** Adds everything another aggregate holds (the other is not changed). */
    public ServiceGraphAggregator merge(ServiceGraphAggregator other) {
        traceCount += other.traceCount;
        other.nodes.forEach((id, o) -> node(id).merge(o));
        return this;
    }

    public long traceCount() {
        return traceCount;
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /**
     * The graph for the window {@code [startTime, endTime]} (epoch seconds, reported as given). ReferenceIds number
     * the nodes in {@link ServiceId} order (name, type, account), from 0.
     */
    public ServiceGraph build(double startTime, double endTime) {
        TreeMap<ServiceId, NodeAgg> sorted = new TreeMap<>(nodes);
        Map<ServiceId, Integer> refs = new HashMap<>();
        int next = 0;
        for (ServiceId id : sorted.keySet()) {
            refs.put(id, next++);
        }
        List<ServiceGraph.Service> services = new ArrayList<>(sorted.size());
        for (Map.Entry<ServiceId, NodeAgg> entry : sorted.entrySet()) {
            ServiceId id = entry.getKey();
            NodeAgg n = entry.getValue();
            List<ServiceGraph.Edge> edges = new ArrayList<>(n.edges.size());
            new TreeMap<>(n.edges).forEach((to, e) -> {
                List<ServiceGraph.Alias> aliases = new ArrayList<>(e.aliases.size());
                for (String a : e.aliases) {
                    aliases.add(new ServiceGraph.Alias(a, List.of(a), to.type()));
                }
                edges.add(new ServiceGraph.Edge(refs.get(to), time(e.start), time(e.end), e.stats.toStatistics(),
                        e.responseTimes.entries(), aliases));
            });
            edges.sort((a, b) -> Integer.compare(a.referenceId(), b.referenceId()));
            boolean client = n.kind == CallGraph.Kind.CLIENT;
            services.add(new ServiceGraph.Service(refs.get(id), id.name(), id.names(), n.root ? Boolean.TRUE : null,
                    id.accountId(), id.type(), n.kind == CallGraph.Kind.REAL ? "active" : "unknown",
                    time(n.start), time(n.end), edges,
                    client ? null : n.stats.toStatistics(),
                    client ? null : n.durations.entries(),
                    client ? null : n.responseTimes.entries()));
        }
        return new ServiceGraph(time(startTime), time(endTime), services, false);
    }

    /**
     * This aggregate as one point of a service's time series (spec §2.6), or empty when the service has no completed
     * requests here. Keep one aggregator per period (e.g. per minute) and merge them for longer periods.
     */
    public java.util.Optional<TimeSeriesPoint> servicePoint(double timestamp, ServiceId service) {
        NodeAgg n = nodes.get(service);
        if (n == null || n.stats.total() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TimeSeriesPoint(timestamp, null, n.stats.toStatistics(),
                n.responseTimes.entries()));
    }

    /** This aggregate as one point of an edge's time series, or empty when the edge carried no completed call. */
    public java.util.Optional<TimeSeriesPoint> edgePoint(double timestamp, ServiceId from, ServiceId to) {
        NodeAgg n = nodes.get(from);
        EdgeAgg e = n == null ? null : n.edges.get(to);
        if (e == null || e.stats.total() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TimeSeriesPoint(timestamp, e.stats.toStatistics(), null,
                e.responseTimes.entries()));
    }

    /** The services present in this aggregate (client nodes included). */
    public java.util.Set<ServiceId> services() {
        return java.util.Collections.unmodifiableSet(nodes.keySet());
    }

    private static boolean isRoot(Trace trace, Segment s) {
        for (Segment r : trace.roots()) {
            if (r == s) {
                return true;
            }
        }
        return false;
    }

    private NodeAgg node(ServiceId id) {
        return nodes.computeIfAbsent(id, k -> new NodeAgg());
    }

    private static Double time(double t) {
        return Double.isNaN(t) || Double.isInfinite(t) ? null : t;
    }

    private static CallGraph.Kind stronger(CallGraph.Kind a, CallGraph.Kind b) {
        if (a == null) {
            return b;
        }
        return a.ordinal() <= b.ordinal() ? a : b; // REAL < INFERRED < CLIENT
    }

    private static final class NodeAgg {
        CallGraph.Kind kind;
        boolean root;
        double start = Double.POSITIVE_INFINITY;
        double end = Double.NEGATIVE_INFINITY;
        final Statistics.Accumulator stats = new Statistics.Accumulator();
        final Histogram responseTimes = new Histogram();
        final Histogram durations = new Histogram();
        final Map<ServiceId, EdgeAgg> edges = new HashMap<>();

        void merge(NodeAgg o) {
            kind = o.kind == null ? kind : stronger(kind, o.kind);
            root |= o.root;
            start = Math.min(start, o.start);
            end = Math.max(end, o.end);
            stats.merge(o.stats);
            responseTimes.merge(o.responseTimes);
            durations.merge(o.durations);
            o.edges.forEach((to, e) -> edges.computeIfAbsent(to, k -> new EdgeAgg()).merge(e));
        }
    }

    private static final class EdgeAgg {
        double start = Double.POSITIVE_INFINITY;
        double end = Double.NEGATIVE_INFINITY;
        final Statistics.Accumulator stats = new Statistics.Accumulator();
        final Histogram responseTimes = new Histogram();
        final TreeSet<String> aliases = new TreeSet<>();

        void merge(EdgeAgg o) {
            start = Math.min(start, o.start);
            end = Math.max(end, o.end);
            stats.merge(o.stats);
            responseTimes.merge(o.responseTimes);
            aliases.addAll(o.aliases);
        }
    }
}
