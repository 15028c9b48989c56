package dev.tracedesk.xray.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A random segment tree, with random subsegments cut out and sent on their own (as the SDKs stream them), in random
 * order, assembles back to the same tree.
 */
class StreamedAssemblyPropertiesTest {
    private static final String TRACE = "1-6650a1b2-3c4d5e6f708192a3b4c5d6e7";

    @Property(tries = 300)
    void streamedSubsegmentsReassembleToTheOriginalTree(@ForAll long seed) {
        Random random = new Random(seed);
        int[] counter = {1};
        Segment original = tree(random, counter, 0, 1000.0, 2000.0).toBuilder().traceId(TRACE).build();
        List<Segment> documents = new ArrayList<>();
        Segment kept = split(original, random, documents);
        documents.add(kept);
        Collections.shuffle(documents, random);
        // serialize and parse again, as the sandbox would receive them
        List<Segment> received = documents.stream().map(d -> SegmentCodec.read(SegmentCodec.write(d))).toList();

        Trace t = TraceAssembler.assemble(TraceId.of(TRACE), received);
        assertThat(t.orphans()).isEmpty();
        assertThat(t.segments()).hasSize(1);
        assertThat(SegmentCodec.write(canonical(t.segments().get(0), true)))
                .isEqualTo(SegmentCodec.write(canonical(original, true)));
    }

    private static Segment tree(Random r, int[] counter, int depth, double start, double end) {
        Segment.Builder b = Segment.builder().id(String.format("%016x", counter[0]++))
                .name("e" + counter[0]).startTime(start).endTime(end);
        if (depth < 3) {
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                double s = start + r.nextInt(1000) / 1000.0 * (end - start);
                double e = s + r.nextInt(1000) / 1000.0 * (end - s);
                b.subsegment(tree(r, counter, depth + 1, s, e));
            }
        }
        return b.build();
    }

    /** Removes a random part of the children; each removed child becomes an independent document. */
    private static Segment split(Segment e, Random r, List<Segment> out) {
        List<Segment> kept = new ArrayList<>();
        for (Segment child : e.subsegments()) {
            Segment rest = split(child, r, out);
            if (r.nextBoolean()) {
                out.add(rest.toBuilder().type(Segment.TYPE_SUBSEGMENT).traceId(TRACE).parentId(e.id()).build());
            } else {
                kept.add(rest);
            }
        }
        return e.withSubsegments(kept);
    }

    /** Children ordered by start time then id, linkage fields removed below the top. */
    private static Segment canonical(Segment e, boolean top) {
        List<Segment> children = new ArrayList<>();
        for (Segment c : e.subsegments()) {
            children.add(canonical(c, false));
        }
        children.sort(Comparator.comparingDouble(Segment::startTime).thenComparing(Segment::id));
        Segment.Builder b = e.toBuilder().subsegments(children);
        if (!top) {
            b.traceId(null).parentId(null).type(null);
        }
        return b.build();
    }
}
