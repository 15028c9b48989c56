package dev.tracedesk.ui.trace;

import dev.tracedesk.explore.logs.LogLine;
import dev.tracedesk.explore.logs.LogsQuery;
import dev.tracedesk.explore.logs.TraceLogs;
import dev.tracedesk.explore.logs.TraceLogsQueries;
import dev.tracedesk.explore.traces.TraceDocuments;
import dev.tracedesk.explore.traces.TraceGraphView;
import dev.tracedesk.explore.traces.TracesBackend;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.xray.Outcome;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.trace.LambdaPhases;
import dev.tracedesk.xray.trace.Trace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One open trace: loading it (by id from X-Ray, or from a BatchGetTraces file), its header, its timeline model, the
 * details of the selected row, its mini service map and its log lines. FX thread only; slow work goes through
 * {@link BackgroundTasks}.
 */
public final class TraceViewModel {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final ResourceBundle strings;
    private final Supplier<TracesBackend> backend;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneId.systemDefault());

    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<TimelineModel> timeline = new ReadOnlyObjectWrapper<>(this, "timeline");
    private final ReadOnlyObjectWrapper<TraceGraphView> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ObservableList<Trace> openTraces = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper request = new ReadOnlyStringWrapper(this, "request", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(this, "selectedRow", -1);
    private final ReadOnlyObjectWrapper<SegmentDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ObservableList<LogLine> logLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper logsMessage = new ReadOnlyStringWrapper(this, "logsMessage", "");
    private final ReadOnlyBooleanWrapper logsLoading = new ReadOnlyBooleanWrapper(this, "logsLoading");
    private final BooleanProperty logsWanted = new SimpleBooleanProperty(this, "logsWanted");
    private Trace logsFor;
    private BackgroundTasks.Handle running;

    public TraceViewModel(ResourceBundle strings, Supplier<TracesBackend> backend, BackgroundTasks tasks,
            Clock clock) {
        this.strings = Objects.requireNonNull(strings);
        this.backend = Objects.requireNonNull(backend);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        selectedRow.addListener((obs, o, row) -> updateDetails());
        zone.addListener((obs, o, z) -> {
            updateHeader();
            updateDetails();
        });
        logsWanted.addListener((obs, o, wanted) -> {
            if (wanted) {
                loadLogs();
            }
        });
    }

    // ~ opening

    /** Reads the trace {@code id} (X-Ray or 32-hex W3C form) from the current connection. */
    public void open(String id) {
        TraceId traceId = parseId(id);
        if (traceId == null) {
            message.set(Strings.format(strings, "trace.badId", id == null ? "" : id.strip()));
            return;
        }
        cancel();
        loading.set(true);
        message.set(Strings.format(strings, "trace.loading", traceId.value()));
        TracesBackend b = backend.get();
        running = tasks.task(Strings.format(strings, "trace.loading", traceId.value()), progress -> {
            List<Trace> found = b.traces().traces(List.of(traceId.value()));
            if (found.isEmpty()) {
                return null;
            }
            Trace t = found.get(0);
            TimelineModel model = TimelineModel.of(t);
            TraceGraphView g;
            try {
                g = b.traces().graph(traceId.value());
            } catch (RuntimeException e) {
                g = null; // the map is a nicety; the trace itself loaded
            }
            return new Loaded(t, model, g);
        }).onSuccess(loaded -> {
            if (loaded == null) {
                message.set(Strings.format(strings, "trace.notFound", traceId.value()));
            } else {
                openTraces.setAll(loaded.trace);
                show(loaded);
            }
        }).onFailure(e -> message.set(Strings.format(strings, "trace.loadFailed", traceId.value(), text(e))))
                .andFinally(() -> loading.set(false)).start();
    }

    /** Opens the traces of a BatchGetTraces JSON file; the first is shown, the others can be picked. */
    public void openFile(Path file) {
        cancel();
        loading.set(true);
        running = tasks.task(Strings.format(strings, "trace.reading", file.getFileName()), progress -> {
            TraceDocuments.Parsed parsed = TraceDocuments.read(file);
            if (parsed.traces().isEmpty()) {
                return new FileLoad(parsed, null);
            }
            Trace first = parsed.traces().get(0);
            return new FileLoad(parsed, new Loaded(first, TimelineModel.of(first), null));
        }).onSuccess(load -> {
            if (load.first == null) {
                message.set(Strings.format(strings, "trace.fileEmpty", file.getFileName()));
                return;
            }
            openTraces.setAll(load.parsed.traces());
            show(load.first);
            if (load.parsed.skippedDocuments() > 0) {
                message.set(Strings.format(strings, "trace.fileSkipped", load.parsed.skippedDocuments()));
            }
        }).onFailure(e -> message.set(Strings.format(strings, "trace.fileFailed", file.getFileName(), text(e))))
                .andFinally(() -> loading.set(false)).start();
    }

    /** Shows another of the traces read from a file. */
    public void showOpenTrace(Trace t) {
        if (t != null && t != trace.get()) {
            show(new Loaded(t, TimelineModel.of(t), null));
        }
    }

    /** Writes {@code traces} (the open one when null) as BatchGetTraces JSON. */
    public void save(Path file, List<Trace> traces) {
        List<Trace> toSave = traces == null || traces.isEmpty()
                ? (trace.get() == null ? List.of() : List.of(trace.get())) : traces;
        if (toSave.isEmpty()) {
            return;
        }
        tasks.task(Strings.format(strings, "trace.saving", file.getFileName()), progress -> {
            TraceDocuments.save(file, toSave);
            return toSave.size();
        }).onSuccess(n -> message.set(Strings.format(strings, "trace.saved", n, file.toString())))
                .onFailure(e -> message.set(Strings.format(strings, "trace.saveFailed", file.getFileName(), text(e))))
                .start();
    }

    /** Reads the traces {@code ids} from the connection and writes them as BatchGetTraces JSON. */
    public void saveIds(Path file, List<String> ids) {
        TracesBackend b = backend.get();
        tasks.task(Strings.format(strings, "trace.saving", file.getFileName()), progress -> {
            List<Trace> traces = b.traces().traces(ids);
            TraceDocuments.save(file, traces);
            return traces.size();
        }).onSuccess(n -> message.set(Strings.format(strings, "trace.saved", n, file.toString())))
                .onFailure(e -> message.set(Strings.format(strings, "trace.saveFailed", file.getFileName(), text(e))))
                .start();
    }

    private record Loaded(Trace trace, TimelineModel model, TraceGraphView graph) {
    }

    private record FileLoad(TraceDocuments.Parsed parsed, Loaded first) {
    }

    private void show(Loaded loaded) {
        logLines.clear();
        logsMessage.set("");
        logsFor = null;
        selectedRow.set(-1);
        trace.set(loaded.trace);
        graph.set(loaded.graph);
        timeline.set(loaded.model);
        message.set("");
        updateHeader();
        if (logsWanted.get()) {
            loadLogs();
        }
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
            running = null;
        }
    }

    /** An X-Ray id, or a 32-hex W3C/OpenTelemetry id converted to one; null when neither. */
    public static TraceId parseId(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        return TraceId.parse(s).or(() -> TraceId.fromW3c(s.toLowerCase(Locale.ROOT))).orElse(null);
    }

    // ~ header

    private void updateHeader() {
        Trace t = trace.get();
        if (t == null) {
            title.set("");
            summary.set("");
            request.set("");
            return;
        }
        Segment root = t.root();
        title.set(t.id().value());
        String start = Double.isNaN(t.startTime()) ? "" : START.format(Instant.ofEpochMilli(
                (long) (t.startTime() * 1000)).atZone(zone.get()));
        String status = root == null ? "" : Outcome.of(root).name().toLowerCase(Locale.ROOT)
                + (root.httpStatus() == null ? "" : " " + root.httpStatus());
        boolean cold = LambdaPhases.hasColdStart(t);
        summary.set(Strings.format(strings, "trace.summary", start,
                TimelineRenderer.formatDuration(t.duration(), 0), status,
                root == null ? "" : root.name() + (root.origin() == null ? "" : " (" + root.origin() + ")"),
                t.segments().size(), cold ? strings.getString("trace.coldStart") : ""));
        String method = root != null && root.http() != null && root.http().request() != null
                ? nz(root.http().request().method()) + " " + nz(root.http().request().url()) : "";
        request.set(method.strip());
    }

    // ~ details

    private void updateDetails() {
        TimelineModel model = timeline.get();
        int row = selectedRow.get();
        details.set(model == null || row < 0 || row >= model.rowCount() ? null
                : SegmentDetails.of(model.trace(), model.segment(row), zone.get()));
    }

    // ~ logs

    /** The log searches this trace needs (shown to the user, tested). */
    public LogsQuery logsQuery() {
        return trace.get() == null ? null : TraceLogsQueries.forTrace(trace.get());
    }

    /** Loads the trace's log lines once per trace (the Logs tab asks through {@link #logsWantedProperty()}). */
    public void loadLogs() {
        Trace t = trace.get();
        if (t == null || t == logsFor) {
            return;
        }
        logsFor = t;
        LogsQuery query = TraceLogsQueries.forTrace(t);
        logLines.clear();
        logsLoading.set(true);
        logsMessage.set(strings.getString("trace.logs.loading"));
        TracesBackend b = backend.get();
        tasks.task(strings.getString("trace.logs.loading"), progress -> TraceLogs.fetch(query, b.logs(), clock.instant()))
                .onSuccess(result -> {
                    if (trace.get() != t) {
                        return;
                    }
                    logLines.setAll(result.lines());
                    logsMessage.set(result.reason() == null
                            ? Strings.format(strings, "trace.logs.found", result.lines().size(), result.groups().size())
                            : reason(result));
                })
                .onFailure(e -> {
                    logsFor = null;
                    logsMessage.set(Strings.format(strings, "trace.logs.failed", text(e)));
                })
                .andFinally(() -> logsLoading.set(false)).start();
    }

    /**
     * The index in {@link #logLines()} of the first line the selected function segment logged (its log group is named
     * after the function), or -1: nothing selected, not a Lambda segment, or no line of it.
     */
    public int firstLogLineOfSelection() {
        TimelineModel model = timeline.get();
        int row = selectedRow.get();
        if (model == null || row < 0 || row >= model.rowCount()) {
            return -1;
        }
        String origin = model.segment(row).origin();
        String name = model.segment(row).name();
        if (origin == null || !origin.startsWith("AWS::Lambda") || name == null) {
            return -1;
        }
        for (int i = 0; i < logLines.size(); i++) {
            String group = logLines.get(i).logGroup();
            if (group != null && group.endsWith("/" + name)) {
                return i;
            }
        }
        return -1;
    }

    /** The sentence that explains an empty logs result. */
    public String reason(TraceLogs.Result result) {
        String groups = String.join(", ", result.groups());
        return switch (result.reason()) {
            case NO_FUNCTIONS -> strings.getString("trace.logs.noFunctions");
            case NO_LOG_GROUP -> Strings.format(strings, "trace.logs.noGroup", groups);
            case NO_PERMISSION -> Strings.format(strings, "trace.logs.noPermission", groups, result.detail());
            case RETENTION -> Strings.format(strings, "trace.logs.retention", groups, result.detail());
            case NOT_LOGGED -> Strings.format(strings, "trace.logs.notLogged", groups);
        };
    }

    // ~ properties

    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public Trace getTrace() {
        return trace.get();
    }

    public ReadOnlyObjectProperty<TimelineModel> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TraceGraphView> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public ObservableList<Trace> openTraces() {
        return openTraces;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestProperty() {
        return request.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    public ReadOnlyObjectProperty<SegmentDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public SegmentDetails getDetails() {
        return details.get();
    }

    public ObservableList<LogLine> logLines() {
        return logLines;
    }

    public ReadOnlyStringProperty logsMessageProperty() {
        return logsMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty logsLoadingProperty() {
        return logsLoading.getReadOnlyProperty();
    }

    /** True while the Logs tab is shown: logs load then (and for every trace opened while it stays shown). */
    public BooleanProperty logsWantedProperty() {
        return logsWanted;
    }

    private static String text(Throwable e) {
        Throwable t = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
