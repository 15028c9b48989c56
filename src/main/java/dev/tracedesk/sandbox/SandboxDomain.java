package dev.tracedesk.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.filter.CompiledFilter;
import dev.tracedesk.filter.Expr;
import dev.tracedesk.filter.FilterOptions;
import dev.tracedesk.filter.FilterParser;
import dev.tracedesk.filter.FilterSyntaxException;
import dev.tracedesk.filter.TraceFacts;
import dev.tracedesk.filter.TraceFactsBuilder;
import dev.tracedesk.sandbox.api.AwsException;
import dev.tracedesk.sandbox.api.Groups;
import dev.tracedesk.sandbox.api.Json;
import dev.tracedesk.sandbox.api.TraceDomain;
import dev.tracedesk.sandbox.index.GraphIndex;
import dev.tracedesk.sandbox.index.IndexedTrace;
import dev.tracedesk.sandbox.index.TraceIndex;
import dev.tracedesk.sandbox.store.SegmentStore;
import dev.tracedesk.xray.ApiJson;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.graph.HistogramEntry;
import dev.tracedesk.xray.graph.ServiceGraph;
import dev.tracedesk.xray.graph.ServiceGraphAggregator;
import dev.tracedesk.xray.graph.Statistics;
import dev.tracedesk.xray.segment.DecodeResult;
import dev.tracedesk.xray.segment.SegmentCodec;
import dev.tracedesk.xray.summary.TraceSummaries;
import dev.tracedesk.xray.trace.BatchTrace;
import dev.tracedesk.xray.trace.Trace;
import dev.tracedesk.xray.trace.TraceAssembler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The sandbox's use of the {@code xray} and {@code filter} packages: digests for the index (filter facts), and the
 * read API's summaries, processed traces, graphs and time series.
 */
final class SandboxDomain implements TraceDomain {
    private final TraceIndex index;
    private final SegmentStore store;
    private final GraphIndex graphs;
    private volatile Groups groups;
    /**
     * Shares the immutable parts of similar traces' facts. One per thread (the builder is not thread-safe): the index
     * thread, and the start-up rebuild's workers.
     */
    private final ThreadLocal<TraceFactsBuilder> factsBuilder = ThreadLocal.withInitial(TraceFactsBuilder::new);
    private volatile GroupFilters groupFilters = new GroupFilters(Map.of(), List.of());

    private record GroupFilters(Map<String, String> expressions, List<GraphIndex.GroupFilter> filters) {}

    SandboxDomain(TraceIndex index, SegmentStore store) {
        this.index = index;
        this.store = store;
        this.graphs = new GraphIndex(index, this::loadTrace);
    }

    GraphIndex graphs() { return graphs; }

    void groups(Groups g) { this.groups = g; }

    /** What the index keeps of an assembled trace (thread-safe). */
    IndexedTrace.State digest(Trace t) {
        return new IndexedTrace.State(t.startTime(), t.endTime(), t.responseTime(), t.duration(), t.isPartial(),
                t.revision(), factsBuilder.get().build(t), null);
    }

    /** Assembles a stored trace; null if the store does not hold it. */
    Trace loadTrace(String traceId) {
        List<String> docs = store.documents(traceId);
        if (docs.isEmpty()) return null;
        TraceAssembler a = new TraceAssembler(TraceId.of(traceId));
        for (String d : docs) {
            if (SegmentCodec.decode(d) instanceof DecodeResult.Valid v) a.add(v.segment());
        }
        return a.documentCount() == 0 ? null : a.assemble();
    }

    // ------------------------------------------------------------------------------------------ filters and groups

    /** Group filter validation: a bad expression is an InvalidRequestException saying where. */
    void checkFilter(String expression) {
        compiled(expression);
    }

