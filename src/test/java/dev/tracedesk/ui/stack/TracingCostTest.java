package dev.tracedesk.ui.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.explore.load.RunPlan;
import dev.tracedesk.explore.load.RunResult;
import dev.tracedesk.explore.stack.StackFunction;
import dev.tracedesk.explore.stack.TracingMode;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "What does tracing cost" on an in-memory stack and a scripted generator: switches, runs, switches back. */
class TracingCostTest {

    private final TracingViewModelTest.FakeStack stack = new TracingViewModelTest.FakeStack();
    private final LoadTestsViewModelTest.FakeLoadTests generator = new LoadTestsViewModelTest.FakeLoadTests();
    private final BackgroundTasks tasks = BackgroundTasks.currentThread(new TaskMonitor(), new ErrorReporter(Clock.systemUTC()));
    private final TracingViewModel tracing = new TracingViewModel(Strings.bundle(), stack, tasks);
    private final LoadTestsViewModel load = new LoadTestsViewModel(Strings.bundle(), generator, tasks, Runnable::run);
    private final TracingCost cost = new TracingCost(Strings.bundle(), stack, tasks, tracing, load);
    /** The switches as each run saw them. */
    private final List<String> seenByRuns = new ArrayList<>();

    TracingCostTest() {
        // The decrypt function was PassThrough before: it must be PassThrough again afterwards.
        stack.functions.put("AMIS_shop_decrypt", TracingViewModelTest.FakeStack.fn("AMIS_shop_decrypt",
                TracingMode.PASS_THROUGH));
        generator.answer = plan -> {
            seenByRuns.add(plan.label() + ": stage " + stack.stage.tracingEnabled() + ", " + stack.functions.values()
                    .stream().map(f -> f.tracing().apiValue()).distinct().toList());
            return LoadTestsViewModelTest.perfResult(plan, plan.label().contains("on") ? 11 : 10, 20);
        };
        load.requestsProperty().set("30");
        load.concurrencyProperty().set("3");
    }

    @Test
    void runsWithTracingOffThenOnPutsEverySwitchBackAndSetsTheRunsSideBySide() {
        assertThat(cost.start()).isTrue();

        assertThat(seenByRuns).containsExactly("tracing off (PassThrough): stage false, [PassThrough]",
                "tracing on (Active): stage true, [Active]");
        assertThat(generator.plans).extracting(RunPlan::requests).containsExactly(30, 30);
        assertThat(generator.plans).extracting(RunPlan::concurrency).containsExactly(3, 3);
        assertThat(stack.functions.values()).extracting(StackFunction::tracing)
                .containsExactly(TracingMode.ACTIVE, TracingMode.PASS_THROUGH);
        assertThat(stack.stage.tracingEnabled()).isTrue();
        assertThat(load.compareAProperty().get().label()).isEqualTo("tracing off (PassThrough)");
        assertThat(load.compareBProperty().get().label()).isEqualTo("tracing on (Active)");
        assertThat(cost.isRunning()).isFalse();
        assertThat(cost.statusProperty().get()).startsWith("Done, every switch is back as it was. "
                + "tracing on (Active) against tracing off (PassThrough): the functions' average duration +10%");
    }

    @Test
    void aStoppedRunEndsTheSequenceAndStillPutsTheSwitchesBack() {
        generator.duringRun = load::stop;
        generator.answer = plan -> {
            RunResult r = LoadTestsViewModelTest.perfResult(plan, 10, 10);
            return new RunResult(plan, r.started(), r.ended(), true, List.of(), r.latency(), r.functions());
        };

        cost.start();

        assertThat(generator.plans).hasSize(1);
        assertThat(stack.functions.get("AMIS_shop_accept").tracing()).isEqualTo(TracingMode.ACTIVE);
        assertThat(stack.functions.get("AMIS_shop_decrypt").tracing()).isEqualTo(TracingMode.PASS_THROUGH);
        assertThat(stack.stage.tracingEnabled()).isTrue();
        assertThat(cost.statusProperty().get()).isEqualTo(
                "Ended early (the run was stopped); every switch is back as it was.");
    }

    @Test
    void anInvalidFormStartsNothing() {
        load.requestsProperty().set("0");

        assertThat(cost.start()).isFalse();

        assertThat(stack.calls).isEmpty();
        assertThat(load.formErrorProperty().get()).contains("requests must be 1 to");
    }
}
