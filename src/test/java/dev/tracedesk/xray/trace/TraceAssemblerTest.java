package dev.tracedesk.xray.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TraceAssemblerTest {
    private static final String TRACE = "1-6650a1b2-3c4d5e6f708192a3b4c5d6e7";
    private static final TraceId ID = TraceId.of(TRACE);

    private static Segment seg(String json) {
        return SegmentCodec.read(json);
    }

    private static List<String> written(Trace t) {
        List<String> out = new ArrayList<>();
        t.segments().forEach(s -> out.add(SegmentCodec.write(s)));
        t.orphans().forEach(s -> out.add("orphan " + SegmentCodec.write(s)));
        return out;
    }

    @Property(tries = 200)
    void assemblyDoesNotDependOnArrivalOrder(@ForAll @IntRange(min = 0, max = 12) int k,
                                             @ForAll long seed, @ForAll boolean duplicate) {
        List<Segment> docs = new ArrayList<>(ShopTraces.segments(k));
        List<String> expected = written(TraceAssembler.assemble(ID(k), docs));
        Random random = new Random(seed);
        if (duplicate) {
            docs.add(docs.get(random.nextInt(docs.size())));
        }
        Collections.shuffle(docs, random);
        Trace shuffled = TraceAssembler.assemble(ID(k), docs);
        assertThat(written(shuffled)).isEqualTo(expected);
        assertThat(shuffled.isPartial()).isEqualTo(k == 5);
    }

    private static TraceId ID(int k) {
        return TraceId.of(ShopTraces.traceId(k));
    }

    @Test
    void streamedSubsegmentsAttachUnderTheirParentSubsegmentWithoutLinkageFields() {
        Trace t = ShopTraces.trace(4);
        Segment updateFn = t.segments().stream()
                .filter(s -> s.name().equals(ShopTraces.UPDATE_DB) && "AWS::Lambda::Function".equals(s.origin()))
                .findFirst().orElseThrow();
        assertThat(updateFn.isComplete()).isTrue();
        Segment invocation = updateFn.subsegments().get(0);
        assertThat(invocation.name()).isEqualTo("Invocation");
        assertThat(invocation.subsegments()).extracting(Segment::name).containsExactly("store_order", "DynamoDB");
        for (Segment child : invocation.subsegments()) {
            assertThat(child.traceId()).isNull();
            assertThat(child.parentId()).isNull();
            assertThat(child.type()).isNull();
        }
        // assembled like a trace whose update_db function sent everything in one document
        Segment normal = ShopTraces.trace(1).segments().stream()
                .filter(s -> s.name().equals(ShopTraces.UPDATE_DB) && "AWS::Lambda::Function".equals(s.origin()))
                .findFirst().orElseThrow();
        assertThat(shape(updateFn)).isEqualTo(shape(normal))
                .isEqualTo("AMIS_shop_update_db[Invocation[store_order,DynamoDB],Overhead]");
    }

    private static String shape(Segment s) {
        if (s.subsegments().isEmpty()) {
            return s.name();
        }
        return s.name() + s.subsegments().stream().map(TraceAssemblerTest::shape)
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    @Test
    void completeDocumentReplacesInProgressAndNotTheOtherWayRound() {
        String inProgress = "{\"name\":\"a\",\"id\":\"0000000000000001\",\"trace_id\":\"" + TRACE
                + "\",\"start_time\":10,\"in_progress\":true}";
        String complete = "{\"name\":\"a\",\"id\":\"0000000000000001\",\"trace_id\":\"" + TRACE
                + "\",\"start_time\":10,\"end_time\":11}";
        TraceAssembler a = new TraceAssembler(ID);
        assertThat(a.add(seg(inProgress))).isEqualTo(AddResult.ADDED);
        assertThat(a.assemble().isPartial()).isTrue();
        assertThat(a.add(seg(complete))).isEqualTo(AddResult.REPLACED);
        assertThat(a.add(seg(inProgress))).isEqualTo(AddResult.IGNORED);
        assertThat(a.add(seg(complete))).isEqualTo(AddResult.IGNORED);
        Trace t = a.assemble();
        assertThat(t.isPartial()).isFalse();
        assertThat(t.segments()).hasSize(1);
        assertThat(t.segments().get(0).endTime()).isEqualTo(11.0);
        assertThat(a.revision()).isEqualTo(2);
        assertThat(t.revision()).isEqualTo(2);
    }

    @Test
    void independentSubsegmentReplacesAnEmbeddedInProgressCopy() {
        String segment = "{\"name\":\"a\",\"id\":\"0000000000000001\",\"trace_id\":\"" + TRACE
                + "\",\"start_time\":10,\"end_time\":12,\"subsegments\":[{\"name\":\"call\",\"id\":\"0000000000000002\","
                + "\"start_time\":10.5,\"in_progress\":true}]}";
        String sub = "{\"type\":\"subsegment\",\"trace_id\":\"" + TRACE + "\",\"parent_id\":\"0000000000000001\","
                + "\"name\":\"call\",\"id\":\"0000000000000002\",\"start_time\":10.5,\"end_time\":11.5}";
        for (List<String> order : List.of(List.of(segment, sub), List.of(sub, segment))) {
            Trace t = TraceAssembler.assemble(ID, order.stream().map(TraceAssemblerTest::seg).toList());
            assertThat(t.segments().get(0).subsegments()).hasSize(1);
            assertThat(t.segments().get(0).subsegments().get(0).endTime()).isEqualTo(11.5);
            assertThat(t.isPartial()).isFalse();
        }
    }

    @Test
    void subsegmentsCanHangUnderOtherIndependentSubsegments() {
        String segment = "{\"name\":\"a\",\"id\":\"0000000000000001\",\"trace_id\":\"" + TRACE
                + "\",\"start_time\":10,\"end_time\":12}";
        String outer = "{\"type\":\"subsegment\",\"trace_id\":\"" + TRACE + "\",\"parent_id\":\"0000000000000001\","
                + "\"name\":\"outer\",\"id\":\"0000000000000002\",\"start_time\":10.1,\"end_time\":11.9}";
        String inner = "{\"type\":\"subsegment\",\"trace_id\":\"" + TRACE + "\",\"parent_id\":\"0000000000000002\","
                + "\"name\":\"inner\",\"id\":\"0000000000000003\",\"start_time\":10.2,\"end_time\":10.3}";
        Trace t = TraceAssembler.assemble(ID, List.of(seg(inner), seg(segment), seg(outer)));
        Segment top = t.segments().get(0);
        assertThat(top.subsegments()).extracting(Segment::name).containsExactly("outer");
        assertThat(top.subsegments().get(0).subsegments()).extracting(Segment::name).containsExactly("inner");
        assertThat(t.entity("0000000000000003").name()).isEqualTo("inner");
        assertThat(t.ownerOf("0000000000000003")).isSameAs(top);
        assertThat(t.orphans()).isEmpty();
    }

    @Test
    void subsegmentsWithoutParentAreOrphansAndMakeTheTracePartial() {
        String segment = "{\"name\":\"a\",\"id\":\"0000000000000001\",\"trace_id\":\"" + TRACE
                + "\",\"start_time\":10,\"end_time\":12}";
        String orphan = "{\"type\":\"subsegment\",\"trace_id\":\"" + TRACE + "\",\"parent_id\":\"00000000000000ff\","
                + "\"name\":\"lost\",\"id\":\"0000000000000002\",\"start_time\":10.1,\"end_time\":11.9}";
        String child = "{\"type\":\"subsegment\",\"trace_id\":\"" + TRACE + "\",\"parent_id\":\"0000000000000002\","
                + "\"name\":\"lost-child\",\"id\":\"0000000000000003\",\"start_time\":10.2,\"end_time\":10.3}";
        Trace t = TraceAssembler.assemble(ID, List.of(seg(child), seg(orphan), seg(segment)));
        assertThat(t.orphans()).extracting(Segment::name).containsExactly("lost");
        assertThat(t.orphans().get(0).subsegments()).extracting(Segment::name).containsExactly("lost-child");
        assertThat(t.isPartial()).isTrue();
        assertThat(t.segments().get(0).subsegments()).isEmpty();
    }

    @Test
    void subsegmentsPointingAtEachOtherAreKeptNotLost() {
        String a = "{\"type\":\"subsegment\",\"trace_id\":\"" + TRACE + "\",\"parent_id\":\"0000000000000003\","
                + "\"name\":\"a\",\"id\":\"0000000000000002\",\"start_time\":10.1,\"end_time\":11.9}";
        String b = "{\"type\":\"subsegment\",\"trace_id\":\"" + TRACE + "\",\"parent_id\":\"0000000000000002\","
                + "\"name\":\"b\",\"id\":\"0000000000000003\",\"start_time\":10.2,\"end_time\":10.3}";
        Trace t = TraceAssembler.assemble(ID, List.of(seg(b), seg(a)));
        assertThat(t.orphans()).extracting(Segment::name).containsExactly("a");
        assertThat(t.orphans().get(0).subsegments()).extracting(Segment::name).containsExactly("b");
        assertThat(t.isPartial()).isTrue();
    }

    @Test
    void documentsOfAnotherTraceAreRejected() {
        TraceAssembler a = new TraceAssembler(ID);
        Segment other = seg("{\"name\":\"a\",\"id\":\"0000000000000001\",\"trace_id\":\"1-6650a1b2-000000000000000000000000\","
                + "\"start_time\":10,\"end_time\":12}");
        assertThat(a.add(other)).isEqualTo(AddResult.REJECTED);
        assertThat(a.documentCount()).isZero();
    }

    @Test
    void rootIsTheSegmentWhoseParentIsNotInTheTrace() {
        Trace shop = ShopTraces.trace(1);
        assertThat(shop.roots()).extracting(Segment::name).containsExactly(ShopTraces.API);
        Trace loadgen = ShopTraces.trace(11);
        assertThat(loadgen.root().name()).isEqualTo(ShopTraces.LOADGEN);
        // a segment whose caller was not sampled still roots the trace
        Segment callee = seg("{\"name\":\"b\",\"id\":\"0000000000000009\",\"trace_id\":\"" + TRACE
                + "\",\"parent_id\":\"00000000000000aa\",\"start_time\":10,\"end_time\":12}");
        assertThat(TraceAssembler.assemble(ID, List.of(callee)).root()).isSameAs(callee);
    }

    @Test
    void traceTimesComeFromAllSegments() {
        Trace t = ShopTraces.trace(0);
        assertThat(t.startTime()).isEqualTo((double) ShopTraces.base(0));
        assertThat(Math.round(t.duration() * 1000)).isEqualTo(600);
        assertThat(Math.round(t.responseTime() * 1000)).isEqualTo(440);
        assertThat(t.documentCount()).isEqualTo(7);
    }

    @Test
    void assembleAllGroupsByTrace() {
        List<Segment> docs = new ArrayList<>();
        docs.addAll(ShopTraces.segments(2));
        docs.addAll(ShopTraces.segments(7));
        Collections.shuffle(docs, new Random(7));
        Map<TraceId, Trace> traces = TraceAssembler.assembleAll(docs);
        assertThat(traces).containsOnlyKeys(ID(2), ID(7));
        assertThat(traces.get(ID(2)).segments()).hasSize(7);
        assertThat(traces.get(ID(7)).segments()).hasSize(1);
    }
}
