package dev.tracedesk.xray.trace;

import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.segment.Segment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An assembled trace: its top-level segments (each with its full subsegment tree, independent subsegments merged in),
 * ordered by start time then id, plus subsegments whose parent has not arrived. Immutable; build with
 * {@link TraceAssembler}. The filter evaluator, summaries and the service graph all work from this.
 */
public final class Trace {
    private final TraceId id;
    private final List<Segment> segments;
    private final List<Segment> orphans;
    private final int documentCount;
    private final long documentBytes;
    private final int revision;
    private final Map<String, Segment> entities;
    private final Map<String, Segment> owners;
    private final Map<String, List<Segment>> segmentsByParent = new HashMap<>();
    private final List<Segment> roots = new ArrayList<>(1);
    private final boolean partial;
    private final double startTime;
    private final double endTime;
    private volatile CallGraph callGraph;

    Trace(TraceId id, List<Segment> segments, List<Segment> orphans, int documentCount, long documentBytes,
          int revision) {
        this.id = id;
        this.segments = Collections.unmodifiableList(segments);
        this.orphans = Collections.unmodifiableList(orphans);
        this.documentCount = documentCount;
        this.documentBytes = documentBytes;
        this.revision = revision;
        int count = 0;
        for (Segment s : segments) {
            count += count(s);
        }
        // sized once: rehashing two maps of every entity is a visible share of opening a 100,000-segment trace
        this.entities = new HashMap<>(TraceAssembler.capacity(count));
        this.owners = new HashMap<>(TraceAssembler.capacity(count));
        boolean anyInProgress = false;
        double start = Double.POSITIVE_INFINITY;
        double end = Double.NEGATIVE_INFINITY;
        for (Segment s : segments) {
            anyInProgress |= index(s, s);
            start = Math.min(start, s.startTime());
            if (s.hasEndTime()) {
                end = Math.max(end, s.endTime());
            }
            if (s.parentId() != null && !s.isInferred()) {
                segmentsByParent.computeIfAbsent(s.parentId(), k -> new ArrayList<>(1)).add(s);
            }
        }
        for (Segment o : orphans) {
            anyInProgress |= !o.isComplete() || hasIncomplete(o);
        }
        for (Segment s : segments) {
            if (!s.isInferred() && (s.parentId() == null || !entities.containsKey(s.parentId()))) {
                roots.add(s);
            }
        }
        this.partial = anyInProgress;
        this.startTime = segments.isEmpty() ? Double.NaN : start;
        this.endTime = end == Double.NEGATIVE_INFINITY ? Double.NaN : end;
    }

    private boolean index(Segment entity, Segment owner) {
        boolean inProgress = !entity.isComplete();
        if (entity.id() != null) {
            entities.putIfAbsent(entity.id(), entity);
            owners.putIfAbsent(entity.id(), owner);
        }
        for (Segment c : entity.subsegments()) {
            inProgress |= index(c, owner);
        }
        return inProgress;
    }

    private static int count(Segment entity) {
        int n = 1;
        for (Segment c : entity.subsegments()) {
            n += count(c);
        }
        return n;
    }

    private static boolean hasIncomplete(Segment s) {
        for (Segment c : s.subsegments()) {
            if (!c.isComplete() || hasIncomplete(c)) {
                return true;
            }
        }
        return false;
    }

    public TraceId id() {
        return id;
    }

    /**
     * Top-level segments, assembled, by start time then id. Inferred segments (present in documents fetched with
     * BatchGetTraces) are included here but ignored by roots, callees, the call graph and summaries, which derive
     * inferred nodes themselves.
     */
    public List<Segment> segments() {
        return segments;
    }

    /** Independent subsegments whose parent is not (yet) in the trace. */
    public List<Segment> orphans() {
        return orphans;
    }

    /** Visits every segment and subsegment (depth first, segments in order) with the segment that contains it. */
    public void forEachEntity(java.util.function.BiConsumer<Segment, Segment> ownerAndEntity) {
        for (Segment s : segments) {
            visit(s, s, ownerAndEntity);
        }
    }

    private static void visit(Segment owner, Segment e, java.util.function.BiConsumer<Segment, Segment> action) {
        action.accept(owner, e);
        for (Segment c : e.subsegments()) {
            visit(owner, c, action);
        }
    }

    /** Segments with no parent_id or whose parent_id names nothing in the trace, by start time. */
    public List<Segment> roots() {
        return Collections.unmodifiableList(roots);
    }

    /** The entry segment: the earliest root, or null for an empty trace. */
    public Segment root() {
        return roots.isEmpty() ? null : roots.get(0);
    }

    /** Any segment or subsegment (at any depth) by id, or null. */
    public Segment entity(String id) {
        return entities.get(id);
    }

    /** The top-level segment that contains the entity with this id (itself for a segment), or null. */
    public Segment ownerOf(String entityId) {
        return owners.get(entityId);
    }

    /** Top-level segments whose parent_id is the given (sub)segment id: the callees of that entity. */
    public List<Segment> segmentsWithParent(String entityId) {
        return segmentsByParent.getOrDefault(entityId, List.of());
    }

    /** True when any document (or subsegment) is still in progress, or a subsegment's parent is missing. */
    public boolean isPartial() {
        return partial || !orphans.isEmpty();
    }

    /** Earliest segment start, epoch seconds (NaN when empty). */
    public double startTime() {
        return startTime;
    }

    /** Latest segment end, epoch seconds (NaN when no segment is complete). */
    public double endTime() {
        return endTime;
    }

    /** Latest end − earliest start, seconds (NaN when unknown). */
    public double duration() {
        return endTime - startTime;
    }

    /** The root segment's end − start, seconds (NaN when the root is in progress or missing). */
    public double responseTime() {
        Segment r = root();
        return r == null ? Double.NaN : r.duration();
    }

    public int documentCount() {
        return documentCount;
    }

    /** Total characters of the raw documents held (for the trace size budget). */
    public long documentBytes() {
        return documentBytes;
    }

    /** How many times the trace changed while assembling (TraceSummary.Revision). */
    public int revision() {
        return revision;
    }

    /** The nodes and calls of this trace (computed once, on first use). */
    public CallGraph callGraph() {
        CallGraph g = callGraph;
        if (g == null) {
            g = CallGraph.of(this);
            callGraph = g;
        }
        return g;
    }

    @Override
    public String toString() {
        return "Trace{" + id + ", " + segments.size() + " segments}";
    }
}
