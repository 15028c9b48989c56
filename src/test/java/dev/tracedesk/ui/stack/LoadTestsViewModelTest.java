package dev.tracedesk.ui.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.explore.load.ClientLatency;
import dev.tracedesk.explore.load.FunctionStatistics;
import dev.tracedesk.explore.load.LoadTests;
import dev.tracedesk.explore.load.RunComparison;
import dev.tracedesk.explore.load.RunKind;
import dev.tracedesk.explore.load.RunPlan;
import dev.tracedesk.explore.load.RunProgress;
import dev.tracedesk.explore.load.RunResult;
import dev.tracedesk.explore.load.ShopNotFoundException;
import dev.tracedesk.explore.load.ShopTarget;
import dev.tracedesk.explore.load.SmokeCase;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The load-test part of the Stack screen without a toolkit: work runs inline on a scripted generator. */
class LoadTestsViewModelTest {

    /** Answers each run with what {@code answer} makes of its plan and progress; records the plans. */
    static final class FakeLoadTests implements LoadTests {
        final List<RunPlan> plans = new ArrayList<>();
        Function<RunPlan, RunResult> answer;
        Runnable duringRun = () -> { };
        ShopNotFoundException missing;
        RunProgress lastProgress;

        @Override
        public ShopTarget locate() throws ShopNotFoundException {
            if (missing != null) {
                throw missing;
            }
            return new ShopTarget("http://127.0.0.1:4567/prod", List.of("AMIS_shop_accept"));
        }

        @Override
        public RunResult run(RunPlan plan, RunProgress progress) throws ShopNotFoundException {
            plans.add(plan);
            lastProgress = progress;
            if (missing != null) {
                throw missing;
            }
            progress.update(1, 2, "requests");
            duringRun.run();
            return answer.apply(plan);
        }
    }

    private final FakeLoadTests generator = new FakeLoadTests();
    private final LoadTestsViewModel model = new LoadTestsViewModel(Strings.bundle(), generator,
            BackgroundTasks.currentThread(new TaskMonitor(), new ErrorReporter(Clock.systemUTC())), Runnable::run);

    static RunResult perfResult(RunPlan plan, double avgDuration, double clientAvg) {
        return new RunResult(plan, Instant.EPOCH, Instant.EPOCH.plusSeconds(2), false, List.of(),
                Optional.of(new ClientLatency(plan.requests(), Map.of(202, plan.requests()), 0, 2000, 1, clientAvg,
                        clientAvg, clientAvg, clientAvg, clientAvg)),
                List.of(new FunctionStatistics("AMIS_shop_accept", plan.requests(), 1, 0, 1, avgDuration, avgDuration,
                        avgDuration, avgDuration, 90, 95, 300, 300)));
    }

    @Test
    void aSmokeRunIsAddedSelectedAndSummarised() {
        generator.answer = plan -> new RunResult(plan, Instant.EPOCH, Instant.EPOCH, false,
                List.of(new SmokeCase("valid order is accepted", 202, 202, "accepted", "1-abc-def", true),
                        new SmokeCase("empty body gets 400", 400, 500, "boom", null, false)),
                Optional.empty(), List.of());

        assertThat(model.run()).isTrue();

        assertThat(generator.plans).extracting(RunPlan::kind).containsExactly(RunKind.SMOKE);
        assertThat(model.runs()).hasSize(1);
        assertThat(model.selectedProperty().get().label()).isEqualTo("smoke 1");
        assertThat(model.selectedCases()).extracting(SmokeCase::passed).containsExactly(true, false);
        assertThat(model.selectedSummaryProperty().get()).isEqualTo("smoke 1: 1 of 2 cases passed.");
        assertThat(model.isRunning()).isFalse();
        assertThat(model.comparison()).isEmpty();
    }

