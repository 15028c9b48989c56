package dev.tracedesk.explore.traces;

import dev.tracedesk.xray.trace.Trace;
import java.util.List;

/** Whole traces and trace graphs by id. Called from a worker. */
public interface TraceSource {
    /** The traces found, in no particular order; ids not found are left out. */
    List<Trace> traces(List<String> ids);

    TraceGraphView graph(String id);
}
