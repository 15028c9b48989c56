package dev.tracedesk.xray.trace;

/** What {@link TraceAssembler#add} did with a document. */
public enum AddResult {
    /** A document with a new id. */
    ADDED,
    /** Replaced an earlier version with the same id (e.g. the complete document after the in-progress one). */
    REPLACED,
    /** Ignored: the trace already holds this version or a more complete one (same id). */
    IGNORED,
    /** Rejected: the document belongs to another trace or has no id. */
    REJECTED;

    /** True when the trace changed (its summary should be recomputed and its revision bumped). */
    public boolean changed() {
        return this == ADDED || this == REPLACED;
    }
}
