package dev.tracedesk.xray.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tracedesk.xray.EpochSeconds;
import dev.tracedesk.xray.SegmentId;
import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * One element of BatchGetTraces' {@code Traces} (spec §2.3): {@code {Id, Duration, LimitExceeded, Segments: [{Id,
 * Document}]}}. Each real segment is one entry whose Document is its JSON text with every subsegment merged in
 * (the original text when nothing was merged); each inferred node call adds an inferred segment entry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Id", "Duration", "LimitExceeded", "Segments"})
public record BatchTrace(@JsonProperty("Id") String id,
                         @JsonProperty("Duration") Double duration,
                         @JsonProperty("LimitExceeded") boolean limitExceeded,
                         @JsonProperty("Segments") List<SegmentDocument> segments) {

    /** The per-trace document budget past which LimitExceeded is reported (re:Post: ~500 KB). */
    public static final long DEFAULT_TRACE_LIMIT_BYTES = 500_000;

    @JsonPropertyOrder({"Id", "Document"})
    public record SegmentDocument(@JsonProperty("Id") String id, @JsonProperty("Document") String document) {}

    public static BatchTrace of(Trace trace) {
        return of(trace, DEFAULT_TRACE_LIMIT_BYTES);
    }

    public static BatchTrace of(Trace trace, long limitBytes) {
        List<SegmentDocument> docs = new ArrayList<>(trace.segments().size() + 4);
        for (Segment s : trace.segments()) {
            if (s.isInferred()) {
                continue; // from an earlier BatchGetTraces: derived again below
            }
            docs.add(new SegmentDocument(s.id(), SegmentCodec.document(s)));
        }
        CallGraph graph = trace.callGraph();
        for (CallGraph.Node n : graph.nodes()) {
            if (n.kind() != CallGraph.Kind.INFERRED) {
                continue;
            }
            for (Segment caller : n.segments()) {
                if (caller.isComplete() && caller.id() != null) {
                    Segment inferred = inferredSegment(trace, caller, n.id());
                    docs.add(new SegmentDocument(inferred.id(), SegmentCodec.write(inferred)));
                }
            }
        }
        double duration = trace.duration();
        return new BatchTrace(trace.id().value(), Double.isNaN(duration) ? null : EpochSeconds.micros(duration),
                trace.documentBytes() > limitBytes, docs);
    }

    /**
     * The segment X-Ray infers for a downstream call (spec §2.3): timing, http, aws and flags of the calling
     * subsegment, a stable id derived from the trace and caller ids, {@code inferred: true}, origin = node type.
     */
    static Segment inferredSegment(Trace trace, Segment caller, ServiceId node) {
        return Segment.builder()
                .id(SegmentId.derive(trace.id().value() + "/" + caller.id()))
                .name(InferredServices.inferredSegmentName(caller))
                .traceId(trace.id().value())
                .parentId(caller.id())
                .startTime(caller.startTime())
                .endTime(caller.endTime())
                .inferred(true)
                .origin(node.type())
                .http(caller.http())
                .aws(caller.aws())
                .error(caller.error() ? Boolean.TRUE : null)
                .throttle(caller.throttle() ? Boolean.TRUE : null)
                .fault(caller.fault() ? Boolean.TRUE : null)
                .cause(caller.cause())
                .build();
    }
}
