package dev.tracedesk.ui.trace;

import dev.tracedesk.explore.logs.LogLine;
import dev.tracedesk.explore.logs.Report;
import dev.tracedesk.ui.common.DisplayConverter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TracePage;
import dev.tracedesk.xray.trace.Trace;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;

/** Binds {@code TraceView.fxml} (header, mini map, timeline, details tabs, logs) to its {@link TraceViewModel}. */
public final class TraceController implements TracePage {

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private final TraceViewModel model;
    private final ResourceBundle strings;
    private Runnable onBack = () -> { };

    @FXML BorderPane traceScreen;
    @FXML Button backButton;
    @FXML Label traceTitle;
    @FXML ChoiceBox<Trace> openTracesChoice;
    @FXML Button saveButton;
    @FXML Label traceRequest;
    @FXML Label traceSummary;
    @FXML Label traceMessage;
    @FXML TraceMiniMap miniMap;
    @FXML TextField findField;
    @FXML CheckBox hideNonMatching;
    @FXML Label findCount;
    @FXML Button expandAllButton;
    @FXML Button collapseAllButton;
    @FXML MenuButton serviceMenu;
    @FXML Button zoomInButton;
    @FXML Button zoomOutButton;
    @FXML Button zoomAllButton;
    @FXML TimelineView timeline;
    @FXML TabPane detailTabs;
    @FXML Tab overviewTab;
    @FXML Tab logsTab;
    @FXML TableView<SegmentDetails.Field> overviewTable;
    @FXML TableView<SegmentDetails.Field> resourcesTable;
    @FXML TableView<SegmentDetails.Field> annotationsTable;
    @FXML TableView<SegmentDetails.Field> sqlTable;
    @FXML TextArea metadataText;
    @FXML TextArea exceptionsText;
    @FXML TextArea rawText;
    @FXML Label logsMessage;
    @FXML TableView<LogLine> logsTable;

    public TraceController(TraceViewModel model, ResourceBundle strings) {
        this.model = model;
        this.strings = strings;
    }

    public TraceViewModel model() {
        return model;
    }

    public TimelineView timeline() {
        return timeline;
    }

    @Override
    public void open(String traceId) {
        model.open(traceId);
    }

    @Override
    public void openFile(java.nio.file.Path file) {
        model.openFile(file);
    }

    @Override
    public void saveIds(java.nio.file.Path file, java.util.List<String> ids) {
        model.saveIds(file, ids);
    }

    @Override
    public void bindZone(javafx.beans.value.ObservableValue<ZoneId> zone) {
        model.zoneProperty().bind(zone);
    }

    @Override
    public void focusTimeline() {
        timeline().requestFocus();
    }

    @Override
    public void setOnBack(Runnable handler) {
        onBack = handler;
    }

    @FXML
    void initialize() {
        backButton.setOnAction(e -> onBack.run());
        traceTitle.textProperty().bind(model.titleProperty());
        traceRequest.textProperty().bind(model.requestProperty());
        traceSummary.textProperty().bind(model.summaryProperty());
        traceMessage.textProperty().bind(model.messageProperty());
        traceMessage.visibleProperty().bind(model.messageProperty().isNotEmpty());
        traceMessage.managedProperty().bind(traceMessage.visibleProperty());
        model.graphProperty().addListener((obs, o, g) -> miniMap.setGraph(g));
        miniMap.visibleProperty().bind(model.graphProperty().isNotNull());
        miniMap.managedProperty().bind(miniMap.visibleProperty());

        openTracesChoice.setItems(model.openTraces());
        openTracesChoice.setConverter(DisplayConverter.of(t -> t.id().value()));
        openTracesChoice.visibleProperty().bind(javafx.beans.binding.Bindings.size(model.openTraces()).greaterThan(1));
        openTracesChoice.managedProperty().bind(openTracesChoice.visibleProperty());
        model.traceProperty().addListener((obs, o, t) -> openTracesChoice.setValue(t));
        openTracesChoice.valueProperty().addListener((obs, o, t) -> model.showOpenTrace(t));
        saveButton.setOnAction(e -> save());
        saveButton.disableProperty().bind(model.traceProperty().isNull());

        model.timelineProperty().addListener((obs, o, m) -> {
            timeline.setModel(m);
            findField.clear();
            findCount.setText("");
            rebuildServiceMenu(m);
            if (m != null && m.rowCount() > 0) {
                timeline.select(0);
            }
        });
        timeline.selectedRowProperty().bindBidirectional(model.selectedRowProperty());
        timeline.setOnOpen(row -> {
            detailTabs.getSelectionModel().select(overviewTab);
            overviewTable.requestFocus();
        });
        findField.textProperty().addListener((obs, o, text) -> find());
        hideNonMatching.selectedProperty().addListener((obs, o, v) -> find());
        expandAllButton.setOnAction(e -> {
            if (timeline.getModel() != null) {
                timeline.getModel().expandAll();
                timeline.modelChanged();
            }
        });
        collapseAllButton.setOnAction(e -> {
            if (timeline.getModel() != null) {
                timeline.getModel().collapseAll();
                timeline.modelChanged();
            }
        });
        zoomInButton.setOnAction(e -> timeline.zoomBy(0.5));
        zoomOutButton.setOnAction(e -> timeline.zoomBy(2));
        zoomAllButton.setOnAction(e -> timeline.showWholeTrace());

        fieldTable(overviewTable);
        fieldTable(resourcesTable);
        fieldTable(annotationsTable);
        fieldTable(sqlTable);
        model.detailsProperty().addListener((obs, o, d) -> showDetails(d));
        showDetails(model.getDetails());

        logsTable.setItems(model.logLines());
        logsTable.getColumns().setAll(List.of(
                column(strings.getString("trace.logs.col.time"), 100, l -> LOG_TIME.format(l.timestamp()
                        .atZone(model.zoneProperty().get()))),
                column(strings.getString("trace.logs.col.group"), 220, LogLine::logGroup),
                column(strings.getString("trace.logs.col.report"), 540, l -> l.report().map(this::report).orElse("")),
                column(strings.getString("trace.logs.col.message"), 700, l -> oneLine(l.message()))));
        logsMessage.textProperty().bind(model.logsMessageProperty());
        model.logsWantedProperty().bind(logsTab.selectedProperty());
        // A selected function brings its own lines into view (the trace's lines are in time order, all functions).
        model.selectedRowProperty().addListener((obs, o, row) -> scrollLogsToSelection());
        model.logLines().addListener((javafx.collections.ListChangeListener<LogLine>) c -> scrollLogsToSelection());
        logsTab.selectedProperty().addListener((obs, o, shown) -> scrollLogsToSelection());
    }

