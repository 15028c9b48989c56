package dev.tracedesk.xray.trace;

import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;

/**
 * Which of two documents with the same id wins. A total order, so the result never depends on arrival order:
 * complete beats in progress; then the later end time; then more subsegments; then the larger JSON text.
 */
final class Versions {
    private Versions() {}

    /** The preferred of two versions of the same document. */
    static Segment prefer(Segment a, Segment b) {
        return compare(a, b) >= 0 ? a : b;
    }

    static int compare(Segment a, Segment b) {
        if (a == b) {
            return 0;
        }
        int c = Boolean.compare(a.isComplete(), b.isComplete());
        if (c != 0) {
            return c;
        }
        if (a.isComplete()) {
            c = Double.compare(a.endTime(), b.endTime());
            if (c != 0) {
                return c;
            }
        }
        c = Integer.compare(a.subsegments().size(), b.subsegments().size());
        if (c != 0) {
            return c;
        }
        return SegmentCodec.document(a).compareTo(SegmentCodec.document(b));
    }
}
