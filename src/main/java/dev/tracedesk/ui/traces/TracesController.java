package dev.tracedesk.ui.traces;

import dev.tracedesk.explore.traces.TraceRow;
import dev.tracedesk.ui.common.DisplayConverter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TracePage;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Binds {@code TracesView.fxml}: group-by, the virtualized trace table (sortable on every column, annotation columns
 * on demand), loading status with cancel, trace-id paste and file open; and switches to the trace page (the included
 * {@code TraceView.fxml}) to open a trace.
 */
public final class TracesController {

    private final TracesViewModel model;
    private final ResourceBundle strings;
    private final java.util.function.Consumer<String> openUrl;

    @FXML StackPane tracesScreen;
    @FXML BorderPane listPage;
    @FXML ChoiceBox<GroupBy> groupByChoice;
    @FXML ChoiceBox<String> groupAnnotationChoice;
    @FXML MenuButton columnsMenu;
    @FXML TextField traceIdField;
    @FXML Button openIdButton;
    @FXML Button openFileButton;
    @FXML ProgressBar loadProgress;
    @FXML Button cancelButton;
    @FXML Label statusLabel;
    @FXML Label filterErrorLabel;
    @FXML SplitPane listSplit;
    @FXML VBox groupPane;
    @FXML Label groupTitle;
    @FXML Button clearGroupButton;
    @FXML TableView<TraceGroup> groupTable;
    @FXML TableView<TraceRow> traceTable;
    @FXML Parent tracePage;
    @FXML TracePage tracePageController;

    public TracesController(TracesViewModel model, ResourceBundle strings, java.util.function.Consumer<String> openUrl) {
        this.model = model;
        this.strings = strings;
        this.openUrl = openUrl;
    }

    public TracesViewModel model() {
        return model;
    }

    public TracePage trace() {
        return tracePageController;
    }

    @FXML
    void initialize() {
        initToolbar();
        initStatus();
        initGroups();
        initTable();
        model.setOnOpenTrace(id -> {
            showTrace(true);
            tracePageController.open(id);
        });
        tracePageController.setOnBack(() -> showTrace(false));
        tracePageController.bindZone(model.zoneProperty());
        model.reload();
    }

    /** Shows the trace page (true) or the list (false). */
    public void showTrace(boolean trace) {
        tracePage.setVisible(trace);
        listPage.setVisible(!trace);
        if (trace) {
            tracePageController.focusTimeline();
        }
    }

    private void initToolbar() {
        groupByChoice.getItems().setAll(GroupBy.values());
        groupByChoice.setConverter(DisplayConverter.of(g -> strings.getString(g.labelKey())));
        groupByChoice.valueProperty().bindBidirectional(model.groupByProperty());
        groupAnnotationChoice.setItems(model.annotationKeys());
        groupAnnotationChoice.valueProperty().bindBidirectional(model.groupAnnotationProperty());
        groupAnnotationChoice.visibleProperty().bind(model.groupByProperty().isEqualTo(GroupBy.ANNOTATION));
        groupAnnotationChoice.managedProperty().bind(groupAnnotationChoice.visibleProperty());
        model.annotationKeys().addListener((ListChangeListener<String>) c -> {
            rebuildColumnsMenu();
            if (model.groupAnnotationProperty().get() == null && !model.annotationKeys().isEmpty()) {
                model.groupAnnotationProperty().set(model.annotationKeys().get(0));
            }
        });
        rebuildColumnsMenu();
        traceIdField.setOnAction(e -> openId());
        openIdButton.setOnAction(e -> openId());
        openFileButton.setOnAction(e -> openFile());
    }

