package dev.tracedesk.explore.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.trace.Trace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceDocumentsTest {

    @Test
    void savedTracesReadBackWithTheSameSegmentsAndSubsegments(@TempDir Path dir) throws Exception {
        List<Trace> traces = List.of(ShopTraces.trace(0), ShopTraces.trace(9));
        Path file = dir.resolve("traces.json");
        TraceDocuments.save(file, traces);

        TraceDocuments.Parsed back = TraceDocuments.read(file);
        assertThat(back.traces()).extracting(t -> t.id().value())
                .containsExactly(ShopTraces.traceId(0), ShopTraces.traceId(9));
        assertThat(back.skippedDocuments()).isZero();
        for (int i = 0; i < 2; i++) {
            assertThat(back.traces().get(i).segments()).hasSameSizeAs(traces.get(i).segments());
            assertThat(back.traces().get(i).duration()).isEqualTo(traces.get(i).duration());
        }
        assertThat(back.traces().get(1).entity(ShopTraces.id(9, 5)).awsText("table_name"))
                .isEqualTo(ShopTraces.BAD_TABLE);
    }

    @Test
    void aMalformedSegmentIsCountedAndSkippedAndAWrongShapeIsAClearError() {
        String doc = ShopTraces.documents(1).get(0).replace("\"", "\\\"");
        String json = "{\"Traces\":[{\"Id\":\"x\",\"Segments\":[{\"Id\":\"a\",\"Document\":\"" + doc + "\"},"
                + "{\"Id\":\"b\",\"Document\":\"{not json\"}]}],\"UnprocessedTraceIds\":[\"1-00000000-000000000000000000000000\"]}";
        TraceDocuments.Parsed parsed = TraceDocuments.parse(json);
        assertThat(parsed.traces()).hasSize(1);
        assertThat(parsed.skippedDocuments()).isEqualTo(1);
        assertThat(parsed.unprocessedIds()).hasSize(1);

        assertThatThrownBy(() -> TraceDocuments.parse("{\"Segments\":[]}")).hasMessageContaining("\"Traces\"");
        assertThatThrownBy(() -> TraceDocuments.parse("nope")).hasMessageContaining("not JSON");
    }
}
