package dev.tracedesk.ui.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tracedesk.xray.EpochSeconds;
import dev.tracedesk.xray.Outcome;
import dev.tracedesk.xray.segment.AnnotationValue;
import dev.tracedesk.xray.segment.Cause;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import dev.tracedesk.xray.trace.Trace;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The details of one segment or subsegment, in the X-Ray console's sections: Overview, Resources, Annotations,
 * Metadata, Exceptions (with stack frames), SQL and the raw JSON. Pure data for the details pane.
 */
public record SegmentDetails(List<Field> overview, List<Field> resources, List<Field> annotations, String metadata,
        String exceptions, List<Field> sql, String rawJson) {

    /** One name/value line. */
    public record Field(String name, String value) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final ObjectMapper PRETTY = SegmentCodec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    public static SegmentDetails of(Trace trace, Segment s, ZoneId zone) {
        List<Field> overview = new ArrayList<>();
        Segment owner = trace.ownerOf(s.id());
        boolean topLevel = owner == s || owner == null;
        add(overview, "Name", s.name());
        add(overview, "Kind", topLevel ? "segment" : "subsegment");
        add(overview, "ID", s.id());
        add(overview, "Trace ID", trace.id().value());
        add(overview, "Parent ID", topLevel ? s.parentId() : parentOf(owner, s));
        if (!topLevel && owner != null) {
            add(overview, "Segment", owner.name() + " (" + owner.id() + ")");
        }
        add(overview, "Origin", s.origin());
        add(overview, "Namespace", s.namespace());
        add(overview, "Start", time(s.startTime(), zone));
        add(overview, "End", s.hasEndTime() ? time(s.endTime(), zone) : "in progress");
        add(overview, "Duration", s.hasEndTime() ? TimelineRenderer.formatDuration(s.duration(), 0) : "in progress");
        add(overview, "Status", Outcome.of(s).name().toLowerCase(Locale.ROOT)
                + (s.httpStatus() == null ? "" : " (" + s.httpStatus() + ")"));
        add(overview, "User", s.user());
        if (s.http() != null) {
            var rq = s.http().request();
            var rs = s.http().response();
            if (rq != null) {
                add(overview, "http.request.method", rq.method());
                add(overview, "http.request.url", rq.url());
                add(overview, "http.request.user_agent", rq.userAgent());
                add(overview, "http.request.client_ip", rq.clientIp());
            }
            if (rs != null) {
                add(overview, "http.response.status", rs.status() == null ? null : rs.status().toString());
                add(overview, "http.response.content_length",
                        rs.contentLength() == null ? null : rs.contentLength().toString());
            }
        }
        if (s.aws() != null) {
            flatten("aws", s.aws(), overview);
        }
        List<Field> resources = new ArrayList<>();
        add(resources, "Resource ARN", s.resourceArn());
        if (s.aws() != null) {
            List<Field> aws = new ArrayList<>();
            flatten("aws", s.aws(), aws);
            for (Field f : aws) {
                String n = f.name().toLowerCase(Locale.ROOT);
                if (n.contains("arn") || n.contains("table") || n.contains("topic") || n.contains("queue")
                        || n.contains("bucket") || n.contains("function") || n.contains("log_group")
                        || n.contains("account") || n.contains("region") || n.contains("operation")
                        || n.contains("request_id")) {
                    resources.add(f);
                }
            }
        }
        List<Field> annotations = new ArrayList<>();
        for (Map.Entry<String, AnnotationValue> e : s.annotations().entrySet()) {
            annotations.add(new Field(e.getKey(), String.valueOf(e.getValue().raw())));
        }
        String metadata = s.metadata() == null || s.metadata().isEmpty() ? "" : pretty(s.metadata());
        List<Field> sql = new ArrayList<>();
        if (s.sql() != null) {
            var q = s.sql();
            add(sql, "url", q.url());
            add(sql, "connection_string", q.connectionString());
            add(sql, "sanitized_query", q.sanitizedQuery());
            add(sql, "database_type", q.databaseType());
            add(sql, "database_version", q.databaseVersion());
            add(sql, "driver_version", q.driverVersion());
            add(sql, "user", q.user());
            add(sql, "preparation", q.preparation());
        }
        return new SegmentDetails(overview, resources, annotations, metadata, exceptions(trace, s), sql,
                pretty(SegmentCodec.toTree(s)));
    }

    private static String parentOf(Segment owner, Segment target) {
        return owner == null ? null : findParent(owner, target);
    }

    private static String findParent(Segment node, Segment target) {
        for (Segment sub : node.subsegments()) {
            if (sub == target) {
                return node.id();
            }
            String found = findParent(sub, target);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Exceptions with their stack frames; a cause that refers to an exception elsewhere is resolved. */
    static String exceptions(Trace trace, Segment s) {
        Cause cause = s.cause();
        if (cause == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (cause.isReference()) {
            out.append("Caused by exception ").append(cause.exceptionId()).append(" recorded in another segment\n");
        }
        if (cause.workingDirectory() != null) {
            out.append("Working directory: ").append(cause.workingDirectory()).append('\n');
        }
        for (Cause.ExceptionInfo e : cause.exceptions()) {
            out.append(e.type() == null ? "Exception" : e.type());
            if (e.message() != null) {
                out.append(": ").append(e.message());
            }
            out.append("  [id ").append(e.id()).append(e.isRemote() ? ", remote" : "").append(']');
            if (e.cause() != null) {
                out.append("  caused by ").append(e.cause());
            }
            out.append('\n');
            if (e.stack() != null) {
                for (Cause.StackFrame f : e.stack()) {
                    out.append("    at ").append(f.label() == null ? "?" : f.label()).append(" (")
                            .append(f.path() == null ? "?" : f.path())
                            .append(f.line() == null ? "" : ":" + f.line()).append(")\n");
                }
            }
            if (e.truncated() != null && e.truncated() > 0) {
                out.append("    ... ").append(e.truncated()).append(" more frames\n");
            }
        }
        return out.toString().stripTrailing();
    }

    private static void flatten(String prefix, JsonNode node, List<Field> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                var e = it.next();
                flatten(prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            boolean scalars = true;
            for (JsonNode n : node) {
                scalars &= n.isValueNode();
            }
            if (scalars) {
                List<String> parts = new ArrayList<>();
                node.forEach(n -> parts.add(n.asText()));
                out.add(new Field(prefix, String.join(", ", parts)));
            } else {
                int i = 0;
                for (JsonNode n : node) {
                    flatten(prefix + "[" + i++ + "]", n, out);
                }
            }
        } else if (!node.isNull()) {
            out.add(new Field(prefix, node.asText()));
        }
    }

    private static String time(double epochSeconds, ZoneId zone) {
        Instant t = Instant.ofEpochSecond((long) Math.floor(epochSeconds),
                Math.round((epochSeconds - Math.floor(epochSeconds)) * 1e6) * 1000);
        return TIME.format(t.atZone(zone)) + " (" + String.format(Locale.ROOT, "%.6f", EpochSeconds.micros(epochSeconds)) + ")";
    }

    private static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (IOException e) {
            return node.toString();
        }
    }

    private static void add(List<Field> out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.add(new Field(name, value));
        }
    }
}
