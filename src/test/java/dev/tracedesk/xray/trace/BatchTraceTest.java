package dev.tracedesk.xray.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracedesk.xray.ApiJson;
import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import org.junit.jupiter.api.Test;

class BatchTraceTest {

    @Test
    void unittestTraceHasItsTwoSegmentsAndAnInferredTableSegment() throws Exception {
        Trace t = ShopTraces.trace(9);
        BatchTrace b = BatchTrace.of(t);
        assertThat(b.id()).isEqualTo(ShopTraces.traceId(9));
        assertThat(b.duration()).isEqualTo(0.9);
        assertThat(b.limitExceeded()).isFalse();
        assertThat(b.segments()).hasSize(3);
        assertThat(b.segments().get(0).id()).isEqualTo(ShopTraces.id(9, 1));
        // unchanged segments are returned as sent
        assertThat(b.segments().get(0).document()).isEqualTo(ShopTraces.documents(9).get(0));
        Segment inferred = SegmentCodec.read(b.segments().get(2).document());
        assertThat(inferred.name()).isEqualTo("DynamoDB");
        assertThat(inferred.origin()).isEqualTo("AWS::DynamoDB::Table");
        assertThat(inferred.isInferred()).isTrue();
        assertThat(inferred.parentId()).isEqualTo(ShopTraces.id(9, 5));
        assertThat(inferred.traceId()).isEqualTo(ShopTraces.traceId(9));
        assertThat(inferred.fault()).isTrue();
        assertThat(inferred.httpStatus()).isEqualTo(400);
        assertThat(inferred.awsText("table_name")).isEqualTo(ShopTraces.BAD_TABLE);
        assertThat(inferred.startTime()).isEqualTo(1764000540.61);
        assertThat(inferred.id()).matches("[0-9a-f]{16}").isEqualTo(b.segments().get(2).id());
        assertThat(BatchTrace.of(ShopTraces.trace(9)).segments().get(2).id()).isEqualTo(inferred.id()); // stable

        JsonNode json = ApiJson.mapper().readTree(ApiJson.write(b));
        assertThat(json.get("Id").asText()).isEqualTo(ShopTraces.traceId(9));
        assertThat(json.get("Duration").asDouble()).isEqualTo(0.9);
        assertThat(json.get("LimitExceeded").asBoolean()).isFalse();
        assertThat(json.at("/Segments/0/Document").isTextual()).isTrue();
        assertThat(json.at("/Segments/0/Id").asText()).isEqualTo(ShopTraces.id(9, 1));
    }

    @Test
    void streamedSubsegmentsAreMergedIntoTheirSegmentDocument() {
        BatchTrace b = BatchTrace.of(ShopTraces.trace(4));
        // 7 real segments + inferred: 2 topics + the table
        assertThat(b.segments()).hasSize(10);
        String updateFn = b.segments().stream().filter(d -> d.id().equals(ShopTraces.id(4, 16))).findFirst()
                .orElseThrow().document();
        Segment s = SegmentCodec.read(updateFn);
        assertThat(s.isComplete()).isTrue();
        assertThat(s.subsegments().get(0).subsegments()).extracting(Segment::name)
                .containsExactly("store_order", "DynamoDB");
        assertThat(updateFn).doesNotContain("\"type\":\"subsegment\"");
        assertThat(b.segments()).extracting(BatchTrace.SegmentDocument::id).doesNotHaveDuplicates();
    }

    @Test
    void documentsReturnedByBatchGetTracesAssembleToTheSameSummaryAndGraph() {
        for (int k = 0; k < ShopTraces.COUNT; k++) {
            Trace original = ShopTraces.trace(k);
            java.util.List<Segment> fetched = new java.util.ArrayList<>();
            for (BatchTrace.SegmentDocument d : BatchTrace.of(original).segments()) {
                dev.tracedesk.xray.segment.DecodeResult r = SegmentCodec.decode(d.document());
                assertThat(r.isValid()).as("trace %d: %s", k, r).isTrue();
                fetched.add(((dev.tracedesk.xray.segment.DecodeResult.Valid) r).segment());
            }
            Trace again = TraceAssembler.assemble(original.id(), fetched);
            dev.tracedesk.xray.summary.TraceSummary a = dev.tracedesk.xray.summary.TraceSummaries.of(original);
            dev.tracedesk.xray.summary.TraceSummary b = dev.tracedesk.xray.summary.TraceSummaries.of(again);
            assertThat(b).as("trace %d", k).usingRecursiveComparison().ignoringFields("revision").isEqualTo(a);
            assertThat(dev.tracedesk.xray.graph.ServiceGraph.ofTrace(again))
                    .isEqualTo(dev.tracedesk.xray.graph.ServiceGraph.ofTrace(original));
            assertThat(normalized(BatchTrace.of(again))).isEqualTo(normalized(BatchTrace.of(original)));
        }
    }

    private static java.util.List<BatchTrace.SegmentDocument> normalized(BatchTrace b) {
        return b.segments().stream().map(d -> new BatchTrace.SegmentDocument(d.id(),
                SegmentCodec.write(SegmentCodec.read(d.document())))).toList();
    }

    @Test
    void limitExceededWhenTheDocumentsOutgrowTheBudget() {
        Trace t = ShopTraces.trace(0);
        assertThat(BatchTrace.of(t, 1000).limitExceeded()).isTrue();
        assertThat(BatchTrace.of(t, t.documentBytes()).limitExceeded()).isFalse();
    }
}
