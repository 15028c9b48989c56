package dev.tracedesk.explore.traces;

import java.util.List;

/** The services of one trace and the calls between them (GetTraceGraph), for the trace's mini map. */
public record TraceGraphView(List<Node> nodes, List<Edge> edges) {

    public record Node(int ref, String name, String type, boolean root, boolean fault, boolean error) {
    }

    public record Edge(int from, int to) {
    }

    public TraceGraphView {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