    @Test
    void anInvalidFormIsRefusedInPlaceAndNothingRuns() {
        model.kindProperty().set(RunKind.PERFORMANCE);
        model.requestsProperty().set("lots");

        assertThat(model.run()).isFalse();
        assertThat(model.formErrorProperty().get()).isEqualTo("Requests, clients and rate must be numbers.");

        model.requestsProperty().set("100");
        assertThat(model.formErrorProperty().get()).as("editing clears the error").isEmpty();
        model.concurrencyProperty().set("1000");
        assertThat(model.run()).isFalse();
        assertThat(model.formErrorProperty().get()).contains("concurrency must be 1 to 256");
        assertThat(generator.plans).isEmpty();
    }

    @Test
    void theSecondRunIsSetBesideTheFirstWithItsDifferences() {
        generator.answer = plan -> perfResult(plan, plan.label().equals("tracing off") ? 10 : 12,
                plan.label().equals("tracing off") ? 20 : 21);
        model.kindProperty().set(RunKind.PERFORMANCE);
        model.requestsProperty().set("50");
        model.concurrencyProperty().set("2");
        model.rateProperty().set("25");
        model.labelProperty().set("tracing off");
        model.run();
        model.labelProperty().set("tracing on");
        model.run();

        assertThat(generator.plans.get(0)).isEqualTo(RunPlan.performance(50, 2, 25, "tracing off"));
        assertThat(model.compareAProperty().get().label()).isEqualTo("tracing off");
        assertThat(model.compareBProperty().get().label()).isEqualTo("tracing on");
        RunComparison.Row avg = model.comparison().stream().filter(r -> r.figure() == RunComparison.Figure.AVG_DURATION)
                .findFirst().orElseThrow();
        assertThat(avg.difference()).isEqualTo(2);
        assertThat(StackFormat.difference(avg.difference(), avg.figure().unit())).isEqualTo("+2.0 ms");
        assertThat(StackFormat.ratio(avg.ratio())).isEqualTo("1.20×");
        assertThat(model.comparisonSummaryProperty().get()).isEqualTo(
                "tracing on against tracing off: the functions' average duration +20%, the client's average latency +5%.");

        model.compareBProperty().set(model.runs().get(0));
        assertThat(model.comparisonSummaryProperty().get()).isEqualTo("Pick two different runs.");
    }

    @Test
    void stopAsksTheRunningRunToEndAndItsPartialResultIsKept() {
        model.kindProperty().set(RunKind.PERFORMANCE);
        generator.duringRun = () -> {
            assertThat(model.isRunning()).isTrue();
            assertThat(model.progressProperty().get()).isEqualTo(0.5);
            assertThat(model.progressTextProperty().get()).isEqualTo("1 of 2 requests answered");
            model.stop();
        };
        generator.answer = plan -> {
            assertThat(generator.lastProgress.stopRequested()).isTrue();
            RunResult full = perfResult(plan, 10, 10);
            return new RunResult(plan, full.started(), full.ended(), true, List.of(), full.latency(), full.functions());
        };

        model.run();

        assertThat(model.runs()).hasSize(1);
        assertThat(model.selectedSummaryProperty().get()).endsWith("(stopped early)");
        assertThat(model.isRunning()).isFalse();
        assertThat(model.stoppingProperty().get()).isFalse();
    }

    @Test
    void noShopSaysWhyWhereTheTargetAndTheRunAre() {
        generator.missing = new ShopNotFoundException("The local sandbox runs no shop stack (no /x/shop.json)");

        model.locate();
        model.run();

        assertThat(model.targetProperty().get()).isEqualTo("The local sandbox runs no shop stack (no /x/shop.json)");
        assertThat(model.errorProperty().get()).isEqualTo("The local sandbox runs no shop stack (no /x/shop.json)");
        assertThat(model.runs()).isEmpty();
        assertThat(model.isRunning()).isFalse();
    }

    @Test
    void theTargetNamesTheRouteTheRunsPostTo() {
        model.locate();

        assertThat(model.targetProperty().get()).isEqualTo("POST http://127.0.0.1:4567/prod/shop");
    }
}
