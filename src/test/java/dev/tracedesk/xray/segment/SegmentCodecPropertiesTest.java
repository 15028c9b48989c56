package dev.tracedesk.xray.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SegmentCodecPropertiesTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Property(tries = 200)
    void codecRoundTripsGeneratedSegments(@ForAll("segments") Segment s) {
        String json = SegmentCodec.write(s);
        DecodeResult r = SegmentCodec.decode(json);
        assertThat(r.isValid()).as("%s -> %s", json, r).isTrue();
        Segment back = ((DecodeResult.Valid) r).segment();
        assertThat(back).isEqualTo(s);
        assertThat(SegmentCodec.write(back)).isEqualTo(json);
    }

    @Provide
    Arbitrary<Segment> segments() {
        return entity(2, true);
    }

    private static Arbitrary<String> hex(int n) {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(n);
    }

    private static Arbitrary<Segment> entity(int depth, boolean top) {
        Arbitrary<Double> start = Arbitraries.doubles().between(1.0e9, 2.0e9).ofScale(6);
        Arbitrary<Double> length = Arbitraries.doubles().between(0, 100).ofScale(6);
        Arbitrary<Map<String, AnnotationValue>> annotations = Arbitraries.maps(
                Arbitraries.strings().alpha().numeric().withChars('_').ofMinLength(1).ofMaxLength(12),
                Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(20).map(v -> (AnnotationValue) new AnnotationValue.Str(v)),
                        Arbitraries.doubles().between(-1e12, 1e12).map(v -> (AnnotationValue) new AnnotationValue.Num(v)),
                        Arbitraries.integers().map(v -> (AnnotationValue) new AnnotationValue.Num(v)),
                        Arbitraries.of(true, false).map(v -> (AnnotationValue) new AnnotationValue.Bool(v))))
                .ofMaxSize(4);
        Arbitrary<Http> http = Combinators.combine(Arbitraries.of("GET", "POST", "PUT"),
                        Arbitraries.integers().between(100, 599), Arbitraries.of(true, false))
                .as((m, st, t) -> new Http(new Http.Request(m, "https://h.example/" + st, null, "10.0.0.1", null,
                        t ? Boolean.TRUE : null, null), new Http.Response(st, 12L, null), null));
        Arbitrary<Cause> cause = Combinators.combine(hex(16), Arbitraries.strings().alpha().ofMaxLength(10),
                        Arbitraries.of(true, false), Arbitraries.integers().between(1, 999))
                .as((id, msg, remote, line) -> Cause.of(List.of(new Cause.ExceptionInfo(id, msg, "E" + msg, remote,
                        null, null, null, List.of(Cause.StackFrame.of("A.java", line, "a")), null))));
        Arbitrary<List<Segment>> children = depth == 0 ? Arbitraries.just(List.of())
                : entity(depth - 1, false).list().ofMaxSize(3);
        Arbitrary<String> namespace = Arbitraries.of("aws", "remote", "").injectNull(0.5);
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, 15);
        return Combinators.combine(hex(16), Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30),
                        start, length, annotations, http.injectNull(0.5), cause.injectNull(0.7), children)
                .flatAs((id, name, st, len, ann, h, c, kids) -> Combinators.combine(namespace, flags, hex(24), hex(16).injectNull(0.5))
                        .as((ns, fl, traceTail, parent) -> {
                            Segment.Builder b = Segment.builder().id(id).name(name).startTime(st)
                                    .annotations(ann).http(h).cause(c).subsegments(kids)
                                    .namespace(ns == null || ns.isEmpty() ? null : ns)
                                    .error((fl & 1) != 0 ? Boolean.TRUE : null)
                                    .throttle((fl & 2) != 0 ? Boolean.TRUE : null)
                                    .fault((fl & 4) != 0 ? Boolean.TRUE : null);
                            if ((fl & 8) != 0 && !top) {
                                b.inProgress(true);
                            } else {
                                b.endTime(st + len);
                            }
                            if (top) {
                                b.traceId("1-5759e988-" + traceTail).parentId(parent);
                                ObjectNode aws = F.objectNode().put("account_id", "123456789012");
                                aws.set("ec2", F.objectNode().put("instance_id", "i-" + traceTail));
                                b.aws(aws).extra(F.objectNode().put("x_unknown_" + fl, traceTail));
                                b.metadata((ObjectNode) F.objectNode().set("default", F.objectNode().put("k", len)));
                            }
                            return b.build();
                        }));
    }
}
