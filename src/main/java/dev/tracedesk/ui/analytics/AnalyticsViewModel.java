package dev.tracedesk.ui.analytics;

import dev.tracedesk.explore.analytics.AnalyticsCsv;
import dev.tracedesk.explore.analytics.AnalyticsData;
import dev.tracedesk.explore.analytics.AnalyticsLoad;
import dev.tracedesk.explore.analytics.AnalyticsService;
import dev.tracedesk.explore.analytics.Brush;
import dev.tracedesk.explore.analytics.Comparison;
import dev.tracedesk.explore.analytics.Difference;
import dev.tracedesk.explore.analytics.Differences;
import dev.tracedesk.explore.analytics.Histogram;
import dev.tracedesk.explore.analytics.Metric;
import dev.tracedesk.explore.analytics.Selection;
import dev.tracedesk.explore.analytics.TimeSeries;
import dev.tracedesk.explore.traces.TraceRow;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.EmptyState;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TimeWindow;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The analytics screen's state: the window's traces as an {@link AnalyticsData}, the histogram of the chosen metric,
 * the brush (set B; the rest is the baseline A), the time series, the selected traces, the ranked differences and
 * the A/B comparison. Every brush move recomputes from the columns on the FX thread (a scan, see AnalyticsBench).
 */
public final class AnalyticsViewModel {
    static final int HISTOGRAM_BUCKETS = 40;
    static final int SERIES_BUCKETS = 60;
    /** Rows the selected-traces list shows (the count above it is always the full one). */
    static final int LIST_LIMIT = 1_000;

    private final ResourceBundle strings;
    private final AnalyticsService service;
    private final BackgroundTasks tasks;
    private final ObservableValue<TimeWindow> window;
    private final ObservableValue<String> filter;
    private final EmptyState emptyState;

    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(Metric.RESPONSE_TIME);
    private final ReadOnlyObjectWrapper<AnalyticsData> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<int[]> selectedCounts = new ReadOnlyObjectWrapper<>(new int[0]);
    private final ReadOnlyObjectWrapper<Brush> brush = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TimeSeries> series = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TraceRow> selectedRows = FXCollections.observableArrayList();
    private final ObservableList<Difference> differences = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper expression = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper readAllHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectionSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty capped = new SimpleBooleanProperty();
    private final BooleanProperty empty = new SimpleBooleanProperty(true);

    private Consumer<String> onApplyFilter = f -> { };
    private Consumer<String> onOpenTrace = id -> { };
    private BackgroundTasks.Handle running;
    private AtomicBoolean cancelFlag = new AtomicBoolean();
    private long generation;
    private TimeWindow loadedWindow;

    public AnalyticsViewModel(ResourceBundle strings, AnalyticsService service, BackgroundTasks tasks,
            ObservableValue<TimeWindow> window, ObservableValue<String> filter, ObservableValue<Number> refreshCount) {
        this.strings = Objects.requireNonNull(strings);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.window = Objects.requireNonNull(window);
        this.filter = Objects.requireNonNull(filter);
        this.emptyState = new EmptyState(strings.getString("analytics.empty.title"),
                strings.getString("analytics.empty.message"));
        refreshCount.addListener((obs, o, n) -> reload());
        metric.addListener((obs, o, n) -> {
            // A brush is a range of one metric: switching the metric starts over.
            brush.set(null);
            rebuildHistogram();
        });
    }

    // ~ loading

    /** Loads the shell's window and filter within the summary budget. */
    public void reload() {
        load(false);
    }

    /** Loads again with no summary budget ("read all"). */
    public void readAll() {
        load(true);
    }

