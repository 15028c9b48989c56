package dev.tracedesk.sandbox.daemon;

/** Where decoded segment documents go (the store's ingest pipeline). */
@FunctionalInterface
public interface DocumentSink {
    /** Validates and queues one segment document; returns null if accepted, else the rejection reason. */
    String offer(String document);
}
