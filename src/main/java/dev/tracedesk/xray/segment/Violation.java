package dev.tracedesk.xray.segment;

/** One reason a document is not acceptable: the offending field (JSON path-like, e.g. {@code subsegments[1].id}) and why. */
public record Violation(String field, String reason) {
    @Override
    public String toString() {
        return field.isEmpty() ? reason : field + ": " + reason;
    }
}
