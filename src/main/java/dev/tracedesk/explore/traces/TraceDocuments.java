package dev.tracedesk.explore.traces;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    /**
     * Reads a BatchGetTraces response (or a file holding one). Streams over the JSON (no tree of the whole response:
     * a trace of 100,000 segments is tens of megabytes) and decodes each segment document as it comes.
     */
    public static Parsed parse(String json) {
        List<Trace> traces = new ArrayList<>();
        List<String> unprocessed = new ArrayList<>();
        int skipped = 0;
        boolean sawTraces = false;
        try (JsonParser p = MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a BatchGetTraces document: no \"Traces\" array");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("Traces") && value == JsonToken.START_ARRAY) {
                    sawTraces = true;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        Parsed one = assemble(documents(p));
                        traces.addAll(one.traces());
                        skipped += one.skippedDocuments();
                    }
                } else if (field.equals("UnprocessedTraceIds") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        unprocessed.add(p.getValueAsString(""));
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (!sawTraces) {
            throw new IllegalArgumentException("not a BatchGetTraces document: no \"Traces\" array");
        }
        return new Parsed(traces, skipped, unprocessed);
    }

    /** The segment documents of one entry of "Traces" (the parser is on its START_OBJECT; left on its END_OBJECT). */
    private static List<String> documents(JsonParser p) throws IOException {
        List<String> docs = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("Segments") && value == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String doc = "";
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken v = p.nextToken();
                        if (name.equals("Document") && v == JsonToken.VALUE_STRING) {
                            doc = p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                    docs.add(doc);
                }
            } else {
                p.skipChildren();
            }
        }
        return docs;
    }

    /**
     * Decodes segment documents (as BatchGetTraces returns them) and assembles them by trace id. Inferred segments are
     * skipped (derived again from the calls); malformed documents are counted and skipped.
     */
    public static Parsed assemble(List<String> documents) {
        Map<TraceId, List<Segment>> byTrace = new LinkedHashMap<>();
        int skipped = 0;
        for (String document : documents) {
            DecodeResult r = SegmentCodec.decode(document == null ? "" : document);
            if (!(r instanceof DecodeResult.Valid valid) || valid.segment().isInferred()) {
                skipped += r instanceof DecodeResult.Valid ? 0 : 1;
                continue;
            }
            var id = TraceId.parse(valid.segment().traceId());
            if (id.isEmpty()) {
                skipped++;
                continue;
            }
            byTrace.computeIfAbsent(id.get(), k -> new ArrayList<>(documents.size())).add(valid.segment());
        }
        List<Trace> traces = new ArrayList<>(byTrace.size());
        byTrace.forEach((id, docs) -> traces.add(TraceAssembler.assemble(id, docs)));
        return new Parsed(traces, skipped, List.of());
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