    private void openId() {
        if (model.openTraceId(traceIdField.getText())) {
            traceIdField.clear();
        }
    }

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(strings.getString("traces.fileChooser"),
                "*.json"));
        File file = chooser.showOpenDialog(tracesScreen.getScene().getWindow());
        if (file != null) {
            showTrace(true);
            tracePageController.openFile(Path.of(file.toURI()));
        }
    }

    private void initStatus() {
        loadProgress.visibleProperty().bind(model.loadingProperty());
        loadProgress.managedProperty().bind(loadProgress.visibleProperty());
        loadProgress.progressProperty().bind(model.progressProperty());
        cancelButton.visibleProperty().bind(model.loadingProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        cancelButton.setOnAction(e -> model.cancel());
        statusLabel.textProperty().bind(model.statusProperty());
        filterErrorLabel.textProperty().bind(model.filterErrorProperty());
        filterErrorLabel.visibleProperty().bind(model.filterErrorProperty().isNotEmpty());
        filterErrorLabel.managedProperty().bind(filterErrorLabel.visibleProperty());
    }

    private void initGroups() {
        groupTable.setItems(model.groups());
        groupTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        groupTable.getColumns().setAll(List.of(
                text("traces.groupCol.key", 360, TraceGroup::key),
                number("traces.groupCol.count", 70, g -> (double) g.count(), g -> String.valueOf(g.count())),
                number("traces.groupCol.avg", 80, TraceGroup::average, g -> TraceColumn.seconds(g.average())),
                number("traces.groupCol.p50", 80, TraceGroup::p50, g -> TraceColumn.seconds(g.p50())),
                number("traces.groupCol.p95", 80, TraceGroup::p95, g -> TraceColumn.seconds(g.p95())),
                number("traces.groupCol.max", 80, TraceGroup::max, g -> TraceColumn.seconds(g.max())),
                number("traces.groupCol.fault", 70, TraceGroup::faultShare, g -> percent(g.faultShare())),
                number("traces.groupCol.error", 70, TraceGroup::errorShare, g -> percent(g.errorShare()))));
        groupTable.getSelectionModel().selectedItemProperty().addListener((obs, o, g) ->
                model.selectedGroupProperty().set(g == null ? null : g.key()));
        clearGroupButton.setOnAction(e -> groupTable.getSelectionModel().clearSelection());
        clearGroupButton.disableProperty().bind(model.selectedGroupProperty().isNull());
        groupTitle.textProperty().bind(Bindings.createStringBinding(() -> strings.getString(
                model.groupByProperty().get().labelKey()), model.groupByProperty()));
        model.groupByProperty().addListener((obs, o, by) -> showGroups(by != GroupBy.NONE));
        showGroups(model.groupByProperty().get() != GroupBy.NONE);
    }

    private void showGroups(boolean shown) {
        if (shown && !listSplit.getItems().contains(groupPane)) {
            listSplit.getItems().add(0, groupPane);
            listSplit.setDividerPositions(0.35);
        } else if (!shown) {
            listSplit.getItems().remove(groupPane);
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private boolean refreshQueued;

    private void initTable() {
        SortedList<TraceRow> sorted = new SortedList<>(model.shownRows());
        sorted.comparatorProperty().bind(traceTable.comparatorProperty());
        traceTable.setItems(sorted);
        traceTable.setFixedCellSize(24);
        traceTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        traceTable.setPlaceholder(new Label(strings.getString("traces.empty")));
        List<TableColumn<TraceRow, ?>> columns = new ArrayList<>();
        for (TraceColumn c : TraceColumn.values()) {
            TableColumn<TraceRow, TraceRow> column = new TableColumn<>(strings.getString(c.titleKey()));
            column.setId("col" + c.name());
            column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
            column.setComparator(c == TraceColumn.COLD_START
                    ? Comparator.comparing(r -> coldRank(r.id())) : c.comparator());
            column.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(TraceRow row, boolean empty) {
                    super.updateItem(row, empty);
                    setText(empty || row == null ? null
                            : c.text(row, model.zoneProperty().get(), model.coldStarts().get(row.id())));
                    if (c == TraceColumn.COLD_START && !empty && row != null) {
                        model.wantColdStart(row.id());
                    }
                }
            });
            column.setPrefWidth(switch (c) {
                case ID -> 300;
                case START -> 175;
                case URL -> 240;
                case METHOD -> 70;
                case STATUS -> 85;
                default -> 100;
            });
            columns.add(column);
        }
        traceTable.getColumns().setAll(columns);
        // answers arrive in bursts: one table refresh per burst
        model.coldStarts().addListener((MapChangeListener<String, Boolean>) c -> {
            if (!refreshQueued) {
                refreshQueued = true;
                javafx.application.Platform.runLater(() -> {
                    refreshQueued = false;
                    traceTable.refresh();
                });
            }
        });
        model.zoneProperty().addListener((obs, o, z) -> traceTable.refresh());
        traceTable.setRowFactory(table -> {
            TableRow<TraceRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        traceTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(traceTable.getSelectionModel().getSelectedItem());
            }
        });
        traceTable.setContextMenu(contextMenu());
    }

    private int coldRank(String id) {
        Boolean cold = model.coldStarts().get(id);
        return cold == null ? 0 : cold ? 2 : 1;
    }

    private ContextMenu contextMenu() {
        MenuItem open = new MenuItem(strings.getString("traces.menu.open"));
        open.setOnAction(e -> model.open(selected()));
        MenuItem copyId = new MenuItem(strings.getString("traces.menu.copyId"));
        copyId.setOnAction(e -> copy(selected() == null ? "" : selected().id()));
        MenuItem copyFilter = new MenuItem(strings.getString("traces.menu.copyFilter"));
        copyFilter.setOnAction(e -> copy(selected() == null ? "" : TracesViewModel.filterFor(selected())));
        MenuItem console = new MenuItem(strings.getString("traces.menu.console"));
        console.setOnAction(e -> model.consoleLink(selected()).ifPresent(openUrl));
        MenuItem save = new MenuItem(strings.getString("traces.menu.save"));
        save.setOnAction(e -> saveSelected());
        ContextMenu menu = new ContextMenu(open, copyId, copyFilter, console, save);
        menu.setOnShowing(e -> console.setDisable(selected() == null || model.consoleLink(selected()).isEmpty()));
        return menu;
    }

    private void saveSelected() {
        List<String> ids = traceTable.getSelectionModel().getSelectedItems().stream().map(TraceRow::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(strings.getString("traces.fileChooser"),
                "*.json"));
        chooser.setInitialFileName("traces.json");
        File file = chooser.showSaveDialog(tracesScreen.getScene().getWindow());
        if (file != null) {
            tracePageController.saveIds(Path.of(file.toURI()), ids);
        }
    }

    private TraceRow selected() {
        return traceTable.getSelectionModel().getSelectedItem();
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void rebuildColumnsMenu() {
        columnsMenu.getItems().clear();
        if (model.annotationKeys().isEmpty()) {
            MenuItem none = new MenuItem(strings.getString("traces.columns.none"));
            none.setDisable(true);
            columnsMenu.getItems().add(none);
            return;
        }
        for (String key : model.annotationKeys()) {
            CheckMenuItem item = new CheckMenuItem(key);
            item.setSelected(traceTable.getColumns().stream().anyMatch(c -> ("annotation." + key).equals(c.getId())));
            item.selectedProperty().addListener((obs, o, on) -> annotationColumn(key, on));
            columnsMenu.getItems().add(item);
        }
    }

    private void annotationColumn(String key, boolean shown) {
        String id = "annotation." + key;
        traceTable.getColumns().removeIf(c -> id.equals(c.getId()));
        if (shown) {
            TableColumn<TraceRow, String> column = new TableColumn<>(key);
            column.setId(id);
            column.setPrefWidth(120);
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(TraceColumn.annotation(cell.getValue(), key)));
            traceTable.getColumns().add(column);
        }
    }

    private <T> TableColumn<T, String> text(String key, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(strings.getString(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private <T> TableColumn<T, T> number(String key, double width, Function<T, Double> value,
            Function<T, String> text) {
        TableColumn<T, T> c = new TableColumn<>(strings.getString(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setComparator(Comparator.comparing(value));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return c;
    }


    static String format(ResourceBundle strings, String key, Object... args) {
        return Strings.format(strings, key, args);
    }
}
