package dev.tracedesk.explore.map;

import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.graph.Histogram;
import java.util.List;
import java.util.Objects;

/**
 * One service-map node. {@code stats} is {@link MapStats#EMPTY} for client nodes, which the API reports without
 * statistics; {@code responseTimes} is the node's ResponseTimeHistogram.
 */
public record MapNode(ServiceId id, List<String> names, boolean root, MapStats stats, Histogram responseTimes) {

    public MapNode {
        Objects.requireNonNull(id, "id");
        names = List.copyOf(names);
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(responseTimes, "responseTimes");
    }

    public String name() {
        return id.name();
    }

    public String type() {
        return id.type();
    }

    public NodeKind kind() {
        return NodeKind.of(id.type());
    }
}
