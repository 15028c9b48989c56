package dev.tracedesk.xray.segment;

import dev.tracedesk.xray.SegmentId;
import dev.tracedesk.xray.TraceId;
import java.util.ArrayList;
import java.util.List;

/**
 * The ingest rules of spec §3.9 as values: required fields, id formats, times, in_progress vs end_time, linkage of
 * independent subsegments, string limits. Embedded subsegments are checked recursively.
 */
public final class SegmentValidator {
    /** Longest segment name (spec §3.2). */
    public static final int MAX_SEGMENT_NAME = 200;
    /** Longest subsegment name / general string limit (spec §3.1). */
    public static final int MAX_STRING = 250;

    private SegmentValidator() {}

    /** Every problem of a top-level document (segment or independent subsegment); empty when acceptable. */
    public static List<Violation> validate(Segment s) {
        List<Violation> out = new ArrayList<>();
        validateTopLevel(s, out);
        return out;
    }

    static void validateTopLevel(Segment s, List<Violation> out) {
        if (s.type() != null && !Segment.TYPE_SUBSEGMENT.equals(s.type())) {
            out.add(new Violation("type", "must be \"subsegment\" when present, was \"" + s.type() + "\""));
        }
        if (s.traceId() == null) {
            out.add(new Violation("trace_id", "missing"));
        } else if (!TraceId.isValid(s.traceId())) {
            out.add(new Violation("trace_id", "not a trace id (want 1-xxxxxxxx-yyyyyyyyyyyyyyyyyyyyyyyy): \""
                    + abbreviate(s.traceId()) + "\""));
        }
        if (s.isIndependentSubsegment() && s.parentId() == null) {
            out.add(new Violation("parent_id", "missing (required for a subsegment sent on its own)"));
        }
        validateEntity(s, "", s.isIndependentSubsegment() ? MAX_STRING : MAX_SEGMENT_NAME, out);
    }

    private static void validateEntity(Segment s, String path, int maxName, List<Violation> out) {
        if (s.id() == null) {
            out.add(new Violation(path + "id", "missing"));
        } else if (!SegmentId.isValid(s.id())) {
            out.add(new Violation(path + "id", "not 16 hex digits: \"" + abbreviate(s.id()) + "\""));
        }
        if (s.name() == null || s.name().isBlank()) {
            out.add(new Violation(path + "name", "missing"));
        } else if (s.name().length() > maxName) {
            out.add(new Violation(path + "name", "longer than " + maxName + " characters"));
        }
        if (s.parentId() != null && !SegmentId.isValid(s.parentId())) {
            out.add(new Violation(path + "parent_id", "not 16 hex digits: \"" + abbreviate(s.parentId()) + "\""));
        }
        double start = s.startTime();
        if (Double.isNaN(start)) {
            out.add(new Violation(path + "start_time", "missing"));
        } else if (Double.isInfinite(start) || start <= 0) {
            out.add(new Violation(path + "start_time", "must be positive epoch seconds"));
        }
        if (s.inProgress() && s.hasEndTime()) {
            out.add(new Violation(path + "end_time", "must be absent when in_progress is true"));
        } else if (!s.inProgress() && !s.hasEndTime()) {
            out.add(new Violation(path + "end_time", "missing (send end_time or in_progress: true)"));
        } else if (s.hasEndTime() && !Double.isNaN(start) && s.endTime() < start) {
            out.add(new Violation(path + "end_time", "before start_time (" + s.endTime() + " < " + start + ")"));
        }
        if (s.precursorIds() != null) {
            for (String p : s.precursorIds()) {
                if (!SegmentId.isValid(p)) {
                    out.add(new Violation(path + "precursor_ids", "not 16 hex digits: \"" + abbreviate(p) + "\""));
                }
            }
        }
        check(out, path + "user", s.user());
        check(out, path + "origin", s.origin());
        check(out, path + "namespace", s.namespace());
        int i = 0;
        for (Segment child : s.subsegments()) {
            validateEntity(child, path + "subsegments[" + i++ + "].", MAX_STRING, out);
        }
    }

    private static void check(List<Violation> out, String field, String value) {
        if (value != null && value.length() > MAX_STRING) {
            out.add(new Violation(field, "longer than " + MAX_STRING + " characters"));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
