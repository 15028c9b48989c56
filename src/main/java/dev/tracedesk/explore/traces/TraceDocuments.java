package dev.tracedesk.explore.traces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.xray.ApiJson;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.segment.DecodeResult;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import dev.tracedesk.xray.trace.BatchTrace;
import dev.tracedesk.xray.trace.Trace;
import dev.tracedesk.xray.trace.TraceAssembler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traces from and to BatchGetTraces JSON, the shape {@code aws xray batch-get-traces} prints:
 * {@code {"Traces":[{"Id","Duration","LimitExceeded","Segments":[{"Id","Document":"<json text>"}]}],
 * "UnprocessedTraceIds":[]}}. Inferred segments in the input are skipped (they are derived again from the calls);
 * a malformed segment document is counted and skipped, never fatal.
 */
public final class TraceDocuments {

    /** Parsed traces and how many segment documents could not be read. */
    public record Parsed(List<Trace> traces, int skippedDocuments, List<String> unprocessedIds) {
        public Parsed {
            traces = List.copyOf(traces);
            unprocessedIds = List.copyOf(unprocessedIds);
        }
    }

    private static final ObjectMapper MAPPER = ApiJson.mapper();

    private TraceDocuments() {
    }

    /** Reads a BatchGetTraces response (or a file holding one). */
    public static Parsed parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("Traces").isArray()) {
            throw new IllegalArgumentException("not a BatchGetTraces document: no \"Traces\" array");
        }
        List<Trace> traces = new ArrayList<>();
        int skipped = 0;
        for (JsonNode t : root.path("Traces")) {
            Map<TraceId, List<Segment>> byTrace = new LinkedHashMap<>();
            for (JsonNode s : t.path("Segments")) {
                DecodeResult r = SegmentCodec.decode(s.path("Document").asText(""));
                if (!(r instanceof DecodeResult.Valid valid) || valid.segment().isInferred()) {
                    skipped += r instanceof DecodeResult.Valid ? 0 : 1;
                    continue;
                }
                var id = TraceId.parse(valid.segment().traceId());
                if (id.isEmpty()) {
                    skipped++;
                    continue;
                }
                byTrace.computeIfAbsent(id.get(), k -> new ArrayList<>()).add(valid.segment());
            }
            byTrace.forEach((id, docs) -> traces.add(TraceAssembler.assemble(id, docs)));
        }
        List<String> unprocessed = new ArrayList<>();
        root.path("UnprocessedTraceIds").forEach(n -> unprocessed.add(n.asText()));
        return new Parsed(traces, skipped, unprocessed);
    }

    /** The BatchGetTraces JSON of {@code traces}, pretty-printed like the CLI. */
    public static String write(List<Trace> traces) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("Traces");
        for (Trace trace : traces) {
            list.add(MAPPER.valueToTree(BatchTrace.of(trace)));
        }
        root.putArray("UnprocessedTraceIds");
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write traces", e);
        }
    }

    public static Parsed read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static void save(Path file, List<Trace> traces) throws IOException {
        Files.writeString(file, write(traces), StandardCharsets.UTF_8);
    }
}
