package dev.tracedesk.ui.map;

import dev.tracedesk.explore.map.MapStats;
import dev.tracedesk.xray.graph.Histogram;

/**
 * The side panel's content for a selected node or edge.
 *
 * @param title      the node's name, or "source → target"
 * @param kind       the node kind's label, or "Edge"
 * @param type       the X-Ray type (may be null)
 * @param perMinute  calls per minute over the window
 * @param p50        median response time in seconds (NaN without data), likewise p90 and p99
 */
public record SelectionDetails(String title, String kind, String type, MapStats stats, double perMinute, double p50,
                               double p90, double p99, Histogram responseTimes) {
}