    private CompiledFilter compiled(String expression) {
        Groups g = groups;
        FilterOptions options = g == null ? FilterOptions.DEFAULT : FilterOptions.DEFAULT.withGroups(
                new FilterOptions.GroupResolver() {
                    @Override
                    public String expressionByName(String name) { return g.expressionByName(name); }

                    @Override
                    public String expressionByArn(String arn) { return g.expressionByArn(arn); }
                });
        try {
            return CompiledFilter.compile(expression, options);
        } catch (FilterSyntaxException e) {
            throw AwsException.invalidRequest("Invalid filter expression: " + e.getMessage());
        }
    }

    @Override
    public Predicate<IndexedTrace> compileFilter(String expression) {
        CompiledFilter f = compiled(expression);
        return t -> t.state().facts() instanceof TraceFacts facts && f.matches(facts);
    }

    /** Current compiled filters of all groups (recompiled only when a group's expression changes). */
    List<GraphIndex.GroupFilter> groupFilters() {
        Groups g = groups;
        if (g == null) return List.of();
        Map<String, String> now = g.expressions();
        GroupFilters cached = groupFilters;
        if (cached.expressions().equals(now)) return cached.filters();
        List<GraphIndex.GroupFilter> list = new ArrayList<>();
        now.forEach((name, expr) -> {
            Predicate<IndexedTrace> p;
            try {
                p = expr.isEmpty() ? t -> true : compileFilter(expr);
            } catch (AwsException e) {
                p = t -> false; // an expression that no longer compiles (its group.name target was deleted)
            }
            list.add(new GraphIndex.GroupFilter(name, name + "#" + expr, p));
        });
        groupFilters = new GroupFilters(now, List.copyOf(list));
        return groupFilters.filters();
    }

    private GraphIndex.GroupFilter groupFilter(String groupName) {
        if (groupName == null) return null;
        for (GraphIndex.GroupFilter f : groupFilters()) if (f.name().equals(groupName)) return f;
        throw AwsException.invalidRequest("Group not found: " + groupName);
    }

    // ------------------------------------------------------------------------------------------ reads

    @Override
    public String canonicalTraceId(String id) {
        return TraceId.parse(id).map(TraceId::value).orElse(null);
    }

    @Override
    public ObjectNode summary(String traceId) {
        Trace t = loadTrace(traceId);
        return t == null ? null : ApiJson.mapper().valueToTree(TraceSummaries.of(t));
    }

    @Override
    public ObjectNode processedTrace(String traceId) {
        String id = canonicalTraceId(traceId);
        if (id == null || index.get(id) == null) return null;
        Trace t = loadTrace(id);
        return t == null ? null : ApiJson.mapper().valueToTree(BatchTrace.of(t));
    }

    @Override
    public ArrayNode traceGraph(Collection<String> traceIds) {
        List<Trace> traces = new ArrayList<>();
        for (String id : traceIds) {
            Trace t = loadTrace(id);
            if (t != null) traces.add(t);
        }
        return ApiJson.mapper().valueToTree(ServiceGraph.ofTraces(traces).services());
    }

    @Override
    public ObjectNode serviceGraph(double start, double end, String groupName) {
        GraphIndex.Window w = graphs.aggregate(start, end, groupFilter(groupName));
        ObjectNode out = Json.object();
        out.set("Services", ApiJson.mapper().valueToTree(w.aggregate().build(start, end).services()));
        out.put("ContainsOldGroupVersions", w.containsOldGroupVersions());
        return out;
    }

