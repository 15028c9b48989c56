package dev.tracedesk.explore.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracedesk.explore.traces.TraceRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticsCoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static TraceRow row(String id, int second, double rt, String url, boolean fault, Map<String, List<String>> ann) {
        return new TraceRow(id, T0.plusSeconds(second), "POST", fault ? 502 : 200, rt, rt + 0.1, url, null, null,
                List.of(), fault, false, false, false, ann, List.of(), List.of("api", "accept"), "api");
    }

    @Test
    void histogramBucketsAreLogSpacedAndCountEveryTrace() {
        List<TraceRow> rows = new ArrayList<>();
        double[] values = {0.001, 0.01, 0.01, 0.1, 0.1, 0.1, 1.0};
        for (int i = 0; i < values.length; i++) {
            rows.add(row("t" + i, i, values[i], "u", false, Map.of()));
        }
        Histogram h = Histogram.of(AnalyticsData.of(rows, Map.of()), Metric.RESPONSE_TIME, 3);
        assertThat(h.buckets()).isEqualTo(3);
        // 1 ms .. 1 s in three decades
        assertThat(h.edge(0)).isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(h.edge(1)).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(h.edge(2)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(h.edge(3)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        int total = 0;
        for (int k = 0; k < 3; k++) {
            total += h.count(k);
        }
        assertThat(total).isEqualTo(values.length);
        assertThat(h.count(0)).isEqualTo(1); // 1 ms
        assertThat(h.count(1)).isEqualTo(2); // 10 ms lands on its lower edge
        assertThat(h.count(2)).isEqualTo(4); // 100 ms x3 and the maximum 1 s
        assertThat(h.max()).isEqualTo(1.0);
    }

    @Test
    void brushSelectsInclusiveRangeAndPrintsTheSeedsExpression() {
        List<TraceRow> rows = List.of(row("a", 0, 0.44, "u", false, Map.of()), row("b", 1, 0.1, "u", false, Map.of()),
                row("c", 2, 0.4, "u", false, Map.of()), row("d", 3, 0.9, "u", false, Map.of()));
        AnalyticsData data = AnalyticsData.of(rows, Map.of());
        Brush brush = Brush.atLeast(Metric.RESPONSE_TIME, 0.4);
        assertThat(brush.expressionText()).isEqualTo("responsetime >= 0.4");
        Selection s = Selection.of(data, brush);
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.baselineCount()).isEqualTo(1);
        assertThat(s.indices()).containsExactly(0, 2, 3);
        assertThat(Brush.of(Metric.DURATION, 0.2, 0.5004).expressionText())
                .isEqualTo("duration >= 0.2 AND duration <= 0.5");
        Selection timed = Selection.of(data, brush.withTime(T0.toEpochMilli(), T0.plusSeconds(3).toEpochMilli()));
        assertThat(timed.indices()).containsExactly(0, 2);
        assertThatThrownBy(() -> Brush.of(Metric.DURATION, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void histogramCountsTheSelectionPerBucket() {
        List<TraceRow> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(row("t" + i, i, 0.01 + i * 0.01, "u", false, Map.of()));
        }
        AnalyticsData data = AnalyticsData.of(rows, Map.of());
        Histogram h = Histogram.of(data, Metric.RESPONSE_TIME, 20);
        Selection s = Selection.of(data, Brush.atLeast(Metric.RESPONSE_TIME, 0.5));
        int[] sel = h.selectedCounts(s);
        int sum = 0;
        for (int k = 0; k < sel.length; k++) {
            assertThat(sel[k]).isLessThanOrEqualTo(h.count(k));
            if (h.edge(k + 1) <= 0.5) {
                assertThat(sel[k]).as("bucket below the brush").isZero();
            }
            sum += sel[k];
        }
        assertThat(sum).isEqualTo(s.count()).isEqualTo(51);
    }

    @Test
    void rankingPutsWhatOnlyTheSlowTracesShareFirst() {
        // 3 slow traces: 2 cold starts, all with annotation tier=gold; 7 fast: one cold start, 5 tier=gold.
        List<TraceRow> rows = new ArrayList<>();
        Map<String, TraceDetails> details = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            boolean slow = i < 3;
            Map<String, List<String>> ann = slow || (i != 3 && i != 5) ? Map.of("tier", List.of("gold")) : Map.of();
            rows.add(row("t" + i, i, slow ? 0.5 + i : 0.05, "u", false, ann));
            boolean cold = i < 2 || i == 9;
            details.put("t" + i, new TraceDetails(cold, List.of("accept"), null, null));
        }
        AnalyticsData data = AnalyticsData.of(rows, details);
        Selection s = Selection.of(data, Brush.atLeast(Metric.RESPONSE_TIME, 0.4));
        List<Difference> ranked = Differences.rank(data, s);
        Difference top = ranked.get(0);
        assertThat(top.attribute()).isEqualTo(new Attribute(AttributeKind.COLD_START, "yes"));
        assertThat(top.inB()).isEqualTo(2);
        assertThat(top.ofB()).isEqualTo(3);
        assertThat(top.inA()).isEqualTo(1);
        assertThat(top.ofA()).isEqualTo(7);
        assertThat(top.delta()).isCloseTo(2.0 / 3 - 1.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
        Difference gold = ranked.get(1);
        assertThat(gold.attribute().label()).isEqualTo("annotation: tier = gold");
        assertThat(gold.shareB()).isEqualTo(1.0);
        assertThat(gold.shareA()).isCloseTo(5.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
        // present in every trace: no difference, ranked last
        assertThat(ranked.get(ranked.size() - 1).delta()).isZero();
    }

    @Test
    void documentAttributesCountOnlyTracesWhoseDocumentsWereRead() {
        List<TraceRow> rows = List.of(row("a", 0, 1, "u", false, Map.of()), row("b", 1, 1, "u", false, Map.of()),
                row("c", 2, 0.1, "u", false, Map.of()));
        AnalyticsData data = AnalyticsData.of(rows, Map.of("a", new TraceDetails(true, List.of(), null, null),
                "c", new TraceDetails(false, List.of(), null, null)));
        assertThat(data.detailedCount()).isEqualTo(2);
        Difference cold = Differences.rank(data, Selection.of(data, Brush.atLeast(Metric.RESPONSE_TIME, 0.5)))
                .stream().filter(d -> d.attribute().kind() == AttributeKind.COLD_START).findFirst().orElseThrow();
        assertThat(cold.ofB()).isEqualTo(1); // b's document was not read
        assertThat(cold.shareB()).isEqualTo(1.0);
        assertThat(cold.shareA()).isZero();
    }

    @Test
    void comparisonGivesPercentilesOutcomeSharesAndRootCauseDeltas() {
        List<TraceRow> rows = new ArrayList<>();
        Map<String, TraceDetails> details = new HashMap<>();
        for (int i = 1; i <= 10; i++) {
            boolean fault = i > 8;
            rows.add(row("t" + i, i, i / 10.0, "u", fault, Map.of()));
            details.put("t" + i, new TraceDetails(false, List.of(), fault ? "update_db" : null,
                    fault ? "ResourceNotFoundException" : null));
        }
        AnalyticsData data = AnalyticsData.of(rows, details);
        Selection s = Selection.of(data, Brush.atLeast(Metric.RESPONSE_TIME, 0.6));
        Comparison c = Comparison.of(data, s, Metric.RESPONSE_TIME, Differences.rank(data, s));
        assertThat(c.b().count()).isEqualTo(5);
        assertThat(c.a().count()).isEqualTo(5);
        assertThat(c.b().p50()).isEqualTo(0.8);
        assertThat(c.a().p90()).isEqualTo(0.5);
        assertThat(c.b().max()).isEqualTo(1.0);
        assertThat(c.b().faultShare()).isEqualTo(0.4);
        assertThat(c.a().faultShare()).isZero();
        assertThat(c.rootCauseServices()).singleElement().satisfies(d -> {
            assertThat(d.attribute().value()).isEqualTo("update_db");
            assertThat(d.delta()).isEqualTo(0.4);
        });
        assertThat(c.rootCauseExceptions()).singleElement()
                .satisfies(d -> assertThat(d.attribute().value()).isEqualTo("ResourceNotFoundException"));
        String csv = AnalyticsCsv.comparison(c, Differences.rank(data, s));
        assertThat(csv).startsWith("section,name,a,b,delta\n").contains("stats,count,5,5,0\n")
                .contains("root_cause_service,update_db,0,0.400000,0.400000\n");
    }

    @Test
    void timeSeriesCountsAllAndSelectedPerInterval() {
        List<TraceRow> rows = List.of(row("a", 0, 1, "u", false, Map.of()), row("b", 5, 0.1, "u", false, Map.of()),
                row("c", 59, 1, "u", false, Map.of()));
        AnalyticsData data = AnalyticsData.of(rows, Map.of());
        Selection s = Selection.of(data, Brush.atLeast(Metric.RESPONSE_TIME, 0.5));
        TimeSeries ts = TimeSeries.of(data, s, T0.toEpochMilli(), T0.plusSeconds(60).toEpochMilli(), 6);
        assertThat(ts.counts()).containsExactly(2, 0, 0, 0, 0, 1);
        assertThat(ts.selected()).containsExactly(1, 0, 0, 0, 0, 1);
    }

    @Test
    void csvQuotesFieldsWithCommas() {
        assertThat(AnalyticsCsv.quote("a,b \"c\"")).isEqualTo("\"a,b \"\"c\"\"\"");
        assertThat(AnalyticsCsv.quote("plain")).isEqualTo("plain");
    }
}
