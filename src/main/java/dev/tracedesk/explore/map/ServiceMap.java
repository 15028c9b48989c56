package dev.tracedesk.explore.map;

import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.graph.Histogram;
import dev.tracedesk.xray.graph.HistogramEntry;
import dev.tracedesk.xray.graph.ServiceGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A service map ready to lay out: nodes sorted by {@link ServiceId} (so the same services always come in the same
 * order, which keeps the layout stable), edges sorted by source then target.
 *
 * @param tracesUsed for a filtered map, how many traces it was built from; -1 for a GetServiceGraph map
 * @param truncated  a filtered map stopped at the trace cap, so it covers only the newest traces
 */
public record ServiceMap(Instant from, Instant to, List<MapNode> nodes, List<MapEdge> edges,
                         boolean containsOldGroupVersions, int tracesUsed, boolean truncated) {

    public ServiceMap {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    public double seconds() {
        return Math.max(0, (to.toEpochMilli() - from.toEpochMilli()) / 1000.0);
    }

    /** Index of the node with this name and type, or -1. */
    public int indexOf(String name, String type) {
        for (int i = 0; i < nodes.size(); i++) {
            MapNode n = nodes.get(i);
            if (n.name().equals(name) && Objects.equals(n.type(), type)) {
                return i;
            }
        }
        return -1;
    }

    public int indexOf(ServiceId id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the edge source → target, or -1. */
    public int edgeIndex(int source, int target) {
        for (int i = 0; i < edges.size(); i++) {
            MapEdge e = edges.get(i);
            if (e.source() == source && e.target() == target) {
                return i;
            }
        }
        return -1;
    }

    /** The map of the xray domain's graph (what the sandbox and the tests compute) over [from, to]. */
    public static ServiceMap of(ServiceGraph graph, Instant from, Instant to) {
        Builder b = new Builder();
        Builder.Scope scope = b.scope();
        for (ServiceGraph.Service s : graph.services()) {
            scope.service(s.referenceId(), s.id(), s.names(), Boolean.TRUE.equals(s.root()),
                    MapStats.of(s.summaryStatistics()), histogram(s.responseTimeHistogram()));
            for (ServiceGraph.Edge e : s.edges()) {
                scope.edge(s.referenceId(), e.referenceId(), MapStats.of(e.summaryStatistics()),
                        histogram(e.responseTimeHistogram()));
            }
        }
        return b.build(from, to, graph.containsOldGroupVersions(), -1, false);
    }

    static Histogram histogram(List<HistogramEntry> entries) {
        Histogram h = new Histogram();
        if (entries != null) {
            entries.forEach(e -> h.add(e.value(), e.count()));
        }
        return h;
    }

    /**
     * Merges graphs into one map. Each {@link Scope} is one numbering of ReferenceIds (all pages of one
     * GetServiceGraph call, or one GetTraceGraph response); nodes are matched across scopes by (name, type, account),
     * and statistics and histograms of the same node or edge are summed.
     */
    public static final class Builder {
        private final Map<ServiceId, NodeAcc> nodes = new HashMap<>();
        private final Map<Long, EdgeAcc> edges = new LinkedHashMap<>();
        private final List<Scope> scopes = new ArrayList<>();

        public Scope scope() {
            Scope s = new Scope();
            scopes.add(s);
            return s;
        }

        /** One ReferenceId numbering. Edges may name services added later in the same scope. */
        public final class Scope {
            private final Map<Integer, ServiceId> byRef = new HashMap<>();
            private final List<PendingEdge> pending = new ArrayList<>();

            public void service(int referenceId, ServiceId id, List<String> names, boolean root, MapStats stats,
                    Histogram responseTimes) {
                byRef.put(referenceId, id);
                NodeAcc acc = nodes.computeIfAbsent(id, k -> new NodeAcc());
                if (names != null) {
                    names.forEach(acc.names::add);
                }
                acc.names.add(id.name());
                acc.root |= root;
                acc.stats = acc.stats.plus(stats);
                acc.histogram.merge(responseTimes);
            }

            public void edge(int sourceRef, int targetRef, MapStats stats, Histogram responseTimes) {
                pending.add(new PendingEdge(sourceRef, targetRef, stats, responseTimes));
            }
        }

        private record PendingEdge(int source, int target, MapStats stats, Histogram histogram) {}

        private static final class NodeAcc {
            final java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
            boolean root;
            MapStats stats = MapStats.EMPTY;
            final Histogram histogram = new Histogram();
        }

        private static final class EdgeAcc {
            final ServiceId source;
            final ServiceId target;
            MapStats stats = MapStats.EMPTY;
            final Histogram histogram = new Histogram();

            EdgeAcc(ServiceId source, ServiceId target) {
                this.source = source;
                this.target = target;
            }
        }

        public ServiceMap build(Instant from, Instant to, boolean oldGroupVersions, int tracesUsed, boolean truncated) {
            List<ServiceId> ids = new ArrayList<>(nodes.keySet());
            ids.sort(null);
            Map<ServiceId, Integer> index = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                index.put(ids.get(i), i);
            }
            for (Scope scope : scopes) {
                for (PendingEdge p : scope.pending) {
                    ServiceId s = scope.byRef.get(p.source);
                    ServiceId t = scope.byRef.get(p.target);
                    if (s == null || t == null) {
                        continue; // an edge to a service the response did not list: nothing to draw it to
                    }
                    long key = ((long) index.get(s) << 32) | index.get(t);
                    EdgeAcc acc = edges.computeIfAbsent(key, k -> new EdgeAcc(s, t));
                    acc.stats = acc.stats.plus(p.stats);
                    acc.histogram.merge(p.histogram);
                }
                scope.pending.clear();
            }
            List<MapNode> nodeList = new ArrayList<>(ids.size());
            for (ServiceId id : ids) {
                NodeAcc acc = nodes.get(id);
                nodeList.add(new MapNode(id, List.copyOf(acc.names), acc.root, acc.stats, acc.histogram));
            }
            TreeMap<Long, EdgeAcc> sorted = new TreeMap<>(edges);
            List<MapEdge> edgeList = new ArrayList<>(sorted.size());
            sorted.values().forEach(e -> edgeList.add(
                    new MapEdge(index.get(e.source), index.get(e.target), e.stats, e.histogram)));
            return new ServiceMap(from, to, nodeList, edgeList, oldGroupVersions, tracesUsed, truncated);
        }
    }
}
