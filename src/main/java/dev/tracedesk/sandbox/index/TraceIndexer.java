package dev.tracedesk.sandbox.index;

import dev.tracedesk.sandbox.store.SegmentStore;
import dev.tracedesk.sandbox.store.SegmentWriter;
import dev.tracedesk.sandbox.store.StoredDocument;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.segment.DecodeResult;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import dev.tracedesk.xray.trace.Trace;
import dev.tracedesk.xray.trace.TraceAssembler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link TraceIndex} in step with the store: after each committed batch it re-assembles every trace the
 * batch touched and re-digests it. Assemblers of recently active traces stay in an LRU cache so a late segment costs
 * one assembly; a trace that fell out of the cache is reloaded from the store.
 */
public final class TraceIndexer implements SegmentWriter.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(TraceIndexer.class);
    private static final int HOT_TRACES = 20_000;

    /** Turns an assembled trace into what the index keeps. */
    @FunctionalInterface
    public interface Digester {
        IndexedTrace.State digest(Trace trace);
    }

    private final TraceIndex index;
    private final SegmentStore store;
    private final Digester digester;
    private final GraphIndex graphs;
    private final java.util.function.Supplier<List<GraphIndex.GroupFilter>> groups;
    private final Map<String, TraceAssembler> hot = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TraceAssembler> eldest) {
            return size() > HOT_TRACES;
        }
    };

    public TraceIndexer(TraceIndex index, SegmentStore store, Digester digester, GraphIndex graphs,
                        java.util.function.Supplier<List<GraphIndex.GroupFilter>> groups) {
        this.index = index;
        this.store = store;
        this.digester = digester;
        this.graphs = graphs;
        this.groups = groups;
    }

    @Override
    public void committed(List<StoredDocument> batch) {
        Map<String, TraceAssembler> touched = new LinkedHashMap<>();
        for (StoredDocument d : batch) {
            TraceAssembler a = touched.get(d.traceId());
            if (a == null) {
                a = assembler(d.traceId());
                touched.put(d.traceId(), a);
            }
            if (d.parsed() instanceof Segment s) a.add(s);
        }
        touched.forEach((traceId, a) -> {
            try {
                Trace t = a.assemble();
                IndexedTrace it = index.put(traceId, t.id().epochSeconds(), digester.digest(t));
                graphs.updated(it, t, System.currentTimeMillis());
            } catch (RuntimeException e) {
                LOG.warn("could not index trace {}: {}", traceId, e.toString());
            }
        });
    }

    @Override
    public void tick() {
        graphs.settle(System.currentTimeMillis(), false, groups.get());
    }

    private TraceAssembler assembler(String traceId) {
        TraceAssembler a = hot.get(traceId);
        if (a != null) return a;
        a = new TraceAssembler(TraceId.of(traceId));
        if (index.get(traceId) != null) {
            // Known trace that left the cache: its earlier documents are in the store (committed before this call).
            try {
                for (String doc : store.documents(traceId)) {
                    if (SegmentCodec.decode(doc) instanceof DecodeResult.Valid v) a.add(v.segment());
                }
            } catch (RuntimeException e) {
                LOG.warn("reloading trace {}: {}", traceId, e.toString());
            }
        }
        hot.put(traceId, a);
        return a;
    }

    @Override
    public void evicted(Set<String> traceIds) {
        traceIds.forEach(hot::remove);
        Set<Long> seconds = new java.util.HashSet<>();
        for (String id : traceIds) {
            IndexedTrace t = index.get(id);
            if (t != null) seconds.add(t.idTime());
        }
        index.removeAll(traceIds);
        graphs.evicted(seconds, groups.get());
    }

    /**
     * Rebuilds the index from the store at start (before the writer runs). Decoding, assembly and digests run on all
     * cores, a batch of traces at a time; the index and graph updates stay on this thread, in the traces' original
     * arrival order.
     */
    public int rebuild() {
        int[] n = {0};
        List<SegmentStore.TraceDocuments> batch = new ArrayList<>(REBUILD_BATCH);
        store.forEachTrace(t -> {
            batch.add(t);
            if (batch.size() == REBUILD_BATCH) {
                n[0] += rebuildBatch(batch);
                batch.clear();
                graphs.settle(Long.MAX_VALUE, true, groups.get());
            }
        });
        n[0] += rebuildBatch(batch);
        index.finishRebuild();
        graphs.settle(Long.MAX_VALUE, true, groups.get());
        return n[0];
    }

    private static final int REBUILD_BATCH = 4096;

    private record Rebuilt(SegmentStore.TraceDocuments docs, Trace trace, IndexedTrace.State state) {}

    private int rebuildBatch(List<SegmentStore.TraceDocuments> batch) {
        Rebuilt[] out = new Rebuilt[batch.size()];
        IntStream.range(0, out.length).parallel().forEach(i -> {
            SegmentStore.TraceDocuments d = batch.get(i);
            try {
                TraceAssembler a = new TraceAssembler(TraceId.of(d.traceId()));
                for (String doc : d.documents()) {
                    if (SegmentCodec.decode(doc) instanceof DecodeResult.Valid v) a.add(v.segment());
                }
                Trace t = a.assemble();
                out[i] = new Rebuilt(d, t, digester.digest(t));
            } catch (RuntimeException ex) {
                LOG.warn("skipping unreadable trace {}: {}", d.traceId(), ex.toString());
            }
        });
        int n = 0;
        for (Rebuilt r : out) {
            if (r == null) continue;
            IndexedTrace it = index.putRebuilt(r.docs().traceId(), r.trace().id().epochSeconds(), r.docs().firstSeq(),
                    r.state());
            graphs.updated(it, r.trace(), 0);
            n++;
        }
        return n;
    }
}
