package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.sandbox.daemon.DaemonStats;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The X-Ray rest-json operations (spec §2.1 paths) on top of the sandbox's parts. The same table serves the AWS API
 * and the daemon's TCP sampling paths {@code /GetSamplingRules} and {@code /SamplingTargets}, since both are one port.
 */
public final class XRayApi {
    private XRayApi() {}

    /** Parts the API needs; trace reads come from {@link TraceQueries}. */
    public record Parts(SamplingRules rules, SamplingTargets targets, Groups groups, TraceQueries traces,
                        Function<String, ObjectNode> putSegment, Supplier<DaemonStats.Snapshot> stats,
                        TelemetryLog telemetry) {}

    public static void register(HttpRouter router, Parts p) {
        // Ingest
        router.post("/TraceSegments", req -> putTraceSegments(req, p.putSegment()));
        router.post("/TelemetryRecords", p.telemetry()::put);

        // Reads
        router.post("/TraceSummaries", p.traces()::summaries);
        router.post("/Traces", p.traces()::batchGet);
        router.post("/TraceGraph", p.traces()::traceGraph);
        router.post("/ServiceGraph", p.traces()::serviceGraph);
        router.post("/TimeSeriesServiceStatistics", p.traces()::timeSeries);

        // Groups
        router.post("/CreateGroup", p.groups()::create);
        router.post("/GetGroup", p.groups()::get);
        router.post("/Groups", p.groups()::list);
        router.post("/UpdateGroup", p.groups()::update);
        router.post("/DeleteGroup", p.groups()::delete);

        // Sampling
        router.post("/GetSamplingRules", req -> samplingRules(req, p.rules()));
        router.post("/CreateSamplingRule", req -> record(p.rules().create(req)));
        router.post("/UpdateSamplingRule", req -> record(p.rules().update(req)));
        router.post("/DeleteSamplingRule", req -> record(p.rules().delete(req)));
        router.post("/SamplingTargets", p.targets()::targets);
        router.post("/SamplingStatisticSummaries", req -> {
            req.optionalString("NextToken", 0, Integer.MAX_VALUE);
            return p.targets().summaries();
        });

        // Sandbox-specific status for the GUI
        router.get("/sandbox/stats", () -> statsJson(p.stats().get(), p.traces().traceCount()));
    }

    private static JsonNode putTraceSegments(Request req, Function<String, ObjectNode> putSegment) {
        List<JsonNode> docs = req.requiredList("TraceSegmentDocuments", Integer.MAX_VALUE);
        ArrayNode unprocessed = Json.array();
        for (int i = 0; i < docs.size(); i++) {
            JsonNode d = docs.get(i);
            if (d == null || !d.isTextual()) {
                throw Request.validation("traceSegmentDocuments." + (i + 1), d, "Member must be a string");
            }
            ObjectNode rejection = putSegment.apply(d.textValue());
            if (rejection != null) unprocessed.add(rejection);
        }
        ObjectNode out = Json.object();
        out.set("UnprocessedTraceSegments", unprocessed);
        return out;
    }

    private static JsonNode samplingRules(Request req, SamplingRules rules) {
        req.optionalString("NextToken", 0, Integer.MAX_VALUE);
        ArrayNode list = Json.array();
        rules.records().forEach(list::add);
        ObjectNode out = Json.object();
        out.set("SamplingRuleRecords", list);
        return out;
    }

    private static JsonNode record(ObjectNode rec) {
        ObjectNode out = Json.object();
        out.set("SamplingRuleRecord", rec);
        return out;
    }

    static JsonNode statsJson(DaemonStats.Snapshot s, long traces) {
        ObjectNode out = Json.object().put("received", s.received()).put("accepted", s.accepted())
                .put("stored", s.stored()).put("rejectedTotal", s.rejectedTotal()).put("queueDepth", s.queueDepth())
                .put("traces", traces);
        ObjectNode r = Json.object();
        s.rejected().forEach(r::put);
        out.set("rejected", r);
        return out;
    }
}
