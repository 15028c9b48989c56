package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.sandbox.index.IndexedTrace;
import java.util.Collection;
import java.util.function.Predicate;

/** The X-Ray domain as the read API needs it, implemented on top of the {@code xray} and {@code filter} packages. */
public interface TraceDomain {
    /** Compiles a filter expression; a bad one is an InvalidRequestException saying where. */
    Predicate<IndexedTrace> compileFilter(String expression);

    /** Canonical form of a trace id, or null if it is not one. */
    String canonicalTraceId(String id);

    /** The complete TraceSummary JSON of a stored trace, or null if unknown. */
    ObjectNode summary(String traceId);

    /** The BatchGetTraces Trace JSON (processed documents), or null if unknown. */
    ObjectNode processedTrace(String traceId);

    /** GetTraceGraph Services of the given (known, canonical) traces. */
    ArrayNode traceGraph(Collection<String> traceIds);

    /** GetServiceGraph {Services, ContainsOldGroupVersions} over a window, optionally for one group (null = all). */
    ObjectNode serviceGraph(double start, double end, String groupName);

    /** GetTimeSeriesServiceStatistics {TimeSeriesServiceStatistics, ContainsOldGroupVersions}. */
    ObjectNode timeSeries(double start, double end, int period, String entitySelector, String groupName);
}
