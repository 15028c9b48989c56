package dev.tracedesk.ui.stack;

import dev.tracedesk.explore.access.Problems;
import dev.tracedesk.explore.load.RunPlan;
import dev.tracedesk.explore.load.RunResult;
import dev.tracedesk.explore.stack.RestStage;
import dev.tracedesk.explore.stack.StackFunction;
import dev.tracedesk.explore.stack.TracingMode;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.Strings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "What does tracing cost", in one click: tracing off (every stage off, every function PassThrough), a performance
 * run; tracing on (stages on, functions Active), the same run; then every switch back as it was, and the two runs
 * side by side (A = off, B = on: the differences are what tracing adds). A failed or stopped step ends the sequence
 * and still puts the switches back. FX thread only.
 */
public final class TracingCost {

    /** The switches as they were before the sequence. */
    record Snapshot(Map<String, TracingMode> functions, Map<RestStage, Boolean> stages) {}

    private final ResourceBundle strings;
    private final StackControls controls;
    private final BackgroundTasks tasks;
    private final TracingViewModel tracing;
    private final LoadTestsViewModel loadTests;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public TracingCost(ResourceBundle strings, StackControls controls, BackgroundTasks tasks, TracingViewModel tracing,
            LoadTestsViewModel loadTests) {
        this.strings = Objects.requireNonNull(strings);
        this.controls = Objects.requireNonNull(controls);
        this.tasks = Objects.requireNonNull(tasks);
        this.tracing = Objects.requireNonNull(tracing);
        this.loadTests = Objects.requireNonNull(loadTests);
    }

    /** Starts the sequence with the form's performance figures; false when the form is invalid or something runs. */
    public boolean start() {
        if (running.get() || loadTests.isRunning()) {
            return false;
        }
        RunPlan off = loadTests.performancePlan(strings.getString("stack.cost.offLabel"));
        if (off == null) {
            return false;
        }
        RunPlan on = off.withLabel(strings.getString("stack.cost.onLabel"));
        // The form shows what runs: performance runs with its figures.
        loadTests.kindProperty().set(dev.tracedesk.explore.load.RunKind.PERFORMANCE);
        running.set(true);
        step(1, "stack.cost.step.off");
        tasks.task(strings.getString("stack.cost.task"), p -> snapshot())
                .onSuccess(before -> switchOffAndRun(before, off, on))
                .onFailure(e -> finish(Strings.format(strings, "stack.cost.notStarted",
                        Problems.classify(e).userMessage())))
                .start();
        return true;
    }

    private void switchOffAndRun(Snapshot before, RunPlan off, RunPlan on) {
        tasks.task(strings.getString("stack.cost.task"), p -> {
            apply(false);
            return true;
        }).onSuccess(ok -> {
            tracing.reload();
            step(2, "stack.cost.step.runOff");
            loadTests.start(off, a -> {
                if (a.stopped()) {
                    restore(before, strings.getString("stack.cost.stopped"));
                    return;
                }
                switchOnAndRun(before, on, a);
            }, error -> restore(before, error));
        }).onFailure(e -> restore(before, Problems.classify(e).userMessage())).start();
    }

    private void switchOnAndRun(Snapshot before, RunPlan on, RunResult offRun) {
        step(3, "stack.cost.step.on");
        tasks.task(strings.getString("stack.cost.task"), p -> {
            apply(true);
            return true;
        }).onSuccess(ok -> {
            tracing.reload();
            step(4, "stack.cost.step.runOn");
            loadTests.start(on, onRun -> {
                if (onRun.stopped()) {
                    restore(before, strings.getString("stack.cost.stopped"));
                    return;
                }
                loadTests.compareAProperty().set(offRun);
                loadTests.compareBProperty().set(onRun);
                restore(before, null);
            }, error -> restore(before, error));
        }).onFailure(e -> restore(before, Problems.classify(e).userMessage())).start();
    }

    /** Puts every switch back; {@code problem} (null when all went well) is what ended the sequence early. */
    private void restore(Snapshot before, String problem) {
        step(5, "stack.cost.step.restore");
        tasks.task(strings.getString("stack.cost.task"), p -> {
            for (Map.Entry<String, TracingMode> f : before.functions().entrySet()) {
                controls.setTracing(f.getKey(), f.getValue());
            }
            for (Map.Entry<RestStage, Boolean> s : before.stages().entrySet()) {
                controls.setStageTracing(s.getKey(), s.getValue());
            }
            return true;
        }).onSuccess(ok -> finish(problem == null ? doneText()
                : Strings.format(strings, "stack.cost.failed", problem)))
                .onFailure(e -> finish(Strings.format(strings, "stack.cost.restoreFailed",
                        Problems.classify(e).userMessage())))
                .andFinally(tracing::reload)
                .start();
    }

    private String doneText() {
        return Strings.format(strings, "stack.cost.done", loadTests.comparisonSummaryProperty().get());
    }

    private void finish(String text) {
        status.set(text);
        running.set(false);
    }

    private void step(int n, String key) {
        status.set(Strings.format(strings, "stack.cost.step", Integer.toString(n), strings.getString(key)));
    }

    private Snapshot snapshot() {
        Map<String, TracingMode> functions = new LinkedHashMap<>();
        for (StackFunction f : controls.functions()) {
            functions.put(f.name(), f.tracing());
        }
        Map<RestStage, Boolean> stages = new LinkedHashMap<>();
        for (RestStage s : controls.stages()) {
            stages.put(s, s.tracingEnabled());
        }
        if (functions.isEmpty()) {
            throw new IllegalStateException(Strings.format(strings, "stack.tracing.nothing", controls.describe()));
        }
        return new Snapshot(functions, stages);
    }

    /** Worker: every function and stage on (Active) or off (PassThrough). */
    private void apply(boolean on) {
        List<StackFunction> functions = controls.functions();
        for (StackFunction f : functions) {
            controls.setTracing(f.name(), on ? TracingMode.ACTIVE : TracingMode.PASS_THROUGH);
        }
        for (RestStage s : controls.stages()) {
            controls.setStageTracing(s, on);
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
