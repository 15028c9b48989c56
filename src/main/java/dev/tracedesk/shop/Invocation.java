package dev.tracedesk.shop;

/** One invocation as the handler sees it: request id, logging, and the (traced) AWS clients. */
public interface Invocation {
    String requestId();

    /** A runtime log line ({@code <time>\t<requestId>\tINFO\t<message>}). */
    void log(String message);

    /** The function's trace header ({@code _X_AMZN_TRACE_ID}). */
    String traceHeader();

    AwsCalls aws();

    long remainingMillis();
}
