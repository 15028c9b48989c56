package dev.tracedesk.xray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.xray.TraceHeader.Sampled;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceHeaderTest {
    private static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";

    @Test
    void parsesTheDocumentedHeader() {
        TraceHeader h = TraceHeader.parse("Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1").orElseThrow();
        assertThat(h.root()).isEqualTo(TraceId.of(ROOT));
        assertThat(h.parent()).isEqualTo("53995c3f42cd8ad8");
        assertThat(h.sampled()).isEqualTo(Sampled.SAMPLED);
        assertThat(h.lineage()).isNull();
        assertThat(h.extras()).isEmpty();
        assertThat(h.format()).isEqualTo("Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1");
    }

    @Test
    void keepsLineageAndExtraKeysAndWritesThemBack() {
        TraceHeader h = TraceHeader.parse("Self=1-67891234-12456789abcdef012345678;Root=" + ROOT
                + ";Sampled=0;Lineage=a87bd80c:1|68fd508a:5;Foo=bar").orElseThrow();
        assertThat(h.sampled()).isEqualTo(Sampled.NOT_SAMPLED);
        assertThat(h.lineage()).isEqualTo("a87bd80c:1|68fd508a:5");
        assertThat(h.extras()).containsExactly(Map.entry("Self", "1-67891234-12456789abcdef012345678"),
                Map.entry("Foo", "bar"));
        assertThat(h.format()).isEqualTo("Root=" + ROOT + ";Sampled=0;Lineage=a87bd80c:1|68fd508a:5"
                + ";Self=1-67891234-12456789abcdef012345678;Foo=bar");
        assertThat(TraceHeader.parse(h.format())).contains(h);
    }

    @Test
    void orderSpacesAndKeyCaseDoNotMatter() {
        TraceHeader h = TraceHeader.parse(" sampled=? ; parent=53995c3f42cd8ad8 ;ROOT=" + ROOT + " ;").orElseThrow();
        assertThat(h.root().value()).isEqualTo(ROOT);
        assertThat(h.parent()).isEqualTo("53995c3f42cd8ad8");
        assertThat(h.sampled()).isEqualTo(Sampled.REQUESTED);
        assertThat(h.format()).isEqualTo("Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=?");
    }

    @Test
    void missingOrUnknownSamplingIsUnknownAndNotWritten() {
        TraceHeader h = TraceHeader.parse("Root=" + ROOT).orElseThrow();
        assertThat(h.sampled()).isEqualTo(Sampled.UNKNOWN);
        assertThat(h.format()).isEqualTo("Root=" + ROOT);
        assertThat(TraceHeader.parse("Root=" + ROOT + ";Sampled=maybe").orElseThrow().sampled())
                .isEqualTo(Sampled.UNKNOWN);
    }

    @Test
    void malformedRootAndParentAreDroppedWithoutFailing() {
        TraceHeader h = TraceHeader.parse("Root=1-xyz;Parent=123;Sampled=1;garbage;=x").orElseThrow();
        assertThat(h.root()).isNull();
        assertThat(h.parent()).isNull();
        assertThat(h.sampled()).isEqualTo(Sampled.SAMPLED);
        assertThat(h.format()).isEqualTo("Sampled=1");
    }

    @Test
    void blankHeaderIsAbsent() {
        assertThat(TraceHeader.parse(null)).isEmpty();
        assertThat(TraceHeader.parse("  ")).isEmpty();
    }

    @Test
    void acceptsW3cRootsAsXrayIds() {
        TraceHeader h = TraceHeader.parse("Root=4efaaf4d1e8720b39541901950019ee5").orElseThrow();
        assertThat(h.root()).isNull(); // the header's Root must be the X-Ray form
        TraceHeader built = TraceHeader.of(TraceId.of("4efaaf4d1e8720b39541901950019ee5"), "53995c3f42cd8ad8",
                Sampled.SAMPLED);
        assertThat(built.format()).isEqualTo("Root=1-4efaaf4d-1e8720b39541901950019ee5;Parent=53995c3f42cd8ad8;Sampled=1");
        assertThat(built.withParent("0000000000000001").withSampled(Sampled.NOT_SAMPLED).format())
                .isEqualTo("Root=1-4efaaf4d-1e8720b39541901950019ee5;Parent=0000000000000001;Sampled=0");
    }
}
