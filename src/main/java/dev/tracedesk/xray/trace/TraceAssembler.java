package dev.tracedesk.xray.trace;

import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.segment.Segment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collects the documents of one trace, in any order, and assembles them into a {@link Trace} (spec §3.9):
 * <ul>
 *   <li>documents are keyed by id; a complete document replaces an in-progress one, never the other way round
 *       ({@link Versions} decides, a total order, so arrival order does not matter);</li>
 *   <li>independent subsegments ({@code type: "subsegment"}) attach under the segment or subsegment their
 *       {@code parent_id} names, wherever it is, and lose {@code trace_id}/{@code parent_id}/{@code type} there;
 *       those whose parent never arrived are kept as {@link Trace#orphans()};</li>
 *   <li>attached children follow the embedded ones, ordered by start time then id.</li>
 * </ul>
 * Not thread-safe; the sandbox keeps one per open trace under its own lock.
 */
public final class TraceAssembler {
    private static final Comparator<Segment> BY_START = Comparator.comparingDouble(Segment::startTime)
            .thenComparing(Segment::id, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final TraceId traceId;
    private final String traceIdText;
    // sized up front when the number of documents is known: a 100,000-segment trace otherwise rehashes these maps
    // a dozen times each (a visible share of opening one)
    private final Map<String, Segment> segments;
    private final Map<String, Segment> subsegments;
    private final Map<Segment, Long> sizes;
    private int revision;
    private long documentBytes;

    public TraceAssembler(TraceId traceId) {
        this(traceId, 16);
    }

    /** An assembler expecting about {@code expectedDocuments} documents. */
    public TraceAssembler(TraceId traceId, int expectedDocuments) {
        this.traceId = traceId;
        this.traceIdText = traceId.value();
        int capacity = capacity(expectedDocuments);
        this.segments = new HashMap<>(capacity);
        this.subsegments = new HashMap<>(capacity);
        this.sizes = new java.util.IdentityHashMap<>(Math.max(16, expectedDocuments));
    }

    /** A HashMap capacity that holds {@code n} entries without rehashing. */
    static int capacity(int n) {
        return Math.max(16, (int) Math.min(1 << 30, n / 0.75 + 1));
    }

    public TraceId traceId() {
        return traceId;
    }

    /** Number of changes so far (TraceSummary.Revision). */
    public int revision() {
        return revision;
    }

    /** Number of distinct documents held. */
    public int documentCount() {
        return segments.size() + subsegments.size();
    }

    /**
     * Adds a validated top-level document (segment or independent subsegment) of this trace. Documents of another
     * trace or without an id are {@link AddResult#REJECTED}.
     */
    public AddResult add(Segment document) {
        return add(document, size(document));
    }

    /**
     * Like {@link #add(Segment)}, with the document's size given (for segments decoded without their raw text), so
     * the trace size budget (BatchTrace.LimitExceeded) stays right.
     */
    public AddResult add(Segment document, long documentBytes) {
        if (document.id() == null || document.traceId() == null
                || (!document.traceId().equals(traceIdText)
                    && !TraceId.parse(document.traceId()).map(traceId::equals).orElse(false))) {
            return AddResult.REJECTED;
        }
        Map<String, Segment> target = document.isIndependentSubsegment() ? subsegments : segments;
        Segment old = target.get(document.id());
        if (old == null) {
            target.put(document.id(), document);
            sizes.put(document, documentBytes);
            this.documentBytes += documentBytes;
            revision++;
            return AddResult.ADDED;
        }
        if (Versions.compare(document, old) <= 0) {
            return AddResult.IGNORED;
        }
        target.put(document.id(), document);
        Long oldBytes = sizes.remove(old);
        sizes.put(document, documentBytes);
        this.documentBytes += documentBytes - (oldBytes == null ? 0 : oldBytes);
        revision++;
        return AddResult.REPLACED;
    }

    /** Assembles the trace from what has arrived so far. Cheap enough to call after every change. */
    public Trace assemble() {
        Map<String, List<Segment>> childrenOf = new HashMap<>(capacity(subsegments.size()));
        for (Segment sub : subsegments.values()) {
            childrenOf.computeIfAbsent(sub.parentId(), k -> new ArrayList<>(2)).add(sub);
        }
        childrenOf.values().forEach(list -> list.sort(BY_START));
        Set<String> attached = new HashSet<>(capacity(subsegments.size()));
        List<Segment> tops = new ArrayList<>(segments.values());
        tops.sort(BY_START);
        List<Segment> built = new ArrayList<>(tops.size());
        for (Segment top : tops) {
            built.add(build(top, childrenOf, attached));
        }
        // Orphans: independent subsegments whose parent is not in the trace (yet). Keep their own subtrees.
        List<Segment> orphanRoots = new ArrayList<>();
        for (Segment sub : subsegments.values()) {
            if (!attached.contains(sub.id()) && !isUnattachedSub(sub.parentId(), attached)) {
                orphanRoots.add(sub);
            }
        }
        orphanRoots.sort(BY_START);
        List<Segment> orphans = new ArrayList<>(orphanRoots.size());
        for (Segment o : orphanRoots) {
            attached.add(o.id());
            orphans.add(build(o, childrenOf, attached));
        }
        // subsegments whose parent_ids form a cycle have no orphan root: keep each on its own rather than lose it
        List<Segment> cyclic = new ArrayList<>();
        for (Segment sub : subsegments.values()) {
            if (!attached.contains(sub.id())) {
                cyclic.add(sub);
            }
        }
        cyclic.sort(BY_START);
        for (Segment c : cyclic) {
            if (attached.add(c.id())) {
                orphans.add(build(c, childrenOf, attached));
            }
        }
        return new Trace(traceId, built, orphans, documentCount(), documentBytes, revision);
    }

    private boolean isUnattachedSub(String parentId, Set<String> attached) {
        return parentId != null && subsegments.containsKey(parentId) && !attached.contains(parentId);
    }

    /** Builds one entity with its embedded and attached children; returns the same object when nothing attaches. */
    private static Segment build(Segment entity, Map<String, List<Segment>> childrenOf, Set<String> attached) {
        List<Segment> extra = entity.id() == null ? null : childrenOf.get(entity.id());
        if (extra == null && entity.subsegments().isEmpty()) {
            return entity;
        }
        Map<Object, Segment> byId = new LinkedHashMap<>();
        for (Segment child : entity.subsegments()) {
            Object key = child.id() != null ? child.id() : new Object();
            byId.merge(key, child, Versions::prefer);
        }
        if (extra != null) {
            for (Segment sub : extra) {
                if (attached.add(sub.id())) { // guards against parent_id cycles
                    byId.merge(sub.id(), detach(sub), Versions::prefer);
                }
            }
        }
        boolean changed = extra != null || byId.size() != entity.subsegments().size();
        List<Segment> children = new ArrayList<>(byId.size());
        for (Segment child : byId.values()) {
            Segment b = build(child, childrenOf, attached);
            changed |= b != child;
            children.add(b);
        }
        return changed ? entity.withSubsegments(children) : entity;
    }

    /** An independent subsegment as it looks once nested: no trace_id, parent_id or type (spec §2.3). */
    private static Segment detach(Segment sub) {
        return sub.toBuilder().traceId(null).parentId(null).type(null).build();
    }

    private static long size(Segment s) {
        return s.rawDocument() == null ? 0 : s.rawDocument().length();
    }

    /** Assembles one trace from documents in any order (all must carry the same trace id). */
    public static Trace assemble(TraceId traceId, Collection<Segment> documents) {
        TraceAssembler a = new TraceAssembler(traceId, documents.size());
        documents.forEach(a::add);
        return a.assemble();
    }

    /** Groups documents by trace id and assembles each trace; documents with a bad trace id are skipped. */
    public static Map<TraceId, Trace> assembleAll(Collection<Segment> documents) {
        Map<TraceId, TraceAssembler> byTrace = new TreeMap<>();
        for (Segment d : documents) {
            TraceId.parse(d.traceId()).ifPresent(id -> byTrace.computeIfAbsent(id, TraceAssembler::new).add(d));
        }
        Map<TraceId, Trace> out = new LinkedHashMap<>();
        byTrace.forEach((id, a) -> out.put(id, a.assemble()));
        return out;
    }
}