    private void load(boolean all) {
        TimeWindow w = window.getValue();
        if (w == null) {
            return;
        }
        cancel();
        long gen = ++generation;
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelFlag = cancelled;
        loading.set(true);
        loadError.set("");
        status.set(strings.getString("analytics.status.loading"));
        String f = filter.getValue() == null ? "" : filter.getValue();
        running = tasks.task(strings.getString("analytics.task.loading"),
                p -> service.load(w.from(), w.to(), f, all, () -> cancelled.get() || p.isCancelled()))
                .onSuccess(load -> {
                    if (gen == generation && load != null) {
                        loadedWindow = w;
                        show(load);
                    }
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        loadError.set(e.getMessage() == null ? e.toString() : e.getMessage());
                        status.set(Strings.format(strings, "analytics.status.failed", loadError.get()));
                    }
                })
                .andFinally(() -> {
                    if (gen == generation) {
                        loading.set(false);
                        running = null;
                    }
                }).start();
    }

    public void cancel() {
        if (running != null) {
            cancelFlag.set(true);
            running.cancel();
            running = null;
            loading.set(false);
            status.set(strings.getString("analytics.status.cancelled"));
        }
    }

    /** Shows a loaded set (also the entry point for tests that build the set themselves). */
    void show(AnalyticsLoad load) {
        AnalyticsData d = load.data();
        capped.set(load.capped());
        NumberFormat nf = NumberFormat.getIntegerInstance(Locale.ROOT);
        String counts = load.capped()
                ? Strings.format(strings, "analytics.status.capped", nf.format(d.size()),
                        nf.format(load.estimatedTotal()), nf.format(load.slices()), nf.format(load.processed()),
                        nf.format(load.requests()), nf.format(load.remainingScan()),
                        nf.format(load.remainingRequests()))
                : Strings.format(strings, "analytics.status.done", nf.format(d.size()), nf.format(load.processed()));
        String docs = Strings.format(strings, "analytics.status.documents", nf.format(load.detailsRead()),
                nf.format(d.size()));
        status.set(counts + " · " + docs);
        readAllHint.set(load.capped() ? Strings.format(strings, "analytics.readAll.tooltip",
                nf.format(load.remainingScan()), nf.format(load.remainingRequests())) : "");
        Brush keep = brush.get();
        data.set(d);
        empty.set(d.size() == 0);
        brush.set(keep);
        rebuildHistogram();
    }

    private void rebuildHistogram() {
        AnalyticsData d = data.get();
        if (d == null) {
            return;
        }
        histogram.set(Histogram.of(d, metric.get(), HISTOGRAM_BUCKETS));
        reselect();
    }

    // ~ brushing

    /** Brushes the histogram from {@code low} to {@code high} seconds (infinite = to the maximum). */
    public void brush(double low, double high) {
        Brush old = brush.get();
        Brush b = Brush.of(metric.get(), Math.min(low, high), Math.max(low, high));
        if (old != null && old.hasTimeRange()) {
            b = b.withTime(old.fromMillis(), old.toMillis());
        }
        brush.set(b);
        reselect();
    }

    /** From {@code low} seconds to the largest value. */
    public void brushAtLeast(double low) {
        brush(low, Double.POSITIVE_INFINITY);
    }

    /** Narrows B to traces that started in [from, to) (epoch ms); with no latency brush, every latency counts. */
    public void brushTime(long from, long to) {
        Brush old = brush.get();
        Brush base = old != null ? old : Brush.atLeast(metric.get(), 0);
        brush.set(base.withTime(Math.min(from, to), Math.max(from, to) + (from == to ? 1 : 0)));
        reselect();
    }

    public void clearTimeBrush() {
        if (brush.get() != null) {
            brush.set(brush.get().withoutTime());
            reselect();
        }
    }

    public void clearBrush() {
        brush.set(null);
        reselect();
    }

    private void reselect() {
        AnalyticsData d = data.get();
        Histogram h = histogram.get();
        if (d == null || h == null) {
            return;
        }
        Brush b = brush.get();
        Selection s = b == null ? Selection.none(d) : Selection.of(d, b);
        selection.set(s);
        selectedCounts.set(h.selectedCounts(s));
        TimeWindow w = loadedWindow != null ? loadedWindow : window.getValue();
        if (w != null && w.to().toEpochMilli() > w.from().toEpochMilli()) {
            series.set(TimeSeries.of(d, s, w.from().toEpochMilli(), w.to().toEpochMilli(), SERIES_BUCKETS));
        }
        List<TraceRow> rows = new ArrayList<>();
        int[] idx = s.indices();
        for (int k = 0; k < idx.length && rows.size() < LIST_LIMIT; k++) {
            if (d.row(idx[k]) != null) {
                rows.add(d.row(idx[k]));
            }
        }
        Metric m = metric.get();
        rows.sort((x, y) -> Double.compare(value(y, m), value(x, m)));
        selectedRows.setAll(rows);
        List<Difference> ranked = b == null ? List.of() : Differences.rank(d, s);
        differences.setAll(ranked);
        comparison.set(b == null ? null : Comparison.of(d, s, m, ranked));
        expression.set(b == null ? "" : b.expressionText());
        NumberFormat nf = NumberFormat.getIntegerInstance(Locale.ROOT);
        selectionSummary.set(b == null ? strings.getString("analytics.selection.none")
                : Strings.format(strings, b.hasTimeRange() ? "analytics.selection.countTime" : "analytics.selection.count",
                        nf.format(s.count()), nf.format(s.baselineCount())));
    }

    private static double value(TraceRow r, Metric m) {
        Double v = m == Metric.DURATION ? r.duration() : r.responseTime();
        return v == null ? 0 : v;
    }

    // ~ actions

    /** Sends the brush's expression to the Traces screen. */
    public void applyToTraces() {
        if (!expression.get().isEmpty()) {
            String current = filter.getValue() == null ? "" : filter.getValue().strip();
            onApplyFilter.accept(current.isEmpty() ? expression.get() : "(" + current + ") AND " + expression.get());
        }
    }

    public void open(TraceRow row) {
        if (row != null) {
            onOpenTrace.accept(row.id());
        }
    }

    public void setOnApplyFilter(Consumer<String> handler) {
        onApplyFilter = Objects.requireNonNull(handler);
    }

    public void setOnOpenTrace(Consumer<String> handler) {
        onOpenTrace = Objects.requireNonNull(handler);
    }

    /** The histogram (all and selected per bucket) as CSV; empty when nothing is loaded. */
    public String histogramCsv() {
        return histogram.get() == null ? "" : AnalyticsCsv.histogram(histogram.get(), selectedCounts.get());
    }

    /** The A/B comparison and every ranked attribute as CSV; empty without a brush. */
    public String comparisonCsv() {
        return comparison.get() == null ? "" : AnalyticsCsv.comparison(comparison.get(), differences);
    }

    // ~ properties

    public EmptyState emptyState() {
        return emptyState;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    public ReadOnlyObjectProperty<AnalyticsData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Histogram> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<int[]> selectedCountsProperty() {
        return selectedCounts.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Brush> brushProperty() {
        return brush.getReadOnlyProperty();
    }

    public Brush getBrush() {
        return brush.get();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TimeSeries> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ObservableList<TraceRow> selectedRows() {
        return selectedRows;
    }

    public ObservableList<Difference> differences() {
        return differences;
    }

    public ReadOnlyStringProperty expressionProperty() {
        return expression.getReadOnlyProperty();
    }

    /** What "Read all" would cost: about how many more traces it scans in how many requests; empty when nothing is left. */
    public ReadOnlyStringProperty readAllHintProperty() {
        return readAllHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionSummaryProperty() {
        return selectionSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty cappedProperty() {
        return capped;
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty;
    }
}
