package dev.tracedesk.ui.trace;

import dev.tracedesk.explore.traces.TraceGraphView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mini map's graph: GetTraceGraph's nodes with each Lambda service node and its function node ({@code AWS::Lambda}
 * → {@code AWS::Lambda::Function} of the same name) merged into one, as the big map pairs them, and short labels: the
 * name prefix every service shares (the shop's {@code AMIS_}) left out, the client called "client" (GetTraceGraph
 * names it after the service it calls). The full name stays for the tooltip.
 */
record MiniGraph(List<Node> nodes, List<TraceGraphView.Edge> edges) {

    /** {@code ref} is the kept GetTraceGraph node's ref; the label is short, the name full. */
    record Node(int ref, String name, String label, String type, boolean root, boolean fault, boolean error) {
    }

    static MiniGraph of(TraceGraphView g) {
        Map<Integer, TraceGraphView.Node> byRef = new HashMap<>();
        g.nodes().forEach(n -> byRef.put(n.ref(), n));
        // function ref -> the Lambda service ref it merges into
        Map<Integer, Integer> mergedInto = new HashMap<>();
        for (TraceGraphView.Edge e : g.edges()) {
            TraceGraphView.Node from = byRef.get(e.from());
            TraceGraphView.Node to = byRef.get(e.to());
            if (from != null && to != null && "AWS::Lambda".equals(from.type())
                    && "AWS::Lambda::Function".equals(to.type()) && from.name() != null
                    && from.name().equals(to.name()) && !mergedInto.containsKey(to.ref())) {
                mergedInto.put(to.ref(), from.ref());
            }
        }
        Map<Integer, boolean[]> status = new HashMap<>();
        for (TraceGraphView.Node n : g.nodes()) {
            int into = mergedInto.getOrDefault(n.ref(), n.ref());
            boolean[] s = status.computeIfAbsent(into, k -> new boolean[2]);
            s[0] |= n.fault();
            s[1] |= n.error();
        }
        int prefix = sharedPrefix(g.nodes());
        List<Node> nodes = new ArrayList<>();
        for (TraceGraphView.Node n : g.nodes()) {
            if (mergedInto.containsKey(n.ref())) {
                continue;
            }
            boolean[] s = status.get(n.ref());
            String name = n.name() == null ? "?" : n.name();
            String label = isClient(n.type()) ? "client" : prefix > 0 && name.length() > prefix
                    ? name.substring(prefix) : name;
            nodes.add(new Node(n.ref(), name, label, n.type(), n.root(), s[0], s[1]));
        }
        Set<TraceGraphView.Edge> edges = new LinkedHashSet<>();
        for (TraceGraphView.Edge e : g.edges()) {
            int from = mergedInto.getOrDefault(e.from(), e.from());
            int to = mergedInto.getOrDefault(e.to(), e.to());
            if (from != to) {
                edges.add(new TraceGraphView.Edge(from, to));
            }
        }
        return new MiniGraph(nodes, new ArrayList<>(edges));
    }

    /**
     * How many leading characters to leave out of every name: the word(s) every named service (clients aside) starts
     * with, and the separator ({@code _ - / .}) that follows them in each name, when there are at least two; else 0.
     * The shop's {@code AMIS_shop_accept} and its table {@code AMIS-shop} share {@code AMIS}.
     */
    static int sharedPrefix(List<TraceGraphView.Node> nodes) {
        List<String> names = nodes.stream().filter(n -> n.name() != null && !isClient(n.type()))
                .map(TraceGraphView.Node::name).distinct().toList();
        if (names.size() < 2) {
            return 0;
        }
        String first = names.get(0);
        int common = first.length();
        for (String n : names) {
            int i = 0;
            while (i < Math.min(common, n.length()) && first.charAt(i) == n.charAt(i)) {
                i++;
            }
            common = i;
        }
        for (int k = common; k > 0; k--) {
            final int at = k;
            if (names.stream().allMatch(n -> n.length() > at + 1 && "_-/.".indexOf(n.charAt(at)) >= 0)) {
                return k + 1;
            }
        }
        return 0;
    }

    static boolean isClient(String type) {
        return "client".equalsIgnoreCase(type);
    }

    /** The graph as GetTraceGraph-shaped view, for the depth walk. */
    TraceGraphView asView() {
        return new TraceGraphView(nodes.stream().map(n -> new TraceGraphView.Node(n.ref(), n.name(), n.type(), n.root(),
                n.fault(), n.error())).toList(), edges);
    }
}
