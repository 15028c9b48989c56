package dev.tracedesk.xray.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentValidationTest {
    private static final String TRACE = "1-6650a1b2-3c4d5e6f708192a3b4c5d6e7";

    private static String doc(String extra) {
        return "{\"name\":\"cart-api\",\"id\":\"6f2a9c01b3d4e5f6\",\"trace_id\":\"" + TRACE + "\","
                + "\"start_time\":1716560306.012" + extra + "}";
    }

    private static DecodeResult.Invalid invalid(String json) {
        DecodeResult r = SegmentCodec.decode(json);
        assertThat(r.isValid()).as("expected %s to be rejected", json).isFalse();
        return (DecodeResult.Invalid) r;
    }

    @Test
    void minimalCompleteAndInProgressSegmentsAreValid() {
        assertThat(SegmentCodec.decode(doc(",\"end_time\":1716560306.410")).isValid()).isTrue();
        assertThat(SegmentCodec.decode(doc(",\"in_progress\":true")).isValid()).isTrue();
    }

    @Test
    void badTraceIdIsReportedAsInvalidTraceIdWithTheSegmentId() {
        DecodeResult.Invalid r = invalid(doc(",\"end_time\":1716560306.410").replace(TRACE, "1-abc-def"));
        assertThat(r.errorCode()).isEqualTo(DecodeResult.INVALID_TRACE_ID);
        assertThat(r.id()).isEqualTo("6f2a9c01b3d4e5f6");
        assertThat(r.violations()).extracting(Violation::field).containsExactly("trace_id");
        assertThat(r.message()).contains("trace_id").contains("1-abc-def");
    }

    @Test
    void missingTraceIdIsReported() {
        DecodeResult.Invalid r = invalid("{\"name\":\"a\",\"id\":\"6f2a9c01b3d4e5f6\",\"start_time\":1,\"end_time\":2}");
        assertThat(r.violations()).containsExactly(new Violation("trace_id", "missing"));
    }

    @Test
    void badSegmentIdIsAnInvalidSegment() {
        DecodeResult.Invalid r = invalid(doc(",\"end_time\":1716560306.410").replace("6f2a9c01b3d4e5f6", "xyz"));
        assertThat(r.errorCode()).isEqualTo(DecodeResult.INVALID_SEGMENT);
        assertThat(r.violations()).extracting(Violation::field).containsExactly("id");
        assertThat(r.violations().get(0).reason()).contains("16 hex");
    }

    @Test
    void endBeforeStartIsReported() {
        DecodeResult.Invalid r = invalid(doc(",\"end_time\":1716560305.0"));
        assertThat(r.violations()).extracting(Violation::field).containsExactly("end_time");
        assertThat(r.violations().get(0).reason()).startsWith("before start_time");
    }

    @Test
    void neitherEndTimeNorInProgressIsReported() {
        assertThat(invalid(doc("")).violations()).extracting(Violation::reason)
                .containsExactly("missing (send end_time or in_progress: true)");
    }

    @Test
    void endTimeTogetherWithInProgressIsReported() {
        assertThat(invalid(doc(",\"end_time\":1716560306.410,\"in_progress\":true")).violations())
                .extracting(Violation::field).containsExactly("end_time");
    }

    @Test
    void missingNameAndStartAreReportedTogether() {
        DecodeResult.Invalid r = invalid("{\"id\":\"6f2a9c01b3d4e5f6\",\"trace_id\":\"" + TRACE + "\",\"end_time\":2}");
        assertThat(r.violations()).extracting(Violation::field).containsExactly("name", "start_time");
    }

    @Test
    void oversizedDocumentIsRejected() {
        String big = "x".repeat(70_000);
        DecodeResult.Invalid r = invalid(doc(",\"end_time\":1716560306.410,\"metadata\":{\"default\":{\"blob\":\"" + big + "\"}}"));
        assertThat(r.violations()).hasSize(1);
        assertThat(r.violations().get(0).reason()).contains("over the 64 KiB limit");
    }

    @Test
    void hugeDocumentIsRejectedWithoutParsing() {
        DecodeResult.Invalid r = invalid("{" + " ".repeat(300_000) + "}");
        assertThat(r.id()).isNull();
        assertThat(r.message()).contains("over the 64 KiB limit");
    }

    @Test
    void rawTextCanBeDropped() {
        DecodeResult r = SegmentCodec.decode(doc(",\"end_time\":1716560306.410"), false);
        assertThat(((DecodeResult.Valid) r).segment().rawDocument()).isNull();
        assertThat(((DecodeResult.Valid) SegmentCodec.decode(doc(",\"end_time\":1716560306.410"))).segment()
                .rawDocument()).isNotNull();
    }

    @Test
    void multiByteCharactersCountInBytes() {
        // 22 000 three-byte characters: 66 000 bytes although only 22 000 chars
        String big = "\u20ac".repeat(22_000);
        DecodeResult.Invalid r = invalid(doc(",\"end_time\":1716560306.410,\"metadata\":{\"d\":{\"b\":\"" + big + "\"}}"));
        assertThat(r.message()).contains("over the 64 KiB limit");
    }

    @Test
    void malformedJsonAndNonObjectsAreRejectedWithoutExceptions() {
        assertThat(invalid("{\"name\":").message()).startsWith("malformed JSON");
        assertThat(invalid("[1,2]").message()).isEqualTo("document is not a JSON object");
        assertThat(invalid("").message()).isEqualTo("empty document");
        assertThat(invalid(null).message()).isEqualTo("empty document");
        assertThat(invalid(doc(",\"end_time\":1716560306.410} trailing")).message()).isNotBlank();
    }

    @Test
    void wrongFieldTypesAreReported() {
        DecodeResult.Invalid r = invalid(doc(",\"end_time\":\"soon\",\"user\":5,\"annotations\":{\"a\":{\"b\":1}},"
                + "\"http\":{\"response\":{\"status\":\"200\"}}"));
        assertThat(r.violations()).extracting(Violation::field)
                .contains("end_time", "user", "annotations.a", "http.response.status");
    }

    @Test
    void independentSubsegmentNeedsParentId() {
        DecodeResult.Invalid r = invalid(doc(",\"end_time\":1716560306.410,\"type\":\"subsegment\""));
        assertThat(r.violations()).extracting(Violation::field).containsExactly("parent_id");
    }

    @Test
    void unknownTypeIsReported() {
        assertThat(invalid(doc(",\"end_time\":1716560306.410,\"type\":\"segment\"")).violations())
                .extracting(Violation::field).containsExactly("type");
    }

    @Test
    void embeddedSubsegmentsAreCheckedWithTheirPath() {
        DecodeResult.Invalid r = invalid(doc(",\"end_time\":1716560306.410,\"subsegments\":["
                + "{\"id\":\"0000000000000001\",\"name\":\"ok\",\"start_time\":1716560306.1,\"end_time\":1716560306.2},"
                + "{\"id\":\"bad\",\"start_time\":1716560306.1,\"end_time\":1716560306.2,"
                + "\"subsegments\":[{\"id\":\"0000000000000003\",\"name\":\"deep\",\"start_time\":1716560306.3}]}]"));
        assertThat(r.violations()).extracting(Violation::field)
                .containsExactly("subsegments[1].id", "subsegments[1].name", "subsegments[1].subsegments[0].end_time");
    }

    @Test
    void tooLongNameIsReported() {
        String name = "n".repeat(201);
        DecodeResult.Invalid r = invalid(doc(",\"end_time\":1716560306.410").replace("cart-api", name));
        assertThat(r.violations()).containsExactly(new Violation("name", "longer than 200 characters"));
    }

    @Test
    void badPrecursorAndParentIdsAreReported() {
        DecodeResult.Invalid r = invalid(doc(",\"end_time\":1716560306.410,\"parent_id\":\"12\",\"precursor_ids\":[\"zz\"]"));
        assertThat(r.violations()).extracting(Violation::field).containsExactly("parent_id", "precursor_ids");
    }

    @Test
    void validatorCanBeCalledOnBuiltSegments() {
        Segment s = Segment.builder().id("6f2a9c01b3d4e5f6").name("x").traceId(TRACE).startTime(2).endTime(1).build();
        List<Violation> v = SegmentValidator.validate(s);
        assertThat(v).extracting(Violation::field).containsExactly("end_time");
    }
}
