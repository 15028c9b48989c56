package dev.tracedesk.ui.sampling;

import dev.tracedesk.explore.sampling.RuleField;
import dev.tracedesk.explore.sampling.RuleFormat;
import dev.tracedesk.explore.sampling.SamplingRule;
import dev.tracedesk.ui.common.Strings;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Binds {@code SamplingView.fxml} to its {@link SamplingViewModel}; the editor's rows come from {@link RuleField}. */
public final class SamplingController {

    private final SamplingViewModel model;
    private final ResourceBundle strings;
    private final Map<RuleField, TextField> inputs = new EnumMap<>(RuleField.class);

    @FXML
    Button newRuleButton;
    @FXML
    Button editRuleButton;
    @FXML
    Button deleteRuleButton;
    @FXML
    Button reloadButton;
    @FXML
    Label statisticsNote;
    @FXML
    Label defaultExplanation;
    @FXML
    Label loadError;
    @FXML
    Label listError;
    @FXML
    TableView<SamplingViewModel.Row> ruleTable;
    @FXML
    TextField matchService;
    @FXML
    TextField matchServiceType;
    @FXML
    TextField matchMethod;
    @FXML
    TextField matchUrl;
    @FXML
    TextField matchHost;
    @FXML
    Label matchedRule;
    @FXML
    Label matchExplanation;
    @FXML
    VBox editorPanel;
    @FXML
    ScrollPane editorPane;
    @FXML
    Label editorTitle;
    @FXML
    Label editorHint;
    @FXML
    GridPane editorGrid;
    @FXML
    Label apiError;
    @FXML
    Button saveButton;
    @FXML
    Button cancelButton;

    public SamplingController(SamplingViewModel model, ResourceBundle strings) {
        this.model = model;
        this.strings = strings;
    }

    @FXML
    void initialize() {
        statisticsNote.setText(Strings.format(strings, "sampling.statistics",
                Long.toString(SamplingViewModel.STATISTICS_SPAN.toMinutes())));
        defaultExplanation.textProperty().bind(model.defaultExplanationProperty());
        loadError.textProperty().bind(model.loadErrorProperty());
        showWhenText(loadError);
        listError.textProperty().bind(Bindings.when(model.editorModeProperty()
                .isEqualTo(SamplingViewModel.EditorMode.CLOSED)).then(model.apiErrorProperty()).otherwise(""));
        showWhenText(listError);
        buildTable();
        buildEditor();
        matchService.textProperty().bindBidirectional(model.matchServiceProperty());
        matchServiceType.textProperty().bindBidirectional(model.matchServiceTypeProperty());
        matchMethod.textProperty().bindBidirectional(model.matchMethodProperty());
        matchUrl.textProperty().bindBidirectional(model.matchUrlProperty());
        matchHost.textProperty().bindBidirectional(model.matchHostProperty());
        matchedRule.textProperty().bind(model.matchedRuleProperty());
        matchExplanation.textProperty().bind(model.matchExplanationProperty());
        reloadButton.disableProperty().bind(model.busyProperty());
        model.reload();
    }

