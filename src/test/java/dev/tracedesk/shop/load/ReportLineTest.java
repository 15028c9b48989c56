package dev.tracedesk.shop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportLineTest {
    @Test
    void parsesAColdTracedReportFromTheSpecExample() {
        ReportLine r = ReportLine.parse("REPORT RequestId: 3c5a7e0d-2f1b-4a7e-9d3c-1b2a3c4d5e6f\tDuration: 38.66 ms\tBilled Duration: 39 ms\t"
                + "Memory Size: 128 MB\tMax Memory Used: 54 MB\tInit Duration: 203.69 ms\t\n"
                + "XRAY TraceId: 1-6650a1b2-3c4d5e6f708192a3b4c5d6e7\tSegmentId: 42ff9a0c0645f474\tSampled: true\t").orElseThrow();
        assertThat(r.requestId()).isEqualTo("3c5a7e0d-2f1b-4a7e-9d3c-1b2a3c4d5e6f");
        assertThat(r.durationMs()).isEqualTo(38.66);
        assertThat(r.billedMs()).isEqualTo(39);
        assertThat(r.memorySizeMb()).isEqualTo(128);
        assertThat(r.maxMemoryUsedMb()).isEqualTo(54);
        assertThat(r.initDurationMs()).isEqualTo(203.69);
        assertThat(r.coldStart()).isTrue();
        assertThat(r.traceId()).isEqualTo("1-6650a1b2-3c4d5e6f708192a3b4c5d6e7");
        assertThat(r.segmentId()).isEqualTo("42ff9a0c0645f474");
    }

    @Test
    void toleratesOldSpacingAndRejectsOtherLines() {
        ReportLine r = ReportLine.parse("REPORT RequestId: r\tDuration: 1.50 ms\tBilled Duration: 27 ms \tMemory Size: 256 MB\t"
                + "Max Memory Used: 3 MB\tStatus: timeout").orElseThrow();
        assertThat(r.coldStart()).isFalse();
        assertThat(r.timedOut()).isTrue();
        assertThat(r.billedMs()).isEqualTo(27);
        assertThat(ReportLine.parse("START RequestId: r Version: $LATEST")).isEmpty();
        assertThat(ReportLine.parse("REPORT RequestId: r\tDuration: n/a")).isEmpty();
    }

    @Test
    void statisticsUseNearestRankPercentilesAndCountColdStarts() {
        List<ReportLine> reports = List.of(
                new ReportLine("a", 10, 10, 128, 5, 100.0, null, null, false),
                new ReportLine("b", 20, 20, 128, 7, null, null, null, false),
                new ReportLine("c", 30, 30, 128, 6, 50.0, null, null, false),
                new ReportLine("d", 40, 40, 128, 2, null, null, null, true));
        FunctionStats s = FunctionStats.of("fn", reports);
        assertThat(s.invocations()).isEqualTo(4);
        assertThat(s.coldStarts()).isEqualTo(2);
        assertThat(s.timeouts()).isEqualTo(1);
        assertThat(s.minMs()).isEqualTo(10);
        assertThat(s.avgMs()).isEqualTo(25);
        assertThat(s.p50Ms()).isEqualTo(20);
        assertThat(s.p95Ms()).isEqualTo(40);
        assertThat(s.maxMs()).isEqualTo(40);
        assertThat(s.avgMemoryMb()).isEqualTo(5.0);
        assertThat(s.maxMemoryMb()).isEqualTo(7);
        assertThat(s.avgInitMs()).isEqualTo(75);
        assertThat(s.maxInitMs()).isEqualTo(100);
        assertThat(FunctionStats.of("none", List.of()).invocations()).isZero();
    }
}
