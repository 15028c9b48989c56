package dev.tracedesk.sandbox.store;

/**
 * One segment or independent subsegment document as the store keeps it: keyed by (traceId, id), raw JSON kept for
 * BatchGetTraces. {@code parsed} is the domain object the validator produced, handed on to the index untouched.
 */
public record StoredDocument(String traceId, String id, boolean inProgress, long receivedMillis, String json,
                             Object parsed) {
}
