package dev.tracedesk.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.filter.CompiledFilter;
import dev.tracedesk.filter.FilterOptions;
import dev.tracedesk.filter.TraceFacts;
import dev.tracedesk.filter.FilterSyntaxException;
import dev.tracedesk.filter.TraceFactsBuilder;
import dev.tracedesk.sandbox.api.AwsException;
import dev.tracedesk.sandbox.api.Groups;
import dev.tracedesk.sandbox.api.TraceDomain;
import dev.tracedesk.sandbox.index.IndexedTrace;
import dev.tracedesk.sandbox.index.TraceIndex;
import dev.tracedesk.sandbox.store.SegmentStore;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.trace.Trace;
import java.util.Collection;
import java.util.function.Predicate;

/** The sandbox's use of the {@code xray} and {@code filter} packages: digests for the index and the read API's JSON. */
final class SandboxDomain implements TraceDomain {
    private final TraceIndex index;
    private final SegmentStore store;
    private volatile Groups groups;
    /** Shares the immutable parts of similar traces' facts; used by the writer thread only. */
    private final TraceFactsBuilder factsBuilder = new TraceFactsBuilder();

    SandboxDomain(TraceIndex index, SegmentStore store) {
        this.index = index;
        this.store = store;
    }

    void groups(Groups g) { this.groups = g; }

    /** What the index keeps of an assembled trace. */
    IndexedTrace.State digest(Trace t) {
        return new IndexedTrace.State(t.startTime(), t.endTime(), t.responseTime(), t.duration(), t.isPartial(),
                t.revision(), factsBuilder.build(t), null);
    }

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

    @Override
    public String canonicalTraceId(String id) {
        return TraceId.parse(id).map(TraceId::value).orElse(null);
    }

    @Override
    public ObjectNode summary(String traceId) {
        throw AwsException.internal("summaries are not wired yet");
    }

    @Override
    public ObjectNode processedTrace(String traceId) {
        throw AwsException.internal("BatchGetTraces is not wired yet");
    }

    @Override
    public ArrayNode traceGraph(Collection<String> traceIds) {
        throw AwsException.internal("graphs are not wired yet");
    }

    @Override
    public ArrayNode serviceGraph(double start, double end, String groupFilter) {
        throw AwsException.internal("graphs are not wired yet");
    }

    @Override
    public ArrayNode timeSeries(double start, double end, int period, String entitySelector, String groupFilter) {
        throw AwsException.internal("time series are not wired yet");
    }
}
