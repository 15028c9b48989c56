package dev.tracedesk.ui.stack;

import dev.tracedesk.explore.access.Problems;
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
import dev.tracedesk.ui.common.Strings;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Stack screen's load tests: a smoke or performance run with progress and stop, the finished runs with their
 * per-function REPORT statistics, and two runs side by side. FX thread only; no nodes. Work runs through
 * {@link BackgroundTasks}; progress from the worker reaches the properties through {@code ui}, coalesced.
 */
public final class LoadTestsViewModel {

    /** What the run form holds before it is checked. */
    public static final String DEFAULT_REQUESTS = "200";
    public static final String DEFAULT_CONCURRENCY = "4";
    public static final String DEFAULT_RATE = "0";

    private final ResourceBundle strings;
    private final LoadTests loadTests;
    private final BackgroundTasks tasks;
    private final Executor ui;

    private final ObjectProperty<RunKind> kind = new SimpleObjectProperty<>(this, "kind", RunKind.SMOKE);
    private final StringProperty requests = new SimpleStringProperty(this, "requests", DEFAULT_REQUESTS);
    private final StringProperty concurrency = new SimpleStringProperty(this, "concurrency", DEFAULT_CONCURRENCY);
    private final StringProperty rate = new SimpleStringProperty(this, "rate", DEFAULT_RATE);
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");

    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper(this, "target", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper stopping = new ReadOnlyBooleanWrapper(this, "stopping");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private final ObservableList<RunResult> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunResult> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper selectedSummary = new ReadOnlyStringWrapper(this, "selectedSummary", "");
    private final ObservableList<FunctionStatistics> selectedFunctions = FXCollections.observableArrayList();
    private final ObservableList<SmokeCase> selectedCases = FXCollections.observableArrayList();

    private final ObjectProperty<RunResult> compareA = new SimpleObjectProperty<>(this, "compareA");
    private final ObjectProperty<RunResult> compareB = new SimpleObjectProperty<>(this, "compareB");
    private final ObservableList<RunComparison.Row> comparison = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper comparisonSummary = new ReadOnlyStringWrapper(this, "comparisonSummary", "");

    private AtomicBoolean stopFlag = new AtomicBoolean();
    private int runNumber;

    public LoadTestsViewModel(ResourceBundle strings, LoadTests loadTests, BackgroundTasks tasks, Executor ui) {
        this.strings = Objects.requireNonNull(strings);
        this.loadTests = Objects.requireNonNull(loadTests);
        this.tasks = Objects.requireNonNull(tasks);
        this.ui = Objects.requireNonNull(ui);
        for (StringProperty p : List.of(requests, concurrency, rate, label)) {
            p.addListener((obs, old, now) -> formError.set(""));
        }
        kind.addListener((obs, old, now) -> formError.set(""));
        selected.addListener((obs, old, run) -> showSelected(run));
        compareA.addListener((obs, old, now) -> updateComparison());
        compareB.addListener((obs, old, now) -> updateComparison());
    }

    // ~ where the shop is

    /** Looks for the shop on the connection (on a worker) and says where it answers, or why it is not there. */
    public void locate() {
        target.set(strings.getString("stack.load.locating"));
        tasks.task(strings.getString("stack.task.locate"), p -> loadTests.locate())
                .onSuccess((ShopTarget t) -> target.set(Strings.format(strings, "stack.load.target", t.invokeUrl())))
                .onFailure(e -> target.set(message(e)))
                .start();
    }

    // ~ running

    /** The form as a plan, or null with {@link #formErrorProperty()} saying what is wrong. */
    RunPlan plan() {
        return plan(kind.get());
    }

    private RunPlan plan(RunKind k) {
        String name = label.get().isBlank() ? defaultLabel(k, runNumber + 1) : label.get();
        if (k == RunKind.SMOKE) {
            return RunPlan.smoke(name);
        }
        try {
            int n = Integer.parseInt(requests.get().strip());
            int c = Integer.parseInt(concurrency.get().strip());
            double r = rate.get().isBlank() ? 0 : Double.parseDouble(rate.get().strip());
            return RunPlan.performance(n, c, r, name);
        } catch (NumberFormatException e) {
            formError.set(strings.getString("stack.load.notANumber"));
        } catch (IllegalArgumentException e) {
            formError.set(e.getMessage());
        }
        return null;
    }

    private String defaultLabel(RunKind k, int number) {
        return Strings.format(strings, k == RunKind.SMOKE ? "stack.load.label.smoke" : "stack.load.label.perf",
                Integer.toString(number));
    }

    /** Starts the run the form describes; false (and nothing runs) when the form is invalid or a run is going. */
    public boolean run() {
        if (running.get()) {
            return false;
        }
        RunPlan plan = plan();
        if (plan == null) {
            return false;
        }
        start(plan, result -> { }, error -> { });
        return true;
    }

    /** The form's performance figures as a plan (whatever kind is picked), or null with the form's error. */
    RunPlan performancePlan(String name) {
        RunPlan plan = plan(RunKind.PERFORMANCE);
        return plan == null ? null : plan.withLabel(name);
    }

    /**
     * Runs {@code plan} and adds its result; {@code then} hears it on the FX thread (a sequence's next step),
     * {@code failed} hears the failure's text.
     */
    void start(RunPlan plan, java.util.function.Consumer<RunResult> then, java.util.function.Consumer<String> failed) {
        AtomicBoolean stop = new AtomicBoolean();
        stopFlag = stop;
        running.set(true);
        stopping.set(false);
        error.set("");
        progress.set(-1);
        progressText.set(Strings.format(strings, "stack.load.starting", plan.label()));
        tasks.task(Strings.format(strings, "stack.task.run", plan.label()),
                p -> loadTests.run(plan, reporter(plan, stop, p)))
                .onSuccess(result -> {
                    added(result);
                    then.accept(result);
                })
                .onFailure(e -> {
                    error.set(message(e));
                    failed.accept(message(e));
                })
                .andFinally(() -> {
                    running.set(false);
                    stopping.set(false);
                    progress.set(0);
                    progressText.set("");
                })
                .start();
    }

    /** Asks the running run to stop: no new request starts, and it ends with what it has. */
    public void stop() {
        if (running.get()) {
            stopFlag.set(true);
            stopping.set(true);
            progressText.set(strings.getString("stack.load.stopping"));
        }
    }

    private RunProgress reporter(RunPlan plan, AtomicBoolean stop, BackgroundTasks.Progress statusBar) {
        AtomicReference<Runnable> pending = new AtomicReference<>();
        return new RunProgress() {
            @Override
            public void update(int done, int total, String phase) {
                double fraction = total > 0 ? (double) done / total : -1;
                String text = "reports".equals(phase) ? strings.getString("stack.load.readingReports")
                        : total > 0 ? Strings.format(strings, "stack.load.progress", Integer.toString(done),
                                Integer.toString(total)) : progressText.get();
                statusBar.update(fraction, text);
                // Coalesce: a burst of answers schedules one UI update.
                Runnable apply = () -> {
                    if (!stop.get()) {
                        progress.set(fraction);
                        progressText.set(text);
                    }
                };
                if (pending.getAndSet(apply) == null) {
                    ui.execute(() -> pending.getAndSet(null).run());
                }
            }

            @Override
            public boolean stopRequested() {
                return stop.get() || statusBar.isCancelled();
            }
        };
    }

    private void added(RunResult result) {
        runNumber++;
        RunResult previous = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        runs.add(result);
        selected.set(result);
        if (previous != null) {
            compareA.set(previous);
            compareB.set(result);
        }
    }

    /** Adds a finished run (the tracing-cost sequence and the first-start run add theirs). FX thread. */
    public void addRun(RunResult result) {
        added(result);
    }

    // ~ the selected run

    private void showSelected(RunResult run) {
        if (run == null) {
            selectedSummary.set("");
            selectedFunctions.clear();
            selectedCases.clear();
            return;
        }
        selectedFunctions.setAll(run.functions());
        selectedCases.setAll(run.cases());
        selectedSummary.set(summary(run));
    }

    /** One line about a run: what it sent, what came back, how fast. */
    String summary(RunResult run) {
        String stopped = run.stopped() ? " " + strings.getString("stack.load.stoppedNote") : "";
        if (run.plan().kind() == RunKind.SMOKE) {
            return Strings.format(strings, "stack.load.summary.smoke", run.label(), Long.toString(run.passedCount()),
                    Integer.toString(run.cases().size())) + stopped;
        }
        ClientLatency l = run.latency().orElseThrow();
        String statuses = statuses(l.statuses());
        if (l.transportErrors() > 0) {
            statuses += (statuses.isEmpty() ? "" : ", ") + Strings.format(strings, "stack.load.noAnswer",
                    Integer.toString(l.transportErrors()));
        }
        return Strings.format(strings, "stack.load.summary.perf", run.label(), Integer.toString(l.completed()),
                String.format(java.util.Locale.ROOT, "%.1f", l.wallMillis() / 1000.0),
                String.format(java.util.Locale.ROOT, "%.1f", l.throughput()), statuses, StackFormat.ms(l.p50Ms()),
                StackFormat.ms(l.p95Ms()), StackFormat.ms(l.maxMs())) + stopped;
    }

    // ~ side by side

    private void updateComparison() {
        RunResult a = compareA.get();
        RunResult b = compareB.get();
        if (a == null || b == null) {
            comparison.clear();
            comparisonSummary.set(strings.getString("stack.compare.pick"));
            return;
        }
        List<RunComparison.Row> rows = RunComparison.compare(a, b);
        comparison.setAll(rows);
        comparisonSummary.set(comparisonText(a, b, rows));
    }

    /** "B against A: functions' average duration +12%, client latency +5%." */
    String comparisonText(RunResult a, RunResult b, List<RunComparison.Row> rows) {
        if (a == b) {
            return strings.getString("stack.compare.same");
        }
        return Strings.format(strings, "stack.compare.summary", b.label(), a.label(),
                StackFormat.percent(RunComparison.meanDurationChange(rows)),
                StackFormat.percent(RunComparison.clientLatencyChange(rows)));
    }

    /** Human text for a failure: the shop's absence as it was said, AWS errors translated. */
    String message(Throwable e) {
        if (e instanceof ShopNotFoundException) {
            return e.getMessage();
        }
        return Problems.classify(e).userMessage();
    }

    // ~ properties

    public ObjectProperty<RunKind> kindProperty() {
        return kind;
    }

    public StringProperty requestsProperty() {
        return requests;
    }

    public StringProperty concurrencyProperty() {
        return concurrency;
    }

    public StringProperty rateProperty() {
        return rate;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyBooleanProperty stoppingProperty() {
        return stopping.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<RunResult> runs() {
        return runs;
    }

    public ObjectProperty<RunResult> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty selectedSummaryProperty() {
        return selectedSummary.getReadOnlyProperty();
    }

    public ObservableList<FunctionStatistics> selectedFunctions() {
        return selectedFunctions;
    }

    public ObservableList<SmokeCase> selectedCases() {
        return selectedCases;
    }

    public ObjectProperty<RunResult> compareAProperty() {
        return compareA;
    }

    public ObjectProperty<RunResult> compareBProperty() {
        return compareB;
    }

    public ObservableList<RunComparison.Row> comparison() {
        return comparison;
    }

    public ReadOnlyStringProperty comparisonSummaryProperty() {
        return comparisonSummary.getReadOnlyProperty();
    }

    /** {@code 202×198, 502×2}: answers per status. */
    static String statuses(Map<Integer, Integer> statuses) {
        return statuses.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", "));
    }
}
