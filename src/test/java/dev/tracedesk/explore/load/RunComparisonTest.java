package dev.tracedesk.explore.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracedesk.explore.load.RunComparison.Figure;
import dev.tracedesk.explore.load.RunComparison.Row;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

    static FunctionStatistics fn(String name, int invocations, int cold, double avg, double p95, double initAvg) {
        return new FunctionStatistics(name, invocations, cold, 0, avg / 2, avg, avg, p95, p95 * 2, 80, 90, initAvg,
                initAvg);
    }

    static RunResult perf(String label, double clientAvg, long wallMillis, int requests, FunctionStatistics... fns) {
        ClientLatency latency = new ClientLatency(requests, Map.of(202, requests - 2, 502, 2), 1, wallMillis, 1,
                clientAvg, clientAvg, clientAvg * 2, clientAvg * 3, clientAvg * 4);
        return new RunResult(RunPlan.performance(requests, 4, 0, label), Instant.EPOCH, Instant.EPOCH.plusMillis(wallMillis),
                false, List.of(), Optional.of(latency), List.of(fns));
    }

    private static Row row(List<Row> rows, String scope, Figure figure) {
        return rows.stream().filter(r -> r.scope().equals(scope) && r.figure() == figure).findFirst().orElseThrow();
    }

    @Test
    void differencesAndRatiosAreBOverA() {
        RunResult passThrough = perf("PassThrough", 20, 2000, 100, fn("accept", 100, 1, 10, 15, 300));
        RunResult active = perf("Active", 25, 2500, 100, fn("accept", 100, 2, 12, 18, 330));

        List<Row> rows = RunComparison.compare(passThrough, active);

        Row avg = row(rows, "accept", Figure.AVG_DURATION);
        assertThat(avg.a()).isEqualTo(10);
        assertThat(avg.b()).isEqualTo(12);
        assertThat(avg.difference()).isEqualTo(2);
        assertThat(avg.ratio()).isCloseTo(1.2, within(1e-9));
        assertThat(avg.change()).isCloseTo(0.2, within(1e-9));
        assertThat(avg.worse()).isTrue();
        Row throughput = row(rows, "", Figure.THROUGHPUT);
        assertThat(throughput.a()).isEqualTo(50);
        assertThat(throughput.b()).isEqualTo(40);
        assertThat(throughput.worse()).as("fewer requests per second is worse").isTrue();
        assertThat(row(rows, "", Figure.FAILURES).b()).as("two 502s and one request without answer").isEqualTo(3);
        assertThat(row(rows, "accept", Figure.COLD_STARTS).difference()).isEqualTo(1);
        assertThat(RunComparison.meanDurationChange(rows)).isCloseTo(0.2, within(1e-9));
        assertThat(RunComparison.clientLatencyChange(rows)).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void clientFiguresComeFirstThenEachFunctionInTheOrderTheRunsListThem() {
        RunResult a = perf("a", 20, 1000, 10, fn("accept", 10, 0, 10, 10, 0), fn("decrypt", 10, 0, 5, 5, 0));
        RunResult b = perf("b", 20, 1000, 10, fn("decrypt", 10, 0, 5, 5, 0), fn("update", 10, 0, 7, 7, 0));

        List<Row> rows = RunComparison.compare(a, b);

        assertThat(rows.subList(0, 6)).allMatch(r -> r.scope().isEmpty());
        assertThat(rows.stream().map(Row::scope).distinct()).containsExactly("", "accept", "decrypt", "update");
        Row onlyInA = row(rows, "accept", Figure.AVG_DURATION);
        assertThat(onlyInA.b()).isNaN();
        assertThat(onlyInA.difference()).isNaN();
        assertThat(onlyInA.ratio()).isNaN();
        assertThat(onlyInA.worse()).isFalse();
    }

    @Test
    void aFunctionWithoutInvocationsOrColdStartsHasNoDurationsToCompare() {
        RunResult a = perf("a", 20, 1000, 10, fn("unit", 0, 0, 0, 0, 0));
        RunResult b = perf("b", 20, 1000, 10, fn("unit", 3, 0, 4, 5, 0));

        List<Row> rows = RunComparison.compare(a, b);

        assertThat(row(rows, "unit", Figure.INVOCATIONS).difference()).isEqualTo(3);
        assertThat(row(rows, "unit", Figure.INVOCATIONS).ratio()).as("no ratio over zero").isNaN();
        assertThat(row(rows, "unit", Figure.AVG_DURATION).a()).isNaN();
        assertThat(row(rows, "unit", Figure.AVG_INIT).b()).as("no cold start, no init to average").isNaN();
        assertThat(RunComparison.meanDurationChange(rows)).isNaN();
    }

    @Test
    void smokeRunsHaveNoClientFigures() {
        RunResult smoke = new RunResult(RunPlan.smoke("s"), Instant.EPOCH, Instant.EPOCH, false,
                List.of(new SmokeCase("ok", 202, 202, "accepted", null, true)), Optional.empty(),
                List.of(fn("accept", 2, 1, 9, 9, 250)));

        List<Row> bothSmoke = RunComparison.compare(smoke, smoke);
        List<Row> withPerf = RunComparison.compare(smoke, perf("p", 10, 1000, 10, fn("accept", 10, 0, 9, 9, 0)));

        assertThat(bothSmoke).noneMatch(r -> r.scope().isEmpty());
        assertThat(row(withPerf, "", Figure.CLIENT_AVG).a()).isNaN();
        assertThat(RunComparison.clientLatencyChange(withPerf)).isNaN();
    }

    @Test
    void plansRefuseWhatTheGeneratorCannotDo() {
        assertThat(RunPlan.smoke(" first ").label()).isEqualTo("first");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunPlan.performance(0, 4, 0, "x"))
                .hasMessageContaining("requests must be 1 to");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunPlan.performance(10, 300, 0, "x"))
                .hasMessageContaining("concurrency must be 1 to 256");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunPlan.performance(10, 4, -1, "x"))
                .hasMessageContaining("rate must be 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunPlan.performance(10, 4, Double.NaN, "x"))
                .hasMessageContaining("rate must be 0");
    }
}
