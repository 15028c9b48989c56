package dev.tracedesk.explore.traces;

/** Where summary pages come from: X-Ray through the SDK in the app, a fake in tests. Called from a worker. */
@FunctionalInterface
public interface TraceSummarySource {
    /** One page of one ≤24 h slice; {@code nextToken} null for the first page. */
    SummaryPage page(TraceQuery slice, String nextToken);
}