    private void buildTable() {
        ruleTable.setItems(model.rows());
        ruleTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ruleTable.getColumns().setAll(java.util.List.of(
                column("name", "sampling.col.name", 120, r -> r.rule().name()),
                column("priority", "sampling.col.priority", 62, r -> Integer.toString(r.rule().priority())),
                column("service", "sampling.col.service", 174, r -> r.rule().serviceName()),
                column("serviceType", "sampling.col.serviceType", 102, r -> r.rule().serviceType()),
                column("host", "sampling.col.host", 70, r -> r.rule().host()),
                column("method", "sampling.col.method", 66, r -> r.rule().httpMethod()),
                column("path", "sampling.col.path", 90, r -> r.rule().urlPath()),
                column("resource", "sampling.col.resource", 96, r -> r.rule().resourceArn()),
                column("reservoir", "sampling.col.reservoir", 94, r -> Integer.toString(r.rule().reservoirSize())),
                column("rate", "sampling.col.rate", 56, r -> RuleFormat.percent(r.rule().fixedRate())),
                column("attributes", "sampling.col.attributes", 72, r -> r.rule().attributes().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "))),
                column("requests", "sampling.col.requests", 72, r -> Long.toString(r.statistics().requests())),
                column("sampled", "sampling.col.sampled", 68, r -> Long.toString(r.statistics().sampled())),
                column("borrowed", "sampling.col.borrowed", 82, r -> Long.toString(r.statistics().borrowed()))));
        ruleTable.setRowFactory(table -> {
            TableRow<SamplingViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
                    model.edit(row.getItem().rule());
                }
            });
            return row;
        });
        var selected = ruleTable.getSelectionModel().selectedItemProperty();
        editRuleButton.disableProperty().bind(selected.isNull());
        deleteRuleButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().rule().isDefault(), selected));
    }

    private TableColumn<SamplingViewModel.Row, String> column(String id, String key, double width,
            Function<SamplingViewModel.Row, String> value) {
        TableColumn<SamplingViewModel.Row, String> c = new TableColumn<>(strings.getString(key));
        c.setId(id + "Column");
        c.setPrefWidth(width);
        c.setSortable(false); // the order is X-Ray's evaluation order
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private void buildEditor() {
        int row = 0;
        for (RuleField f : RuleField.values()) {
            Label label = new Label(strings.getString("sampling.field." + f.name()));
            label.getStyleClass().add("map-details-heading");
            TextField input = new TextField();
            input.setId(fieldId(f));
            input.textProperty().bindBidirectional(model.field(f));
            Label error = new Label();
            error.setId(fieldId(f) + "Error");
            error.getStyleClass().add("sampling-field-error");
            error.setWrapText(true);
            error.textProperty().bind(model.fieldError(f));
            showWhenText(error);
            error.textProperty().addListener((obs, old, text) -> input.pseudoClassStateChanged(
                    javafx.css.PseudoClass.getPseudoClass("invalid"), !text.isEmpty()));
            editorGrid.add(label, 0, row++);
            editorGrid.add(input, 0, row++);
            editorGrid.add(error, 0, row++);
            GridPane.setFillWidth(input, true);
            inputs.put(f, input);
        }
        apiError.textProperty().bind(model.apiErrorProperty());
        showWhenText(apiError);
        model.editorModeProperty().addListener((obs, old, mode) -> showEditor(mode));
        saveButton.disableProperty().bind(model.savingProperty());
        editorTitle.textProperty().bind(model.editorTitleProperty());
        showEditor(model.getEditorMode());
    }

    private void showEditor(SamplingViewModel.EditorMode mode) {
        boolean open = mode != SamplingViewModel.EditorMode.CLOSED;
        inputs.forEach((f, input) -> input.setDisable(!model.isEditable(f)));
        // A closed editor gives its room to the table, whose statistics columns need it.
        editorPanel.setVisible(open);
        editorPanel.setManaged(open);
        editorHint.setText(strings.getString(mode == SamplingViewModel.EditorMode.DEFAULT
                ? "sampling.editor.defaultHint" : "sampling.editor.hint"));
        if (open) {
            inputs.get(mode == SamplingViewModel.EditorMode.NEW ? RuleField.NAME
                    : mode == SamplingViewModel.EditorMode.DEFAULT ? RuleField.RESERVOIR : RuleField.PRIORITY)
                    .requestFocus();
        }
    }

    /** {@code NAME} → {@code ruleName}, {@code FIXED_RATE} → {@code ruleFixedRate}: the fx:id a test looks up. */
    static String fieldId(RuleField f) {
        StringBuilder id = new StringBuilder("rule");
        for (String part : f.name().split("_")) {
            id.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return id.toString();
    }

    private static void showWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    void newRule() {
        model.newRule();
    }

    @FXML
    void editRule() {
        SamplingViewModel.Row row = ruleTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.edit(row.rule());
        }
    }

    @FXML
    void deleteRule() {
        SamplingViewModel.Row row = ruleTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.delete(row.rule());
        }
    }

    @FXML
    void reload() {
        model.reload();
    }

    @FXML
    void save() {
        model.save();
    }

    @FXML
    void cancel() {
        model.cancelEdit();
    }

    public SamplingViewModel model() {
        return model;
    }
}
