package dev.tracedesk.ui.traces;

import dev.tracedesk.explore.traces.SummaryLoad;
import dev.tracedesk.explore.traces.TraceQuery;
import dev.tracedesk.explore.traces.TraceRow;
import dev.tracedesk.explore.traces.TraceSummaryLoader;
import dev.tracedesk.explore.traces.TracesBackend;
import dev.tracedesk.explore.traces.ColdStartLookup;
import dev.tracedesk.explore.traces.WindowVocabulary;
import dev.tracedesk.filter.FilterParser;
import dev.tracedesk.filter.FilterSyntaxException;
import dev.tracedesk.filter.Filters;
import dev.tracedesk.filter.Op;
import dev.tracedesk.filter.StringKeyword;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TimeWindow;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.trace.LambdaPhases;
import dev.tracedesk.xray.trace.Trace;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

/**
 * The traces list: loads the summaries of the shell's window and filter (page by page, newest first, cancellable),
 * checks the filter before asking (a malformed expression says where and sends nothing), groups the rows, and
 * narrows the list to a clicked group. Cold starts are not in summaries: the traces whose rows are on screen are read
 * lazily ({@link #wantColdStart}, a few BatchGetTraces calls of 5 ids at a time, cached per connection by
 * {@link ColdStartLookup}), so every row gets its answer when it is looked at. FX thread only.
 */
public final class TracesViewModel {

    /** Ids queued for a cold-start read at most; older ones (rows scrolled past) are dropped. */
    static final int MAX_WANTED_COLD_STARTS = 200;

    private final ResourceBundle strings;
    private final Supplier<TracesBackend> backend;
    private final TraceSummaryLoader loader;
    private final BackgroundTasks tasks;
    private final Executor ui;
    private final ObservableValue<TimeWindow> window;
    private final ObservableValue<String> filter;