    /** A log message on one row: rows of one height keep the table's scrolling exact (REPORT lines hold a newline). */
    static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "  ");
    }

    private void scrollLogsToSelection() {
        // After this pulse: a Logs tab shown just now has no laid-out table yet, and would lose the scroll.
        javafx.application.Platform.runLater(() -> {
            int line = model.firstLogLineOfSelection();
            if (line >= 0) {
                logsTable.scrollTo(line);
                logsTable.getSelectionModel().select(line);
            }
        });
    }

    private String report(Report r) {
        String init = r.initMs() == null ? "" : " " + Strings.format(strings, "trace.logs.init", fmt(r.initMs()));
        return Strings.format(strings, "trace.logs.report", fmt(r.durationMs()), fmt(r.billedMs()),
                fmt(r.maxMemoryMb()), fmt(r.memoryMb()), init);
    }

    private static String fmt(Double d) {
        if (d == null) {
            return "?";
        }
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.format(Locale.ROOT, "%.2f", d);
    }

    private void find() {
        TimelineModel m = timeline.getModel();
        if (m == null) {
            return;
        }
        int count = m.find(findField.getText(), hideNonMatching.isSelected());
        findCount.setText(m.hasFind() ? Strings.format(strings, "trace.find.count", count) : "");
        timeline.modelChanged();
    }

    private void rebuildServiceMenu(TimelineModel m) {
        serviceMenu.getItems().clear();
        if (m == null) {
            return;
        }
        for (String service : m.serviceNames()) {
            CheckMenuItem item = new CheckMenuItem(service);
            item.selectedProperty().addListener((obs, o, collapsed) -> {
                m.collapseService(service, collapsed);
                timeline.modelChanged();
            });
            serviceMenu.getItems().add(item);
        }
    }

    private void showDetails(SegmentDetails d) {
        overviewTable.getItems().setAll(d == null ? List.of() : d.overview());
        resourcesTable.getItems().setAll(d == null ? List.of() : d.resources());
        annotationsTable.getItems().setAll(d == null ? List.of() : d.annotations());
        sqlTable.getItems().setAll(d == null ? List.of() : d.sql());
        metadataText.setText(d == null ? strings.getString("trace.noSelection")
                : d.metadata().isEmpty() ? strings.getString("trace.noMetadata") : d.metadata());
        exceptionsText.setText(d == null ? strings.getString("trace.noSelection")
                : d.exceptions().isEmpty() ? strings.getString("trace.none") : d.exceptions());
        rawText.setText(d == null ? strings.getString("trace.noSelection") : d.rawJson());
    }

    private void fieldTable(TableView<SegmentDetails.Field> table) {
        table.setPlaceholder(new Label(strings.getString("trace.noSelection")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column(strings.getString("trace.field.name"), 220, SegmentDetails.Field::name),
                column(strings.getString("trace.field.value"), 500, SegmentDetails.Field::value)));
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(strings.getString("traces.fileChooser"),
                "*.json"));
        chooser.setInitialFileName(model.getTrace().id().value() + ".json");
        File file = chooser.showSaveDialog(traceScreen.getScene().getWindow());
        if (file != null) {
            model.save(Path.of(file.toURI()), null);
        }
    }

    /** Shows the Resources tab of the details. */
    public void showResources() {
        detailTabs.getSelectionModel().select(1);
    }

    /** Shows the Logs tab (which loads the trace's log lines). */
    public void showLogs() {
        logsTab.getTabPane().getSelectionModel().select(logsTab);
    }

    /** Sets the zone of times shown (the shell's UTC switch). */
    @Override
    public void setZone(ZoneId zone) {
        model.zoneProperty().set(zone);
    }
}
