package dev.tracedesk.explore.map;

import dev.tracedesk.xray.graph.Histogram;
import java.util.Objects;

/** A call edge between two nodes of a {@link ServiceMap}, by their indexes in {@link ServiceMap#nodes()}. */
public record MapEdge(int source, int target, MapStats stats, Histogram responseTimes) {
    public MapEdge {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(responseTimes, "responseTimes");
    }
}