    private final ObservableList<TraceRow> rows = FXCollections.observableArrayList();
    private final FilteredList<TraceRow> shownRows = new FilteredList<>(rows);
    private final ObservableMap<String, Boolean> coldStarts = FXCollections.observableHashMap();
    private final java.util.LinkedHashSet<String> wantedColdStarts = new java.util.LinkedHashSet<>();
    private final java.util.Set<String> coldStartMissing = new java.util.HashSet<>();
    private final ReadOnlyIntegerWrapper coldStartReads = new ReadOnlyIntegerWrapper(this, "coldStartReads");
    private boolean coldStartFetchScheduled;
    private boolean coldStartFetching;
    private WindowVocabulary vocabulary = new WindowVocabulary();
    private ColdStartLookup coldStartLookup = new ColdStartLookup();
    private final ObservableList<String> annotationKeys = FXCollections.observableArrayList();
    private final ObservableList<String> serviceNames = FXCollections.observableArrayList();
    private final TreeSet<String> keysSeen = new TreeSet<>();
    private final TreeSet<String> servicesSeen = new TreeSet<>();
    private final ObservableList<TraceGroup> groups = FXCollections.observableArrayList();
    private final ObjectProperty<GroupBy> groupBy = new SimpleObjectProperty<>(this, "groupBy", GroupBy.NONE);
    private final StringProperty groupAnnotation = new SimpleStringProperty(this, "groupAnnotation");
    private final ObjectProperty<String> selectedGroup = new SimpleObjectProperty<>(this, "selectedGroup");
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneId.systemDefault());

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError", "");
    private final ReadOnlyIntegerWrapper filterErrorPosition = new ReadOnlyIntegerWrapper(this, "filterErrorPosition", -1);
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyIntegerWrapper requests = new ReadOnlyIntegerWrapper(this, "requests");

    private BackgroundTasks.Handle running;
    private AtomicBoolean cancelFlag = new AtomicBoolean();
    private long generation;
    private long processed;
    private Consumer<String> onOpenTrace = id -> { };

    public TracesViewModel(ResourceBundle strings, Supplier<TracesBackend> backend, TraceSummaryLoader loader,
            BackgroundTasks tasks, Executor ui, ObservableValue<TimeWindow> window, ObservableValue<String> filter,
            ObservableValue<Number> refreshCount) {
        this.strings = Objects.requireNonNull(strings);
        this.backend = Objects.requireNonNull(backend);
        this.loader = Objects.requireNonNull(loader);
        this.tasks = Objects.requireNonNull(tasks);
        this.ui = Objects.requireNonNull(ui);
        this.window = Objects.requireNonNull(window);
        this.filter = Objects.requireNonNull(filter);
        refreshCount.addListener((obs, o, n) -> reload());
        filter.addListener((obs, o, text) -> checkFilter(text));
        groupBy.addListener((obs, o, n) -> regroup());
        groupAnnotation.addListener((obs, o, n) -> regroup());
        selectedGroup.addListener((obs, o, key) -> applyGroupSelection());
    }

    // ~ loading

    /** Loads the shell's current window and filter (a malformed filter stops here, with its error). */
    public void reload() {
        if (!checkFilter(filter.getValue())) {
            status.set(strings.getString("traces.status.filterError"));
            return;
        }
        TimeWindow w = window.getValue();
        if (w == null) {
            return;
        }
        cancel();
        long gen = ++generation;
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelFlag = cancelled;
        rows.clear();
        coldStarts.clear();
        coldStartMissing.clear();
        wantedColdStarts.clear();
        vocabulary.reset(WindowVocabulary.TRACES);
        selectedGroup.set(null);
        processed = 0;
        loadError.set("");
        loading.set(true);
        progress.set(-1);
        status.set(strings.getString("traces.status.loading"));
        TraceQuery query = new TraceQuery(w.from(), w.to(), filter.getValue());
        TracesBackend b = backend.get();
        requests.set(requests.get() + 1);
        running = tasks.task(strings.getString("traces.task.loading"), p -> loader.load(b.connectionKey(), b.summaries(),
                query, page -> ui.execute(() -> {
                    if (gen == generation) {
                        addPage(page.page(), page.processed(), page.slice(), page.slices());
                    }
                }), () -> cancelled.get() || p.isCancelled()))
                .onSuccess(load -> {
                    if (gen == generation && load != null) {
                        finished(load);
                    }
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        loadError.set(message(e));
                        status.set(Strings.format(strings, "traces.status.failed", count(rows.size()), message(e)));
                    }
                })
                .andFinally(() -> {
                    if (gen == generation) {
                        loading.set(false);
                        running = null;
                    }
                }).start();
    }

    /** Stops loading; what arrived stays, and the status says the list is incomplete. */
    public void cancel() {
        if (running != null) {
            cancelFlag.set(true);
            running.cancel();
            running = null;
            loading.set(false);
            status.set(Strings.format(strings, "traces.status.cancelled", count(rows.size()), count(processed)));
        }
    }

    private void addPage(List<TraceRow> page, long processedSoFar, int slice, int slices) {
        rows.addAll(page);
        vocabulary.addRows(WindowVocabulary.TRACES, page);
        processed = processedSoFar;
        for (TraceRow r : page) {
            keysSeen.addAll(r.annotations().keySet());
            servicesSeen.addAll(r.services());
        }
        if (annotationKeys.size() != keysSeen.size()) {
            annotationKeys.setAll(keysSeen);
        }
        if (serviceNames.size() != servicesSeen.size()) {
            serviceNames.setAll(servicesSeen);
        }
        progress.set(slices <= 1 ? -1 : (double) (slice - 1) / slices);
        status.set(Strings.format(strings, "traces.status.loadingCount", count(rows.size()), count(processedSoFar)));
        if (rows.size() <= 5_000) {
            regroup();
        }
    }

    private void finished(SummaryLoad load) {
        if (rows.size() != load.rows().size()) {
            rows.setAll(load.rows()); // a cached load arrives in one piece
            vocabulary.addRows(WindowVocabulary.TRACES, load.rows());
        }
        processed = load.processed();
        String key = load.capped() ? "traces.status.capped" : load.cached() ? "traces.status.cached"
                : "traces.status.done";
        status.set(Strings.format(strings, key, count(rows.size()), count(load.processed())));
        progress.set(1);
        regroup();
    }

    // ~ cold starts: read lazily for the rows on screen

    /**
     * A cell shows {@code id}'s cold-start column: answers from the cache at once, otherwise queues the id; queued ids
     * are read a few batches at a time, the most recently shown first (rows scrolled past are not read).
     */
    public void wantColdStart(String id) {
        if (id == null || coldStarts.containsKey(id) || coldStartMissing.contains(id)) {
            return;
        }
        Boolean cached = coldStartLookup.known(backend.get().connectionKey(), id);
        if (cached != null) {
            coldStarts.put(id, cached);
            return;
        }
        wantedColdStarts.remove(id);
        wantedColdStarts.add(id);
        while (wantedColdStarts.size() > MAX_WANTED_COLD_STARTS) {
            wantedColdStarts.remove(wantedColdStarts.iterator().next());
        }
        scheduleColdStartFetch();
    }

    private void scheduleColdStartFetch() {
        if (!coldStartFetchScheduled && !coldStartFetching && !wantedColdStarts.isEmpty()) {
            coldStartFetchScheduled = true;
            ui.execute(this::fetchColdStarts);
        }
    }

    private void fetchColdStarts() {
        coldStartFetchScheduled = false;
        if (coldStartFetching || wantedColdStarts.isEmpty()) {
            return;
        }
        List<String> newestFirst = new ArrayList<>(wantedColdStarts);
        java.util.Collections.reverse(newestFirst);
        TracesBackend b = backend.get();
        List<String> ids = coldStartLookup.unknown(b.connectionKey(), newestFirst);
        wantedColdStarts.removeAll(ids);
        if (ids.isEmpty()) {
            newestFirst.forEach(id -> {
                Boolean cached = coldStartLookup.known(b.connectionKey(), id);
                if (cached != null) {
                    coldStarts.put(id, cached);
                }
            });
            wantedColdStarts.clear();
            return;
        }
        coldStartFetching = true;
        long gen = generation;
        coldStartReads.set(coldStartReads.get() + 1);
        tasks.task(strings.getString("traces.task.coldStarts"), p -> coldStartLookup.fetch(b.traces(), b.connectionKey(), ids))
                .onSuccess(found -> {
                    if (gen == generation) {
                        for (String id : ids) {
                            Boolean cold = found.get(id);
                            if (cold == null) {
                                coldStartMissing.add(id); // not returned (expired or not indexed yet): stays unknown
                            } else {
                                coldStarts.put(id, cold);
                            }
                        }
                    }
                })
                .onFailure(e -> coldStartMissing.addAll(ids)) // the column stays unknown; no retry storm
                .andFinally(() -> {
                    coldStartFetching = false;
                    scheduleColdStartFetch();
                }).start();
    }

    /** How many cold-start reads (each up to {@value ColdStartLookup#MAX_PER_FETCH} ids) were started. */
    public ReadOnlyIntegerProperty coldStartReadsProperty() {
        return coldStartReads.getReadOnlyProperty();
    }

    /** The names and keys this list has seen are shared with the filter field's completion through {@code shared}. */
    public void useVocabulary(WindowVocabulary shared) {
        vocabulary = Objects.requireNonNull(shared);
    }

    /** Cold-start answers are kept in {@code shared} (one per window, across reloads). */
    public void useColdStartLookup(ColdStartLookup shared) {
        coldStartLookup = Objects.requireNonNull(shared);
    }

    /** Parses the filter; false (with the error and its position) when it is malformed. Blank is fine. */
    public boolean checkFilter(String text) {
        if (text == null || text.isBlank()) {
            filterError.set("");
            filterErrorPosition.set(-1);
            return true;
        }
        try {
            FilterParser.parse(text);
            filterError.set("");
            filterErrorPosition.set(-1);
            return true;
        } catch (FilterSyntaxException e) {
            filterErrorPosition.set(e.position());
            filterError.set(Strings.format(strings, "traces.filterError", e.position() + 1, e.reason()));
            return false;
        }
    }

    // ~ groups

    private void regroup() {
        GroupBy by = groupBy.get();
        if (by == GroupBy.NONE) {
            groups.clear();
            shownRows.setPredicate(null);
            return;
        }
        groups.setAll(TraceGroups.of(rows, by, groupAnnotation.get()));
        applyGroupSelection();
    }

    private void applyGroupSelection() {
        String key = selectedGroup.get();
        GroupBy by = groupBy.get();
        String annotation = groupAnnotation.get();
        shownRows.setPredicate(key == null || by == GroupBy.NONE ? null
                : row -> by.keys(row, annotation).contains(key));
    }

    // ~ trace ids, copy, console

    /** Opens a pasted trace id (X-Ray or 32-hex W3C form); false with a status message when it is not one. */
    public boolean openTraceId(String text) {
        String s = text == null ? "" : text.strip();
        var id = TraceId.parse(s).or(() -> TraceId.fromW3c(s.toLowerCase(Locale.ROOT)));
        if (id.isEmpty()) {
            status.set(Strings.format(strings, "traces.badTraceId", s));
            return false;
        }
        onOpenTrace.accept(id.get().value());
        return true;
    }

    public void open(TraceRow row) {
        if (row != null) {
            onOpenTrace.accept(row.id());
        }
    }

    public void setOnOpenTrace(Consumer<String> handler) {
        onOpenTrace = Objects.requireNonNull(handler);
    }

    /**
     * A filter expression for traces like {@code row} (X-Ray has no trace-id keyword): its entry service, method
     * and URL.
     */
    public static String filterFor(TraceRow row) {
        List<dev.tracedesk.filter.Expr> parts = new ArrayList<>();
        if (row.entryPoint() != null) {
            parts.add(Filters.service(new dev.tracedesk.filter.Expr.NodeRef(row.entryPoint(), null, null, false), null));
        }
        if (row.method() != null) {
            parts.add(Filters.string(StringKeyword.HTTP_METHOD, Op.EQ, row.method()));
        }
        if (row.url() != null) {
            parts.add(Filters.string(StringKeyword.HTTP_URL, Op.EQ, row.url()));
        }
        if (parts.isEmpty()) {
            return "";
        }
        return Filters.print(parts.size() == 1 ? parts.get(0)
                : Filters.and(parts.get(0), parts.subList(1, parts.size()).toArray(new dev.tracedesk.filter.Expr[0])));
    }

    /** The X-Ray console page of the trace when on AWS; empty on the sandbox. */
    public java.util.Optional<String> consoleLink(TraceRow row) {
        return backend.get().awsRegion()
                .map(region -> dev.tracedesk.explore.traces.SessionBackend.consoleLink(region, row.id()));
    }

    // ~ properties

    public ObservableList<TraceRow> rows() {
        return rows;
    }

    /** The rows after the group selection: what the table shows. */
    public FilteredList<TraceRow> shownRows() {
        return shownRows;
    }

    public ObservableMap<String, Boolean> coldStarts() {
        return coldStarts;
    }

    public ObservableList<String> annotationKeys() {
        return annotationKeys;
    }

    public ObservableList<String> serviceNames() {
        return serviceNames;
    }

    public ObservableList<TraceGroup> groups() {
        return groups;
    }

    public ObjectProperty<GroupBy> groupByProperty() {
        return groupBy;
    }

    public StringProperty groupAnnotationProperty() {
        return groupAnnotation;
    }

    /** The key of the clicked group (null: all rows). */
    public ObjectProperty<String> selectedGroupProperty() {
        return selectedGroup;
    }

    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String getStatus() {
        return status.get();
    }

    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty filterErrorPositionProperty() {
        return filterErrorPosition.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** How many loads went to the backend (a malformed filter sends none). */
    public ReadOnlyIntegerProperty requestsProperty() {
        return requests.getReadOnlyProperty();
    }

    private static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
