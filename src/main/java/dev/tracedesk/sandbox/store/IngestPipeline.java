package dev.tracedesk.sandbox.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.sandbox.daemon.DaemonStats;
import dev.tracedesk.sandbox.daemon.DatagramDecoder;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.segment.DecodeResult;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validation of segment documents with the xray codec (spec §3.9), shared by the two ingest paths. PutTraceSegments
 * validates synchronously (its answer lists the rejected documents) and journals the good ones; UDP datagrams are
 * journaled raw by the receiver and validated here when the {@link SegmentWriter} reads them back. Every rejection
 * is counted by reason.
 */
public final class IngestPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
    private final Journal journal;
    private final DaemonStats stats;

    public IngestPipeline(Journal journal, DaemonStats stats) {
        this.journal = journal;
        this.stats = stats;
    }

    /** Outcome of one document: a valid segment, or the counted reason plus the PutTraceSegments entry. */
    record Outcome(Segment segment, String rejection, String id, String errorCode, String message) {}

    /** For PutTraceSegments: counts the document as received, and returns its UnprocessedTraceSegments entry or null. */
    public ObjectNode put(String document) {
        stats.received();
        Outcome o = validate(document);
        if (o.rejection() == null) {
            byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
            if (journal.append(Journal.API, bytes, 0, bytes.length)) {
                stats.accepted();
                return null;
            }
            o = new Outcome(null, "queue-full", o.segment().id(), "ThrottledException", "Ingest queue is full");
        }
        stats.rejected(o.rejection());
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (o.id() != null) n.put("Id", o.id());
        return n.put("ErrorCode", o.errorCode()).put("Message", o.message());
    }

    /**
     * Decodes one journal entry (writer thread): the stored document, or null when it is rejected (counted here for
     * UDP datagrams; PutTraceSegments documents were counted when they were put).
     */
    StoredDocument decodeEntry(byte kind, byte[] data, int offset, int length, long receivedMillis) {
        String document;
        if (kind == Journal.UDP) {
            DatagramDecoder.Result r = DatagramDecoder.decode(data, offset, length);
            if (r.rejection() != null) {
                stats.rejected(r.rejection());
                return null;
            }
            document = r.document();
        } else {
            document = new String(data, offset, length, StandardCharsets.UTF_8);
        }
        Outcome o = validate(document);
        if (o.rejection() != null) {
            if (kind == Journal.UDP) stats.rejected(o.rejection());
            else LOG.warn("journaled PutTraceSegments document no longer valid: {}", o.message());
            return null;
        }
        if (kind == Journal.UDP) stats.accepted();
        Segment s = o.segment();
        return new StoredDocument(TraceId.of(s.traceId()).value(), s.id(), s.inProgress(), receivedMillis, document, s);
    }

    static Outcome validate(String document) {
        if (document.length() > SegmentCodec.MAX_DOCUMENT_BYTES
                || (document.length() * 3L > SegmentCodec.MAX_DOCUMENT_BYTES
                    && document.getBytes(StandardCharsets.UTF_8).length > SegmentCodec.MAX_DOCUMENT_BYTES)) {
            return new Outcome(null, "oversized", null, DecodeResult.INVALID_SEGMENT, "Invalid segment. Document exceeds 64 KiB");
        }
        DecodeResult r = SegmentCodec.decode(document);
        if (r instanceof DecodeResult.Invalid bad) {
            String msg = bad.message();
            String reason = bad.id() == null && bad.traceId() == null
                    && (msg.contains("malformed JSON") || msg.contains("not a JSON object") || msg.contains("trailing content"))
                    ? "malformed-json"
                    : DecodeResult.INVALID_TRACE_ID.equals(bad.errorCode()) ? "invalid-trace-id" : "invalid-segment";
            return new Outcome(null, reason, bad.id(), bad.errorCode(),
                    "Invalid segment. ErrorCode: " + bad.errorCode() + ": " + msg);
        }
        return new Outcome(((DecodeResult.Valid) r).segment(), null, null, null, null);
    }
}
