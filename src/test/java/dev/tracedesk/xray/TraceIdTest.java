package dev.tracedesk.xray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceIdTest {

    @Test
    void parsesTheDocumentedExampleAndReadsItsTime() {
        TraceId id = TraceId.of("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(id.value()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(id.epochSeconds()).isEqualTo(1465510280L);
    }

    @Test
    void convertsW3cIdsBothWays() {
        TraceId id = TraceId.of("4efaaf4d1e8720b39541901950019ee5");
        assertThat(id.value()).isEqualTo("1-4efaaf4d-1e8720b39541901950019ee5");
        assertThat(id.toW3c()).isEqualTo("4efaaf4d1e8720b39541901950019ee5");
        assertThat(TraceId.fromW3c("4EFAAF4D1E8720B39541901950019EE5")).contains(id);
    }

    @Test
    void upperCaseIsAcceptedAndNormalised() {
        assertThat(TraceId.parse("1-5759E988-BD862E3FE1BE46A994272793"))
                .map(TraceId::value).contains("1-5759e988-bd862e3fe1be46a994272793");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1-5759e988-bd862e3fe1be46a99427279", "2-5759e988-bd862e3fe1be46a994272793",
            "1-5759e988bd862e3fe1be46a994272793x", "1_5759e988-bd862e3fe1be46a994272793",
            "1-5759e98g-bd862e3fe1be46a994272793", "1-5759e988-bd862e3fe1be46a99427279z",
            "4efaaf4d1e8720b39541901950019ee", "not a trace id"})
    void rejectsMalformedIds(String text) {
        assertThat(TraceId.parse(text)).isEmpty();
        assertThat(TraceId.isValid(text)).isFalse();
        assertThatThrownBy(() -> TraceId.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullIsNotAnId() {
        assertThat(TraceId.parse(null)).isEmpty();
    }

    @Test
    void generatedIdsCarryTheStartTimeAndDiffer() {
        Instant t = Instant.ofEpochSecond(1_764_000_000L);
        TraceId a = TraceId.generate(t);
        TraceId b = TraceId.generate(t);
        assertThat(TraceId.isValid(a.value())).isTrue();
        assertThat(a.value()).startsWith("1-69248100-");
        assertThat(a.epochSeconds()).isEqualTo(1_764_000_000L);
        assertThat(a).isNotEqualTo(b);
        assertThat(TraceId.fromW3c(a.toW3c())).contains(a);
    }

    @Test
    void segmentIdsAreSixteenHexDigits() {
        assertThat(SegmentId.isValid("53995c3f42cd8ad8")).isTrue();
        assertThat(SegmentId.isValid("53995C3F42CD8AD8")).isTrue();
        assertThat(SegmentId.isValid("53995c3f42cd8ad")).isFalse();
        assertThat(SegmentId.isValid("53995c3f42cd8ad8a")).isFalse();
        assertThat(SegmentId.isValid("53995c3f42cd8adx")).isFalse();
        assertThat(SegmentId.isValid(null)).isFalse();
        String g = SegmentId.generate();
        assertThat(g).matches("[0-9a-f]{16}");
        assertThat(SegmentId.generate()).isNotEqualTo(g);
        assertThat(SegmentId.derive("x")).matches("[0-9a-f]{16}").isEqualTo(SegmentId.derive("x"))
                .isNotEqualTo(SegmentId.derive("y"));
    }
}
