package dev.tracedesk.xray.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One segment or subsegment document (spec §3), immutable. The same class serves top-level segments, embedded
 * subsegments and independently sent subsegments ({@code type = "subsegment"}).
 *
 * <p>Times are epoch seconds as doubles; {@link #endTime()} is {@code NaN} for in-progress documents. Blocks whose keys
 * are open-ended ({@code aws}, {@code service}, {@code metadata}) are kept as Jackson trees; fields this model does not
 * know are kept in {@link #extra()} so a document round-trips through {@link SegmentCodec}. A document parsed from
 * text keeps that text in {@link #rawDocument()}.
 */
public final class Segment {
    public static final String TYPE_SUBSEGMENT = "subsegment";

    private final String id;
    private final String name;
    private final String traceId;
    private final String parentId;
    private final String type;
    private final double startTime;
    private final double endTime;
    private final Boolean inProgress;
    private final String namespace;
    private final String origin;
    private final String user;
    private final String resourceArn;
    private final Boolean error;
    private final Boolean throttle;
    private final Boolean fault;
    private final Boolean inferred;
    private final Http http;
    private final ObjectNode aws;
    private final Cause cause;
    private final Sql sql;
    private final ObjectNode service;
    private final Map<String, AnnotationValue> annotations;
    private final ObjectNode metadata;
    private final List<String> precursorIds;
    private final List<Segment> subsegments;
    private final ObjectNode extra;
    private final String rawDocument;

    private Segment(Builder b) {
        id = b.id;
        name = b.name;
        traceId = b.traceId;
        parentId = b.parentId;
        type = b.type;
        startTime = b.startTime;
        endTime = b.endTime;
        inProgress = b.inProgress;
        namespace = b.namespace;
        origin = b.origin;
        user = b.user;
        resourceArn = b.resourceArn;
        error = b.error;
        throttle = b.throttle;
        fault = b.fault;
        inferred = b.inferred;
        http = b.http;
        aws = b.aws;
        cause = b.cause;
        sql = b.sql;
        service = b.service;
        annotations = b.annotations == null || b.annotations.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(b.annotations);
        metadata = b.metadata;
        precursorIds = b.precursorIds == null ? null : List.copyOf(b.precursorIds);
        subsegments = b.subsegments == null || b.subsegments.isEmpty() ? List.of()
                : Collections.unmodifiableList(b.subsegments);
        extra = b.extra;
        rawDocument = b.rawDocument;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this segment's values (the raw document is dropped: the copy is a new document). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.name = name;
        b.traceId = traceId;
        b.parentId = parentId;
        b.type = type;
        b.startTime = startTime;
        b.endTime = endTime;
        b.inProgress = inProgress;
        b.namespace = namespace;
        b.origin = origin;
        b.user = user;
        b.resourceArn = resourceArn;
        b.error = error;
        b.throttle = throttle;
        b.fault = fault;
        b.inferred = inferred;
        b.http = http;
        b.aws = aws;
        b.cause = cause;
        b.sql = sql;
        b.service = service;
        b.annotations = annotations.isEmpty() ? null : new LinkedHashMap<>(annotations);
        b.metadata = metadata;
        b.precursorIds = precursorIds;
        b.subsegments = subsegments.isEmpty() ? null : new ArrayList<>(subsegments);
        b.extra = extra;
        return b;
    }

    /** A copy with other children; shares every other value (cheap: no deep copy). */
    public Segment withSubsegments(List<Segment> children) {
        Builder b = toBuilder();
        b.subsegments = new ArrayList<>(children);
        return b.build();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The trace id as written in the document (top-level and independent documents only). */
    public String traceId() {
        return traceId;
    }

    public String parentId() {
        return parentId;
    }

    /** {@code "subsegment"} for an independently sent subsegment, else null (or whatever the document said). */
    public String type() {
        return type;
    }

    /** True for a document sent on its own as a subsegment. */
    public boolean isIndependentSubsegment() {
        return TYPE_SUBSEGMENT.equals(type);
    }

    public double startTime() {
        return startTime;
    }

    /** End time, or {@code NaN} while in progress. */
    public double endTime() {
        return endTime;
    }

    public boolean hasEndTime() {
        return !Double.isNaN(endTime);
    }

    /** The in_progress flag (false when absent). */
    public boolean inProgress() {
        return Boolean.TRUE.equals(inProgress);
    }

    /** Complete = has an end time and is not flagged in progress. */
    public boolean isComplete() {
        return !inProgress() && hasEndTime();
    }

    /** end − start in seconds, or NaN when not complete. */
    public double duration() {
        return isComplete() ? endTime - startTime : Double.NaN;
    }

    public String namespace() {
        return namespace;
    }

    public String origin() {
        return origin;
    }

    public String user() {
        return user;
    }

    public String resourceArn() {
        return resourceArn;
    }

    public boolean error() {
        return Boolean.TRUE.equals(error);
    }

    public boolean throttle() {
        return Boolean.TRUE.equals(throttle);
    }

    public boolean fault() {
        return Boolean.TRUE.equals(fault);
    }

    /**
     * The flags exactly as written (null = absent), in the order in_progress, error, throttle, fault; so an explicit
     * {@code false} round-trips.
     */
    public Boolean[] flagsAsWritten() {
        return new Boolean[] {inProgress, error, throttle, fault};
    }

    /** The {@code inferred} flag as written (only service-generated inferred segments carry it), or null. */
    public Boolean inferred() {
        return inferred;
    }

    public boolean isInferred() {
        return Boolean.TRUE.equals(inferred);
    }

    public Http http() {
        return http;
    }

    /** The {@code aws} block as a tree (read-only by convention), or null. */
    public ObjectNode aws() {
        return aws;
    }

    /** A text field of the {@code aws} block ({@code aws.table_name} is {@code awsText("table_name")}), or null. */
    public String awsText(String field) {
        if (aws == null) {
            return null;
        }
        JsonNode n = aws.get(field);
        return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    /** A text field of a nested {@code aws} object ({@code aws.ec2.instance_id} is {@code awsText("ec2","instance_id")}). */
    public String awsText(String object, String field) {
        if (aws == null) {
            return null;
        }
        JsonNode o = aws.get(object);
        JsonNode n = o == null ? null : o.get(field);
        return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    public Cause cause() {
        return cause;
    }

    public Sql sql() {
        return sql;
    }

    public ObjectNode service() {
        return service;
    }

    /** Annotations in document order; empty map when none. */
    public Map<String, AnnotationValue> annotations() {
        return annotations;
    }

    public ObjectNode metadata() {
        return metadata;
    }

    /** precursor_ids or null when absent. */
    public List<String> precursorIds() {
        return precursorIds;
    }

    /** Embedded subsegments (after assembly: also those that arrived separately). */
    public List<Segment> subsegments() {
        return subsegments;
    }

    /** Fields not in the model, kept for round-trip; null when none. */
    public ObjectNode extra() {
        return extra;
    }

    /** The text this document was parsed from (top-level documents only), or null. */
    public String rawDocument() {
        return rawDocument;
    }

    /** The HTTP response status or null. */
    public Integer httpStatus() {
        return http == null ? null : http.status();
    }

    @Override
    public String toString() {
        return "Segment{" + name + " " + id + (type != null ? " " + type : "") + "}";
    }

    /** Equality of content (the raw text is not compared): the JSON the codec writes. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Segment s)) {
            return false;
        }
        return SegmentCodec.toTree(this).equals(SegmentCodec.toTree(s));
    }

    @Override
    public int hashCode() {
        return id == null ? 0 : id.hashCode();
    }

    /** Mutable builder; {@link #build()} makes the immutable segment. */
    public static final class Builder {
        private String id;
        private String name;
        private String traceId;
        private String parentId;
        private String type;
        private double startTime = Double.NaN;
        private double endTime = Double.NaN;
        private Boolean inProgress;
        private String namespace;
        private String origin;
        private String user;
        private String resourceArn;
        private Boolean error;
        private Boolean throttle;
        private Boolean fault;
        private Boolean inferred;
        private Http http;
        private ObjectNode aws;
        private Cause cause;
        private Sql sql;
        private ObjectNode service;
        private Map<String, AnnotationValue> annotations;
        private ObjectNode metadata;
        private List<String> precursorIds;
        private List<Segment> subsegments;
        private ObjectNode extra;
        private String rawDocument;

        private Builder() {}

        public Builder id(String v) { id = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder traceId(String v) { traceId = v; return this; }
        public Builder parentId(String v) { parentId = v; return this; }
        public Builder type(String v) { type = v; return this; }
        public Builder startTime(double v) { startTime = v; return this; }
        public Builder endTime(double v) { endTime = v; return this; }
        public Builder inProgress(Boolean v) { inProgress = v; return this; }
        public Builder namespace(String v) { namespace = v; return this; }
        public Builder origin(String v) { origin = v; return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder resourceArn(String v) { resourceArn = v; return this; }
        public Builder error(Boolean v) { error = v; return this; }
        public Builder throttle(Boolean v) { throttle = v; return this; }
        public Builder fault(Boolean v) { fault = v; return this; }
        public Builder inferred(Boolean v) { inferred = v; return this; }
        public Builder http(Http v) { http = v; return this; }
        public Builder aws(ObjectNode v) { aws = v; return this; }
        public Builder cause(Cause v) { cause = v; return this; }
        public Builder sql(Sql v) { sql = v; return this; }
        public Builder service(ObjectNode v) { service = v; return this; }
        public Builder metadata(ObjectNode v) { metadata = v; return this; }
        public Builder precursorIds(List<String> v) { precursorIds = v; return this; }
        public Builder extra(ObjectNode v) { extra = v; return this; }
        public Builder rawDocument(String v) { rawDocument = v; return this; }

        public Builder annotation(String key, AnnotationValue value) {
            if (annotations == null) {
                annotations = new LinkedHashMap<>();
            }
            annotations.put(key, value);
            return this;
        }

        public Builder annotations(Map<String, AnnotationValue> v) {
            annotations = v == null ? null : new LinkedHashMap<>(v);
            return this;
        }

        public Builder subsegment(Segment child) {
            if (subsegments == null) {
                subsegments = new ArrayList<>();
            }
            subsegments.add(child);
            return this;
        }

        public Builder subsegments(List<Segment> v) {
            subsegments = v == null ? null : new ArrayList<>(v);
            return this;
        }

        public Segment build() {
            return new Segment(this);
        }
    }
}
