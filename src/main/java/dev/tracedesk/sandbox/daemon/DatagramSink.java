package dev.tracedesk.sandbox.daemon;

/** Where the receiver hands raw datagrams: it must copy them and return at once (the store's journal). */
@FunctionalInterface
public interface DatagramSink {
    /** Keeps a copy of {@code data[offset, offset+length)}; false when there is no room (counted as queue-full). */
    boolean offer(byte[] data, int offset, int length);
}
