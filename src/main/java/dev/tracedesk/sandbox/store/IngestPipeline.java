package dev.tracedesk.sandbox.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.sandbox.daemon.DaemonStats;
import dev.tracedesk.sandbox.daemon.DocumentSink;
import dev.tracedesk.xray.segment.DecodeResult;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Validates each document with the xray codec (spec §3.9) and queues the good ones for the {@link SegmentWriter}.
 * Shared by the UDP daemon and PutTraceSegments; every rejection is counted by reason.
 */
public final class IngestPipeline implements DocumentSink {
    private final SegmentWriter writer;
    private final DaemonStats stats;
    private final Clock clock;

    public IngestPipeline(SegmentWriter writer, DaemonStats stats, Clock clock) {
        this.writer = writer;
        this.stats = stats;
        this.clock = clock;
    }

    /** Outcome of one document: accepted (rejection null) or the counted reason plus the PutTraceSegments entry. */
    public record Outcome(String rejection, String id, String errorCode, String message) {
        static final Outcome OK = new Outcome(null, null, null, null);
    }

    @Override
    public String offer(String document) {
        return ingest(document).rejection();
    }

    /** For PutTraceSegments: counts the document as received, and returns its UnprocessedTraceSegments entry or null. */
    public ObjectNode put(String document) {
        stats.received();
        Outcome o = ingest(document);
        if (o.rejection() == null) return null;
        stats.rejected(o.rejection());
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (o.id() != null) n.put("Id", o.id());
        return n.put("ErrorCode", o.errorCode()).put("Message", o.message());
    }

    Outcome ingest(String document) {
        if (document.length() > SegmentCodec.MAX_DOCUMENT_BYTES
                || document.getBytes(StandardCharsets.UTF_8).length > SegmentCodec.MAX_DOCUMENT_BYTES) {
            return new Outcome("oversized", null, DecodeResult.INVALID_SEGMENT, "Invalid segment. Document exceeds 64 KiB");
        }
        DecodeResult r = SegmentCodec.decode(document);
        if (r instanceof DecodeResult.Invalid bad) {
            String msg = bad.message();
            String reason = bad.id() == null && bad.traceId() == null
                    && (msg.contains("malformed JSON") || msg.contains("not a JSON object") || msg.contains("trailing content"))
                    ? "malformed-json"
                    : DecodeResult.INVALID_TRACE_ID.equals(bad.errorCode()) ? "invalid-trace-id" : "invalid-segment";
            return new Outcome(reason, bad.id(), bad.errorCode(), "Invalid segment. ErrorCode: " + bad.errorCode() + ": " + msg);
        }
        Segment s = ((DecodeResult.Valid) r).segment();
        String traceId = dev.tracedesk.xray.TraceId.of(s.traceId()).value();
        StoredDocument doc = new StoredDocument(traceId, s.id(), s.inProgress(), clock.millis(), document, s);
        if (!writer.offer(doc)) {
            return new Outcome("queue-full", s.id(), "ThrottledException", "Ingest queue is full");
        }
        stats.accepted();
        return Outcome.OK;
    }
}
