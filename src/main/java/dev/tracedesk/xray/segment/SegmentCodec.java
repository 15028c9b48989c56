package dev.tracedesk.xray.segment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes segment documents (spec §3). Reading is one streaming pass; only open-ended blocks (aws, service,
 * metadata, http, cause, sql, unknown fields) are read as small trees. Unknown fields are kept so that
 * {@code write(read(text))} is the same JSON value as {@code text} (numbers compared by value).
 *
 * <p>{@link #decode(String)} parses and validates; it never throws for bad input.
 */
public final class SegmentCodec {
    /** The largest document accepted: 64 KiB of UTF-8 (spec §3.1, §3.9). */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024;

    // the fast (and still exactly rounding) double parser: times are most of a segment's numbers
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SegmentCodec() {}

    /** The shared mapper (plain settings); handy for callers that need to read/write trees consistently. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses and validates one top-level document (segment or independent subsegment), keeping its text. */
    public static DecodeResult decode(String json) {
        return decode(json, true);
    }

    /**
     * Parses and validates one top-level document. With {@code keepRawText} false the segment does not hold on to the
     * text (for callers that store the text elsewhere and want to halve the memory held per segment).
     */
    public static DecodeResult decode(String json, boolean keepRawText) {
        if (json == null || json.isBlank()) {
            return new DecodeResult.Invalid(null, null, DecodeResult.INVALID_SEGMENT,
                    List.of(new Violation("", "empty document")));
        }
        if (json.length() > 4 * MAX_DOCUMENT_BYTES) {
            // far too big: do not spend time parsing it (a char is at least one UTF-8 byte)
            return new DecodeResult.Invalid(null, null, DecodeResult.INVALID_SEGMENT,
                    List.of(new Violation("", "document is over " + json.length() + " bytes, over the 64 KiB limit")));
        }
        List<Violation> problems = new ArrayList<>(2);
        int bytes = utf8Length(json);
        Segment segment;
        try (JsonParser p = MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new DecodeResult.Invalid(null, null, DecodeResult.INVALID_SEGMENT,
                        List.of(new Violation("", "document is not a JSON object")));
            }
            segment = readSegment(p, "", problems, keepRawText ? json : null);
            if (p.nextToken() != null) {
                problems.add(new Violation("", "trailing content after the JSON object"));
            }
        } catch (IOException | RuntimeException e) {
            return new DecodeResult.Invalid(null, null, DecodeResult.INVALID_SEGMENT,
                    List.of(new Violation("", "malformed JSON: " + firstLine(e.getMessage()))));
        }
        if (bytes > MAX_DOCUMENT_BYTES) {
            problems.add(new Violation("", "document is " + bytes + " bytes, over the 64 KiB limit"));
        }
        SegmentValidator.validateTopLevel(segment, problems);
        if (problems.isEmpty()) {
            return new DecodeResult.Valid(segment);
        }
        boolean onlyTraceId = problems.stream().allMatch(v -> v.field().equals("trace_id"));
        return new DecodeResult.Invalid(segment.id(), segment.traceId(),
                onlyTraceId ? DecodeResult.INVALID_TRACE_ID : DecodeResult.INVALID_SEGMENT, problems);
    }

    /** Parses without validating; throws {@link IllegalArgumentException} for malformed JSON or wrong field types. */
    public static Segment read(String json) {
        DecodeResult r = decode(json);
        if (r instanceof DecodeResult.Valid v) {
            return v.segment();
        }
        // Fall back to a lenient parse so callers (tests, tools) can still look at an invalid-but-parseable document.
        List<Violation> problems = new ArrayList<>();
        try (JsonParser p = MAPPER.createParser(json)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                Segment s = readSegment(p, "", problems, json);
                if (problems.isEmpty()) {
                    return s;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed segment document: " + firstLine(e.getMessage()), e);
        }
        throw new IllegalArgumentException("malformed segment document: " + ((DecodeResult.Invalid) r).message());
    }

    /** The JSON text of a segment (embedded subsegments included), compact. */
    public static String write(Segment s) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            write(s, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The segment as a Jackson tree (what {@link #write} would produce). */
    public static ObjectNode toTree(Segment s) {
        try (TokenBuffer buf = new TokenBuffer(MAPPER, false)) {
            write(s, buf);
            return (ObjectNode) MAPPER.readTree(buf.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw text when the segment still has it, else freshly written JSON. */
    public static String document(Segment s) {
        return s.rawDocument() != null ? s.rawDocument() : write(s);
    }

    // ---------------------------------------------------------------------------------------------------- reading

    private static Segment readSegment(JsonParser p, String path, List<Violation> problems, String raw)
            throws IOException {
        Segment.Builder b = Segment.builder();
        boolean sawEnd = false;
        ObjectNode extra = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue; // null means absent
            }
            switch (field) {
                case "id" -> b.id(text(p, path, field, problems));
                case "name" -> b.name(text(p, path, field, problems));
                case "trace_id" -> b.traceId(text(p, path, field, problems));
                case "parent_id" -> b.parentId(text(p, path, field, problems));
                case "type" -> b.type(text(p, path, field, problems));
                case "start_time" -> b.startTime(number(p, path, field, problems));
                case "end_time" -> {
                    b.endTime(number(p, path, field, problems));
                    sawEnd = true;
                }
                case "in_progress" -> b.inProgress(bool(p, path, field, problems));
                case "namespace" -> b.namespace(text(p, path, field, problems));
                case "origin" -> b.origin(text(p, path, field, problems));
                case "user" -> b.user(text(p, path, field, problems));
                case "resource_arn" -> b.resourceArn(text(p, path, field, problems));
                case "error" -> b.error(bool(p, path, field, problems));
                case "throttle" -> b.throttle(bool(p, path, field, problems));
                case "fault" -> b.fault(bool(p, path, field, problems));
                case "inferred" -> b.inferred(bool(p, path, field, problems));
                case "http" -> b.http(readHttp(object(p, path, field, problems), path + "http", problems));
                case "aws" -> b.aws(object(p, path, field, problems));
                case "service" -> b.service(object(p, path, field, problems));
                case "metadata" -> b.metadata(object(p, path, field, problems));
                case "cause" -> b.cause(readCause(MAPPER.readTree(p), path + "cause", problems));
                case "sql" -> b.sql(readSql(object(p, path, field, problems)));
                case "annotations" -> readAnnotations(p, b, path, problems);
                case "precursor_ids" -> b.precursorIds(readStrings(MAPPER.readTree(p), path + field, problems));
                case "subsegments" -> readSubsegments(p, b, path, problems);
                default -> {
                    if (extra == null) {
                        extra = NODES.objectNode();
                    }
                    extra.set(field, MAPPER.readTree(p));
                }
            }
        }
        b.extra(extra);
        if (!sawEnd) {
            b.endTime(Double.NaN);
        }
        if (raw != null) {
            b.rawDocument(raw);
        }
        return b.build();
    }

    private static void readSubsegments(JsonParser p, Segment.Builder b, String path, List<Violation> problems)
            throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            problems.add(new Violation(path + "subsegments", "must be an array"));
            p.skipChildren();
            return;
        }
        List<Segment> children = new ArrayList<>();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String childPath = path + "subsegments[" + i++ + "].";
            if (p.currentToken() != JsonToken.START_OBJECT) {
                problems.add(new Violation(childPath.substring(0, childPath.length() - 1), "must be an object"));
                p.skipChildren();
                continue;
            }
            children.add(readSegment(p, childPath, problems, null));
        }
        b.subsegments(children);
    }

    private static void readAnnotations(JsonParser p, Segment.Builder b, String path, List<Violation> problems)
            throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problems.add(new Violation(path + "annotations", "must be an object"));
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (t) {
                case VALUE_STRING -> b.annotation(key, new AnnotationValue.Str(p.getText()));
                case VALUE_NUMBER_INT -> b.annotation(key, new AnnotationValue.Num(p.getDoubleValue(), true));
                case VALUE_NUMBER_FLOAT -> b.annotation(key, new AnnotationValue.Num(p.getDoubleValue(), false));
                case VALUE_TRUE, VALUE_FALSE -> b.annotation(key, new AnnotationValue.Bool(t == JsonToken.VALUE_TRUE));
                default -> {
                    problems.add(new Violation(path + "annotations." + key,
                            "annotation values must be a string, number or boolean"));
                    p.skipChildren();
                }
            }
        }
    }

    private static String text(JsonParser p, String path, String field, List<Violation> problems) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        problems.add(new Violation(path + field, "must be a string"));
        p.skipChildren();
        return null;
    }

    private static double number(JsonParser p, String path, String field, List<Violation> problems)
            throws IOException {
        if (p.currentToken().isNumeric()) {
            return p.getDoubleValue();
        }
        problems.add(new Violation(path + field, "must be a number (epoch seconds)"));
        p.skipChildren();
        return Double.NaN;
    }

    private static boolean bool(JsonParser p, String path, String field, List<Violation> problems)
            throws IOException {
        if (p.currentToken().isBoolean()) {
            return p.currentToken() == JsonToken.VALUE_TRUE;
        }
        problems.add(new Violation(path + field, "must be a boolean"));
        p.skipChildren();
        return false;
    }

    private static ObjectNode object(JsonParser p, String path, String field, List<Violation> problems)
            throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            return MAPPER.readTree(p);
        }
        problems.add(new Violation(path + field, "must be an object"));
        p.skipChildren();
        return null;
    }

    private static Http readHttp(ObjectNode o, String path, List<Violation> problems) {
        if (o == null) {
            return null;
        }
        Http.Request request = null;
        Http.Response response = null;
        ObjectNode extra = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            switch (e.getKey()) {
                case "request" -> request = readRequest(v, path + ".request", problems);
                case "response" -> response = readResponse(v, path + ".response", problems);
                default -> extra = put(extra, e.getKey(), v);
            }
        }
        return new Http(request, response, extra);
    }

    private static Http.Request readRequest(JsonNode o, String path, List<Violation> problems) {
        if (!o.isObject()) {
            problems.add(new Violation(path, "must be an object"));
            return null;
        }
        String method = null, url = null, userAgent = null, clientIp = null;
        Boolean xff = null, traced = null;
        ObjectNode extra = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            String k = e.getKey();
            switch (k) {
                case "method" -> method = str(v, path, k, problems);
                case "url" -> url = str(v, path, k, problems);
                case "user_agent" -> userAgent = str(v, path, k, problems);
                case "client_ip" -> clientIp = str(v, path, k, problems);
                case "x_forwarded_for" -> xff = boolNode(v, path, k, problems);
                case "traced" -> traced = boolNode(v, path, k, problems);
                default -> extra = put(extra, k, v);
            }
        }
        return new Http.Request(method, url, userAgent, clientIp, xff, traced, extra);
    }

    private static Http.Response readResponse(JsonNode o, String path, List<Violation> problems) {
        if (!o.isObject()) {
            problems.add(new Violation(path, "must be an object"));
            return null;
        }
        Integer status = null;
        Long length = null;
        ObjectNode extra = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            String k = e.getKey();
            switch (k) {
                case "status" -> {
                    if (v.isIntegralNumber() && v.canConvertToInt()) {
                        status = v.intValue();
                    } else {
                        problems.add(new Violation(path + "." + k, "must be an integer"));
                    }
                }
                case "content_length" -> {
                    if (v.isIntegralNumber() && v.canConvertToLong()) {
                        length = v.longValue();
                    } else {
                        extra = put(extra, k, v); // SDKs disagree on its type; keep whatever came
                    }
                }
                default -> extra = put(extra, k, v);
            }
        }
        return new Http.Response(status, length, extra);
    }

    private static Cause readCause(JsonNode n, String path, List<Violation> problems) {
        if (n.isTextual()) {
            return Cause.reference(n.asText());
        }
        if (!n.isObject()) {
            problems.add(new Violation(path, "must be an exception id or an object"));
            return null;
        }
        String wd = null;
        List<String> paths = null;
        List<Cause.ExceptionInfo> exceptions = new ArrayList<>();
        ObjectNode extra = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            String k = e.getKey();
            switch (k) {
                case "working_directory" -> wd = str(v, path, k, problems);
                case "paths" -> paths = readStrings(v, path + ".paths", problems);
                case "exceptions" -> {
                    if (!v.isArray()) {
                        problems.add(new Violation(path + ".exceptions", "must be an array"));
                        break;
                    }
                    int i = 0;
                    for (JsonNode x : v) {
                        Cause.ExceptionInfo info = readException(x, path + ".exceptions[" + i++ + "]", problems);
                        if (info != null) {
                            exceptions.add(info);
                        }
                    }
                }
                default -> extra = put(extra, k, v);
            }
        }
        return new Cause(null, wd, paths, exceptions, extra);
    }

    private static Cause.ExceptionInfo readException(JsonNode o, String path, List<Violation> problems) {
        if (!o.isObject()) {
            problems.add(new Violation(path, "must be an object"));
            return null;
        }
        String id = null, message = null, type = null, cause = null;
        Boolean remote = null;
        Integer truncated = null, skipped = null;
        List<Cause.StackFrame> stack = null;
        ObjectNode extra = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            String k = e.getKey();
            switch (k) {
                case "id" -> id = str(v, path, k, problems);
                case "message" -> {
                    if (v.isTextual()) {
                        message = v.asText();
                    } else {
                        extra = put(extra, k, v); // keep a non-text message verbatim
                    }
                }
                case "type" -> type = str(v, path, k, problems);
                case "remote" -> remote = boolNode(v, path, k, problems);
                case "truncated" -> truncated = intNode(v, path, k, problems);
                case "skipped" -> skipped = intNode(v, path, k, problems);
                case "cause" -> cause = str(v, path, k, problems);
                case "stack" -> {
                    if (!v.isArray()) {
                        problems.add(new Violation(path + ".stack", "must be an array"));
                        break;
                    }
                    stack = new ArrayList<>(v.size());
                    for (JsonNode f : v) {
                        if (f.isObject()) {
                            stack.add(readFrame(f, path + ".stack", problems));
                        } else {
                            problems.add(new Violation(path + ".stack", "frames must be objects"));
                        }
                    }
                }
                default -> extra = put(extra, k, v);
            }
        }
        return new Cause.ExceptionInfo(id, message, type, remote, truncated, skipped, cause, stack, extra);
    }

    private static Cause.StackFrame readFrame(JsonNode o, String path, List<Violation> problems) {
        String p = null, label = null;
        Integer line = null;
        ObjectNode extra = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            String k = e.getKey();
            switch (k) {
                case "path" -> p = str(v, path, k, problems);
                case "label" -> label = str(v, path, k, problems);
                case "line" -> line = intNode(v, path, k, problems);
                default -> extra = put(extra, k, v);
            }
        }
        return new Cause.StackFrame(p, line, label, extra);
    }

    private static Sql readSql(ObjectNode o) {
        if (o == null) {
            return null;
        }
        ObjectNode extra = null;
        String[] known = new String[8];
        String[] names = {"connection_string", "url", "sanitized_query", "database_type", "database_version",
                "driver_version", "user", "preparation"};
        outer:
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isTextual()) {
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(e.getKey())) {
                        known[i] = e.getValue().asText();
                        continue outer;
                    }
                }
            }
            if (!e.getValue().isNull()) {
                extra = put(extra, e.getKey(), e.getValue());
            }
        }
        return new Sql(known[0], known[1], known[2], known[3], known[4], known[5], known[6], known[7], extra);
    }

    private static List<String> readStrings(JsonNode v, String path, List<Violation> problems) {
        if (!v.isArray()) {
            problems.add(new Violation(path, "must be an array of strings"));
            return null;
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode x : v) {
            if (x.isTextual()) {
                out.add(x.asText());
            } else {
                problems.add(new Violation(path, "must be an array of strings"));
            }
        }
        return out;
    }

    private static String str(JsonNode v, String path, String k, List<Violation> problems) {
        if (v.isTextual()) {
            return v.asText();
        }
        problems.add(new Violation(path + "." + k, "must be a string"));
        return null;
    }

    private static Boolean boolNode(JsonNode v, String path, String k, List<Violation> problems) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        problems.add(new Violation(path + "." + k, "must be a boolean"));
        return null;
    }

    private static Integer intNode(JsonNode v, String path, String k, List<Violation> problems) {
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        problems.add(new Violation(path + "." + k, "must be an integer"));
        return null;
    }

    private static ObjectNode put(ObjectNode extra, String key, JsonNode value) {
        ObjectNode o = extra == null ? NODES.objectNode() : extra;
        o.set(key, value);
        return o;
    }

    // ---------------------------------------------------------------------------------------------------- writing

    /** Writes one segment object to a generator (for callers embedding documents in larger JSON). */
    public static void write(Segment s, JsonGenerator g) throws IOException {
        writeSegment(s, g, false);
    }

    /**
     * Writes a segment for an embedded position: {@code trace_id}, {@code parent_id} and {@code type} are left out,
     * as in the processed documents BatchGetTraces returns (spec §2.3).
     */
    static void writeEmbedded(Segment s, JsonGenerator g) throws IOException {
        writeSegment(s, g, true);
    }

    private static void writeSegment(Segment s, JsonGenerator g, boolean embedded) throws IOException {
        g.writeStartObject();
        str(g, "id", s.id());
        str(g, "name", s.name());
        if (!embedded) {
            str(g, "trace_id", s.traceId());
            str(g, "parent_id", s.parentId());
            str(g, "type", s.type());
        }
        if (!Double.isNaN(s.startTime())) {
            g.writeFieldName("start_time");
            writeTime(g, s.startTime());
        }
        if (s.hasEndTime()) {
            g.writeFieldName("end_time");
            writeTime(g, s.endTime());
        }
        Boolean[] flags = s.flagsAsWritten();
        if (flags[0] != null) {
            g.writeBooleanField("in_progress", flags[0]);
        }
        str(g, "namespace", s.namespace());
        str(g, "origin", s.origin());
        str(g, "user", s.user());
        str(g, "resource_arn", s.resourceArn());
        if (s.inferred() != null) {
            g.writeBooleanField("inferred", s.inferred());
        }
        if (flags[1] != null) {
            g.writeBooleanField("error", flags[1]);
        }
        if (flags[2] != null) {
            g.writeBooleanField("throttle", flags[2]);
        }
        if (flags[3] != null) {
            g.writeBooleanField("fault", flags[3]);
        }
        tree(g, "service", s.service());
        if (s.http() != null) {
            writeHttp(g, s.http());
        }
        tree(g, "aws", s.aws());
        if (s.cause() != null) {
            writeCause(g, s.cause());
        }
        if (s.sql() != null) {
            writeSql(g, s.sql());
        }
        if (!s.annotations().isEmpty()) {
            g.writeObjectFieldStart("annotations");
            for (Map.Entry<String, AnnotationValue> e : s.annotations().entrySet()) {
                g.writeFieldName(e.getKey());
                writeAnnotation(g, e.getValue());
            }
            g.writeEndObject();
        }
        tree(g, "metadata", s.metadata());
        if (s.precursorIds() != null) {
            g.writeArrayFieldStart("precursor_ids");
            for (String id : s.precursorIds()) {
                g.writeString(id);
            }
            g.writeEndArray();
        }
        if (!s.subsegments().isEmpty()) {
            g.writeArrayFieldStart("subsegments");
            for (Segment child : s.subsegments()) {
                writeSegment(child, g, embedded);
            }
            g.writeEndArray();
        }
        extras(g, s.extra());
        g.writeEndObject();
    }

    /** Epoch seconds in plain decimal notation (no exponent), shortest form that reads back to the same double. */
    public static void writeTime(JsonGenerator g, double seconds) throws IOException {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            g.writeNull();
        } else {
            g.writeNumber(BigDecimal.valueOf(seconds).toPlainString());
        }
    }

    static void writeAnnotation(JsonGenerator g, AnnotationValue v) throws IOException {
        if (v instanceof AnnotationValue.Str s) {
            g.writeString(s.value());
        } else if (v instanceof AnnotationValue.Num n) {
            if (n.integral() && n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 9.0e15) {
                g.writeNumber((long) n.value());
            } else {
                g.writeNumber(n.value());
            }
        } else if (v instanceof AnnotationValue.Bool b) {
            g.writeBoolean(b.value());
        }
    }

    private static void writeHttp(JsonGenerator g, Http h) throws IOException {
        g.writeObjectFieldStart("http");
        if (h.request() != null) {
            Http.Request r = h.request();
            g.writeObjectFieldStart("request");
            str(g, "method", r.method());
            str(g, "url", r.url());
            str(g, "user_agent", r.userAgent());
            str(g, "client_ip", r.clientIp());
            if (r.xForwardedFor() != null) {
                g.writeBooleanField("x_forwarded_for", r.xForwardedFor());
            }
            if (r.traced() != null) {
                g.writeBooleanField("traced", r.traced());
            }
            extras(g, r.extra());
            g.writeEndObject();
        }
        if (h.response() != null) {
            Http.Response r = h.response();
            g.writeObjectFieldStart("response");
            if (r.status() != null) {
                g.writeNumberField("status", r.status());
            }
            if (r.contentLength() != null) {
                g.writeNumberField("content_length", r.contentLength());
            }
            extras(g, r.extra());
            g.writeEndObject();
        }
        extras(g, h.extra());
        g.writeEndObject();
    }

    private static void writeCause(JsonGenerator g, Cause c) throws IOException {
        if (c.isReference()) {
            g.writeStringField("cause", c.exceptionId());
            return;
        }
        g.writeObjectFieldStart("cause");
        str(g, "working_directory", c.workingDirectory());
        if (c.paths() != null) {
            g.writeArrayFieldStart("paths");
            for (String p : c.paths()) {
                g.writeString(p);
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("exceptions");
        for (Cause.ExceptionInfo x : c.exceptions()) {
            g.writeStartObject();
            str(g, "id", x.id());
            str(g, "message", x.message());
            str(g, "type", x.type());
            if (x.remote() != null) {
                g.writeBooleanField("remote", x.remote());
            }
            if (x.truncated() != null) {
                g.writeNumberField("truncated", x.truncated());
            }
            if (x.skipped() != null) {
                g.writeNumberField("skipped", x.skipped());
            }
            str(g, "cause", x.cause());
            if (x.stack() != null) {
                g.writeArrayFieldStart("stack");
                for (Cause.StackFrame f : x.stack()) {
                    g.writeStartObject();
                    str(g, "path", f.path());
                    if (f.line() != null) {
                        g.writeNumberField("line", f.line());
                    }
                    str(g, "label", f.label());
                    extras(g, f.extra());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            extras(g, x.extra());
            g.writeEndObject();
        }
        g.writeEndArray();
        extras(g, c.extra());
        g.writeEndObject();
    }

    private static void writeSql(JsonGenerator g, Sql s) throws IOException {
        g.writeObjectFieldStart("sql");
        str(g, "connection_string", s.connectionString());
        str(g, "url", s.url());
        str(g, "sanitized_query", s.sanitizedQuery());
        str(g, "database_type", s.databaseType());
        str(g, "database_version", s.databaseVersion());
        str(g, "driver_version", s.driverVersion());
        str(g, "user", s.user());
        str(g, "preparation", s.preparation());
        extras(g, s.extra());
        g.writeEndObject();
    }

    private static void str(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void tree(JsonGenerator g, String field, JsonNode value) throws IOException {
        if (value != null) {
            g.writeFieldName(field);
            MAPPER.writeTree(g, value);
        }
    }

    private static void extras(JsonGenerator g, ObjectNode extra) throws IOException {
        if (extra == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            g.writeFieldName(e.getKey());
            MAPPER.writeTree(g, e.getValue());
        }
    }

    // ---------------------------------------------------------------------------------------------------- util

    static int utf8Length(String s) {
        int n = s.length();
        if (n * 3L <= MAX_DOCUMENT_BYTES) {
            return n; // cannot be over the limit; exact size not needed then (ASCII documents: exact anyway)
        }
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