    @Override
    public ObjectNode timeSeries(double start, double end, int period, String entitySelector, String groupName) {
        Selector sel = Selector.parse(entitySelector);
        TreeMap<Long, ServiceGraphAggregator> periods = graphs.perPeriod(start, end, period, groupFilter(groupName));
        ArrayNode list = Json.array();
        periods.forEach((p, agg) -> {
            ServiceGraph g = agg.build(p, p + period);
            Sum sum = new Sum();
            for (ServiceGraph.Service s : g.services()) {
                if (sel.service() != null && matches(sel.service(), s)) sum.add(s.summaryStatistics(), s.responseTimeHistogram());
                if (sel.service() == null) {
                    for (ServiceGraph.Edge e : s.edges()) {
                        ServiceGraph.Service dst = g.byReferenceId(e.referenceId()).orElse(null);
                        boolean hit = sel.edgeFrom() == null
                                ? ServiceIdIsClient.is(s) // no selector: the requests entering the application
                                : matches(sel.edgeFrom(), s) && dst != null && matches(sel.edgeTo(), dst);
                        if (hit) sum.add(e.summaryStatistics(), e.responseTimeHistogram());
                    }
                }
            }
            if (sum.total == 0 && sum.histogram.isEmpty()) return;
            ObjectNode entry = Json.object().put("Timestamp", (double) p);
            entry.set(sel.service() != null ? "ServiceSummaryStatistics" : "EdgeSummaryStatistics", sum.json());
            ArrayNode h = Json.array();
            sum.histogram.forEach((v, c) -> h.add(Json.object().put("Value", v).put("Count", c)));
            entry.set("ResponseTimeHistogram", h);
            list.add(entry);
        });
        ObjectNode out = Json.object();
        out.set("TimeSeriesServiceStatistics", list);
        out.put("ContainsOldGroupVersions", false);
        return out;
    }

    private static final class ServiceIdIsClient {
        static boolean is(ServiceGraph.Service s) {
            return "client".equals(s.type());
        }
    }

    /** Sums statistics and histograms of the selected nodes or edges of one period. */
    private static final class Sum {
        long ok, throttle, errOther, errTotal, faultOther, faultTotal, total;
        double responseTime;
        final TreeMap<Double, Long> histogram = new TreeMap<>();

        void add(Statistics s, List<HistogramEntry> h) {
            if (s != null) {
                ok += s.okCount();
                if (s.errorStatistics() != null) {
                    throttle += s.errorStatistics().throttleCount();
                    errOther += s.errorStatistics().otherCount();
                    errTotal += s.errorStatistics().totalCount();
                }
                if (s.faultStatistics() != null) {
                    faultOther += s.faultStatistics().otherCount();
                    faultTotal += s.faultStatistics().totalCount();
                }
                total += s.totalCount();
                responseTime += s.totalResponseTime();
            }
            if (h != null) h.forEach(e -> histogram.merge(e.value(), e.count(), Long::sum));
        }

        ObjectNode json() {
            ObjectNode o = Json.object().put("OkCount", ok);
            o.set("ErrorStatistics", Json.object().put("ThrottleCount", throttle).put("OtherCount", errOther).put("TotalCount", errTotal));
            o.set("FaultStatistics", Json.object().put("OtherCount", faultOther).put("TotalCount", faultTotal));
            o.put("TotalCount", total).put("TotalResponseTime", responseTime);
            return o;
        }
    }

    /** EntitySelectorExpression: {@code service(ref)}, {@code edge(ref, ref)} or absent (spec §2.6). */
    private record Selector(Expr.NodeRef service, Expr.NodeRef edgeFrom, Expr.NodeRef edgeTo) {
        static Selector parse(String text) {
            if (text == null) return new Selector(null, null, null);
            Expr e;
            try {
                e = FilterParser.parse(text);
            } catch (FilterSyntaxException ex) {
                throw AwsException.invalidRequest("Invalid EntitySelectorExpression: " + ex.getMessage());
            }
            if (e instanceof Expr.Service s && s.node() != null && s.body() == null) return new Selector(s.node(), null, null);
            if (e instanceof Expr.Edge ed && ed.body() == null) return new Selector(null, ed.source(), ed.destination());
            throw AwsException.invalidRequest("EntitySelectorExpression must be service(...) or edge(..., ...): " + text);
        }
    }

    private static boolean matches(Expr.NodeRef ref, ServiceGraph.Service s) {
        if (!ref.byId()) return Objects.equals(ref.name(), s.name()) || s.names().contains(ref.name());
        return (ref.name() == null || ref.name().equals(s.name()) || s.names().contains(ref.name()))
                && (ref.type() == null || ref.type().equals(s.type()))
                && (ref.accountId() == null || ref.accountId().equals(s.accountId()));
    }
}
