package dev.tracedesk.xray.segment;

import static dev.tracedesk.xray.segment.JsonAssert.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.strategy.DefaultStreamingStrategy;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;
import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.summary.TraceSummaries;
import dev.tracedesk.xray.summary.TraceSummary;
import dev.tracedesk.xray.trace.Trace;
import dev.tracedesk.xray.trace.TraceAssembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Documents written by the official X-Ray SDK for Java (captured from its emitter, never sent) read back intact. */
class OfficialSdkDocumentsTest {

    private static List<String> record(int streamingThreshold) {
        List<String> docs = new CopyOnWriteArrayList<>();
        Emitter capture = new Emitter() {
            @Override
            public boolean sendSegment(com.amazonaws.xray.entities.Segment segment) {
                docs.add(segment.serialize());
                return true;
            }

            @Override
            public boolean sendSubsegment(Subsegment subsegment) {
                docs.add(subsegment.streamSerialize());
                return true;
            }
        };
        AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard().withEmitter(capture)
                .withSamplingStrategy(new AllSamplingStrategy())
                .withStreamingStrategy(new DefaultStreamingStrategy(streamingThreshold)).build();
        com.amazonaws.xray.entities.Segment seg = recorder.beginSegment("cart-api");
        seg.setOrigin("AWS::EC2::Instance");
        seg.setUser("u-1842");
        seg.putAnnotation("tenant", "acme");
        seg.putAnnotation("items", 3);
        seg.putAnnotation("ratio", 0.25);
        seg.putAnnotation("vip", true);
        seg.putMetadata("debug", "query", Map.of("q", "x"));
        seg.putHttp("request", Map.of("method", "GET", "url", "https://shop.example.net/cart",
                "client_ip", "198.51.100.7", "user_agent", "curl/8.5.0"));
        Subsegment pay = recorder.beginSubsegment("payments.example.org");
        pay.setNamespace("remote");
        pay.putHttp("request", Map.of("method", "POST", "url", "https://payments.example.org/charge", "traced", false));
        pay.putHttp("response", Map.of("status", 502, "content_length", 0));
        pay.setFault(true);
        pay.addException(new IllegalStateException("bad gateway"));
        recorder.endSubsegment();
        Subsegment db = recorder.beginSubsegment("DynamoDB");
        db.setNamespace("aws");
        db.putAws("operation", "GetItem");
        db.putAws("table_name", "carts");
        db.putHttp("response", Map.of("status", 200));
        recorder.endSubsegment();
        seg.putHttp("response", Map.of("status", 200));
        recorder.endSegment();
        return new ArrayList<>(docs);
    }

    @Test
    void officialSdkSegmentsDecodeAndRoundTrip() {
        List<String> docs = record(100);
        assertThat(docs).hasSize(1);
        DecodeResult r = SegmentCodec.decode(docs.get(0));
        assertThat(r.isValid()).as("%s", r).isTrue();
        Segment s = ((DecodeResult.Valid) r).segment();
        assertThat(TraceId.isValid(s.traceId())).isTrue();
        assertThat(s.user()).isEqualTo("u-1842");
        assertThat(s.annotations()).containsEntry("items", new AnnotationValue.Num(3))
                .containsEntry("vip", new AnnotationValue.Bool(true)).containsEntry("ratio", new AnnotationValue.Num(0.25));
        assertThat(s.subsegments()).extracting(Segment::name).containsExactly("payments.example.org", "DynamoDB");
        Segment pay = s.subsegments().get(0);
        assertThat(pay.fault()).isTrue();
        assertThat(pay.httpStatus()).isEqualTo(502);
        assertThat(pay.cause().exceptions()).hasSize(1);
        assertThat(pay.cause().exceptions().get(0).type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(pay.cause().exceptions().get(0).message()).isEqualTo("bad gateway");
        assertThat(pay.cause().exceptions().get(0).stack()).isNotEmpty();
        assertSameJson(SegmentCodec.write(s), docs.get(0));
    }

    @Test
    void streamedSubsegmentsFromTheSdkAssembleToTheSameTrace() {
        List<String> streamed = record(0);
        assertThat(streamed.size()).isGreaterThan(1);
        List<Segment> docs = new ArrayList<>();
        for (String d : streamed) {
            DecodeResult r = SegmentCodec.decode(d);
            assertThat(r.isValid()).as("%s -> %s", d, r).isTrue();
            docs.add(((DecodeResult.Valid) r).segment());
        }
        assertThat(docs).anyMatch(Segment::isIndependentSubsegment);
        TraceId id = TraceId.of(docs.get(0).traceId());
        Trace t = TraceAssembler.assemble(id, docs);
        assertThat(t.segments()).hasSize(1);
        assertThat(t.orphans()).isEmpty();
        assertThat(t.root().subsegments()).extracting(Segment::name)
                .containsExactlyInAnyOrder("payments.example.org", "DynamoDB");
        TraceSummary summary = TraceSummaries.of(t);
        // The root service first; the two calls may share a start time to the microsecond, and then their order
        // (and so the order of their services) is not defined.
        assertThat(summary.serviceIds()).first().isEqualTo(ServiceId.of("cart-api", "AWS::EC2::Instance"));
        assertThat(summary.serviceIds()).containsExactlyInAnyOrder(ServiceId.of("cart-api", "AWS::EC2::Instance"),
                ServiceId.of("payments.example.org", "remote"), ServiceId.of("carts", "AWS::DynamoDB::Table"));
        assertThat(summary.faultRootCauses()).hasSize(1);
        assertThat(summary.faultRootCauses().get(0).clientImpacting()).isFalse();
        assertThat(summary.users()).extracting(TraceSummary.TraceUser::userName).containsExactly("u-1842");
    }
}
