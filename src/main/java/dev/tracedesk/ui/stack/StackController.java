package dev.tracedesk.ui.stack;

import dev.tracedesk.explore.load.ClientLatency;
import dev.tracedesk.explore.load.FunctionStatistics;
import dev.tracedesk.explore.load.RunComparison;
import dev.tracedesk.explore.load.RunKind;
import dev.tracedesk.explore.load.RunResult;
import dev.tracedesk.explore.load.SmokeCase;
import dev.tracedesk.ui.common.DisplayConverter;
import dev.tracedesk.ui.common.Strings;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Binds {@code StackView.fxml} to its {@link StackViewModel}; table columns are built here. */
public final class StackController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final StackViewModel model;
    private final ResourceBundle strings;

    @FXML TabPane stackTabs;
    @FXML Tab tracingTab;
    @FXML Tab loadTab;
    @FXML Label tracingScope;
    @FXML Button tracingReloadButton;
    @FXML Label tracingError;
    @FXML VBox stagesBox;
    @FXML Label stageExplanation;
    @FXML Label httpApiNote;
    @FXML VBox functionsBox;
    @FXML ToggleGroup runKindGroup;
    @FXML Label loadTarget;
    @FXML RadioButton smokeKind;
    @FXML RadioButton perfKind;
    @FXML Label kindHint;
    @FXML GridPane perfGrid;
    @FXML TextField requestsField;
    @FXML TextField concurrencyField;
    @FXML TextField rateField;
    @FXML TextField labelField;
    @FXML Label formError;
    @FXML Button runButton;
    @FXML Button stopButton;
    @FXML ProgressBar runProgress;
    @FXML Label runProgressText;
    @FXML Label runError;
    @FXML VBox tracingCostBox;
    @FXML TableView<RunResult> runsTable;
    @FXML Label selectedSummary;
    @FXML TabPane resultTabs;
    @FXML Tab functionsTab;
    @FXML Tab casesTab;
    @FXML Tab compareTab;
    @FXML TableView<FunctionStatistics> functionTable;
    @FXML TableView<SmokeCase> casesTable;
    @FXML ChoiceBox<RunResult> compareA;
    @FXML ChoiceBox<RunResult> compareB;
    @FXML Label comparisonSummary;
    @FXML TableView<RunComparison.Row> comparisonTable;
    @FXML Tab deployTab;
    @FXML TextField prefixField;
    @FXML TextField stackNameField;
    @FXML javafx.scene.control.CheckBox deployTracing;
    @FXML Label deployFormError;
    @FXML Button deployButton;
    @FXML Button deleteButton;
    @FXML Button deployRefreshButton;
    @FXML Label deployHint;
    @FXML Label deployStatus;
    @FXML ProgressBar deployProgress;
    @FXML Label invokeUrlLabel;
    @FXML TextField invokeUrlField;
    @FXML Label deployError;
    @FXML Label sandboxUrlNote;
    private final javafx.beans.property.BooleanProperty onSandbox = new javafx.beans.property.SimpleBooleanProperty();
    @FXML javafx.scene.control.ListView<String> eventList;

    public StackController(StackViewModel model, ResourceBundle strings) {
        this.model = model;
        this.strings = strings;
    }

    @FXML
    void initialize() {
        initTracing();
        initLoadForm();
        initRuns();
        initComparison();
        initDeploy();
        model.activate();
    }

    // ~ tracing and IAM

    private void initTracing() {
        TracingViewModel tracing = model.tracing();
        TracingCards cards = new TracingCards(tracing, strings);
        tracingScope.textProperty().bind(tracing.scopeProperty());
        tracingError.textProperty().bind(tracing.loadErrorProperty());
        showWhenText(tracingError);
        tracingReloadButton.disableProperty().bind(tracing.busyProperty());
        stageExplanation.textProperty().bind(tracing.stageExplanationProperty());
        httpApiNote.setText(tracing.httpApiNote());
        tracing.stages().addListener((javafx.collections.ListChangeListener<StageRow>) c ->
                stagesBox.getChildren().setAll(cards.stageCards()));
        tracing.functions().addListener((javafx.collections.ListChangeListener<FunctionRow>) c ->
                functionsBox.getChildren().setAll(cards.functionCards()));
    }

    @FXML
    void reloadTracing() {
        model.tracing().reload();
    }

    // ~ load tests: the form

    private void initLoadForm() {
        LoadTestsViewModel load = model.loadTests();
        loadTarget.textProperty().bind(load.targetProperty());
        smokeKind.setUserData(RunKind.SMOKE);
        perfKind.setUserData(RunKind.PERFORMANCE);
        (load.kindProperty().get() == RunKind.SMOKE ? smokeKind : perfKind).setSelected(true);
        runKindGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true);
            } else {
                load.kindProperty().set((RunKind) toggle.getUserData());
            }
        });
        load.kindProperty().addListener((obs, old, kind) -> (kind == RunKind.SMOKE ? smokeKind : perfKind)
                .setSelected(true));
        kindHint.textProperty().bind(Bindings.createStringBinding(() -> strings.getString(
                load.kindProperty().get() == RunKind.SMOKE ? "stack.load.kind.smokeHint" : "stack.load.kind.perfHint"),
                load.kindProperty()));
        perfGrid.disableProperty().bind(load.kindProperty().isEqualTo(RunKind.SMOKE));
        requestsField.textProperty().bindBidirectional(load.requestsProperty());
        concurrencyField.textProperty().bindBidirectional(load.concurrencyProperty());
        rateField.textProperty().bindBidirectional(load.rateProperty());
        labelField.textProperty().bindBidirectional(load.labelProperty());
        formError.textProperty().bind(load.formErrorProperty());
        showWhenText(formError);
        runButton.disableProperty().bind(load.runningProperty());
        stopButton.disableProperty().bind(load.runningProperty().not().or(load.stoppingProperty()));
        runProgress.progressProperty().bind(load.progressProperty());
        runProgress.visibleProperty().bind(load.runningProperty());
        runProgressText.textProperty().bind(load.progressTextProperty());
        runError.textProperty().bind(load.errorProperty());
        showWhenText(runError);
        initTracingCost();
    }

    /** The one-click comparison, below the run form: it uses the form's performance figures. */
    private void initTracingCost() {
        TracingCost cost = model.tracingCost();
        Button button = new Button(strings.getString("stack.cost.button"));
        button.setId("tracingCostButton");
        button.setMaxWidth(Double.MAX_VALUE);
        button.disableProperty().bind(cost.runningProperty().or(model.loadTests().runningProperty()));
        button.setOnAction(e -> {
            if (cost.start()) {
                resultTabs.getSelectionModel().select(compareTab);
            }
        });
        Label hint = new Label(strings.getString("stack.cost.hint"));
        hint.getStyleClass().add("stack-hint");
        hint.setWrapText(true);
        Label status = new Label();
        status.setId("tracingCostStatus");
        status.setWrapText(true);
        status.getStyleClass().add("stack-summary");
        status.textProperty().bind(cost.statusProperty());
        showWhenText(status);
        tracingCostBox.getChildren().setAll(new javafx.scene.control.Separator(), button, hint, status);
    }

    @FXML
    void run() {
        model.loadTests().run();
    }

    @FXML
    void stop() {
        model.loadTests().stop();
    }

    // ~ load tests: runs and their details

    private void initRuns() {
        LoadTestsViewModel load = model.loadTests();
        runsTable.setItems(load.runs());
        runsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runsTable.setPlaceholder(new Label(strings.getString("stack.load.noRuns")));
        runsTable.getColumns().setAll(List.of(
                column("runLabel", "stack.col.run", 180, RunResult::label),
                column("runKind", "stack.col.kind", 100, r -> strings.getString(r.plan().kind() == RunKind.SMOKE
                        ? "stack.load.kind.smoke" : "stack.load.kind.perf")),
                column("runStarted", "stack.col.started", 80,
                        r -> TIME.format(r.started().atZone(ZoneId.systemDefault()))),
                column("runRequests", "stack.col.requests", 80, r -> Integer.toString(r.latency()
                        .map(ClientLatency::completed).orElse(r.cases().size()))),
                column("runOutcome", "stack.col.outcome", 140, this::outcome),
                column("runThroughput", "stack.col.throughput", 80, r -> r.latency()
                        .map(l -> String.format(Locale.ROOT, "%.1f/s", l.throughput())).orElse(StackFormat.MISSING)),
                column("runP50", "stack.col.p50", 80, r -> r.latency().map(l -> StackFormat.ms(l.p50Ms()))
                        .orElse(StackFormat.MISSING)),
                column("runP95", "stack.col.p95", 80, r -> r.latency().map(l -> StackFormat.ms(l.p95Ms()))
                        .orElse(StackFormat.MISSING))));
        runsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, run) -> {
            if (run != null) {
                load.selectedProperty().set(run);
            }
        });
        load.selectedProperty().addListener((obs, old, run) -> {
            runsTable.getSelectionModel().select(run);
            if (run != null && resultTabs.getSelectionModel().getSelectedItem() != compareTab
                    && !model.tracingCost().isRunning()) {
                resultTabs.getSelectionModel().select(run.plan().kind() == RunKind.SMOKE ? casesTab : functionsTab);
            }
        });
        selectedSummary.textProperty().bind(load.selectedSummaryProperty());
        showWhenText(selectedSummary);

        functionTable.setItems(load.selectedFunctions());
        functionTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        functionTable.setPlaceholder(new Label(strings.getString("stack.load.noFunctions")));
        functionTable.getColumns().setAll(List.of(
                column("fnName", "stack.col.function", 250, FunctionStatistics::function),
                column("fnInvocations", "stack.col.invocations", 80, f -> Integer.toString(f.invocations())),
                column("fnCold", "stack.col.coldStarts", 80, f -> Integer.toString(f.coldStarts())),
                column("fnMin", "stack.col.min", 80, f -> ms(f, f.minMs())),
                column("fnAvg", "stack.col.avg", 80, f -> ms(f, f.avgMs())),
                column("fnP95", "stack.col.p95", 80, f -> ms(f, f.p95Ms())),
                column("fnMax", "stack.col.max", 80, f -> ms(f, f.maxMs())),
                column("fnMemory", "stack.col.memory", 110, f -> f.invocations() == 0 ? StackFormat.MISSING
                        : String.format(Locale.ROOT, "%.0f / %d MB", f.avgMemoryMb(), f.maxMemoryMb())),
                column("fnInit", "stack.col.init", 110, f -> f.coldStarts() == 0 ? StackFormat.MISSING
                        : StackFormat.ms(f.avgInitMs()))));

        casesTable.setItems(load.selectedCases());
        casesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        casesTable.setPlaceholder(new Label(strings.getString("stack.load.noCases")));
        TableColumn<SmokeCase, String> result = column("caseResult", "stack.col.result", 70,
                c -> strings.getString(c.passed() ? "stack.case.pass" : "stack.case.fail"));
        result.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("stack-pass", "stack-fail");
                SmokeCase c = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (c != null) {
                    getStyleClass().add(c.passed() ? "stack-pass" : "stack-fail");
                }
            }
        });
        casesTable.getColumns().setAll(List.of(result,
                column("caseName", "stack.col.case", 330, SmokeCase::name),
                column("caseExpected", "stack.col.expected", 80, c -> Integer.toString(c.expectedStatus())),
                column("caseStatus", "stack.col.status", 70, c -> c.status() < 0 ? StackFormat.MISSING
                        : Integer.toString(c.status())),
                column("caseTrace", "stack.col.trace", 280, c -> c.traceId() == null ? "" : c.traceId())));
    }

    private String outcome(RunResult r) {
        if (r.plan().kind() == RunKind.SMOKE) {
            return Strings.format(strings, "stack.load.passed", Long.toString(r.passedCount()),
                    Integer.toString(r.cases().size()));
        }
        return r.latency().map(l -> LoadTestsViewModel.statuses(l.statuses())
                + (l.transportErrors() > 0 ? " · " + Strings.format(strings, "stack.load.noAnswer",
                        Integer.toString(l.transportErrors())) : "")).orElse("");
    }

    private static String ms(FunctionStatistics f, double value) {
        return f.invocations() == 0 ? StackFormat.MISSING : StackFormat.ms(value);
    }

    // ~ load tests: side by side

    private void initComparison() {
        LoadTestsViewModel load = model.loadTests();
        javafx.util.StringConverter<RunResult> byLabel = DisplayConverter.of(RunResult::label);
        for (ChoiceBox<RunResult> box : List.of(compareA, compareB)) {
            box.setItems(load.runs());
            box.setConverter(byLabel);
        }
        compareA.valueProperty().bindBidirectional(load.compareAProperty());
        compareB.valueProperty().bindBidirectional(load.compareBProperty());
        comparisonSummary.textProperty().bind(load.comparisonSummaryProperty());
        comparisonTable.setItems(load.comparison());
        comparisonTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        comparisonTable.setPlaceholder(new Label(strings.getString("stack.compare.empty")));
        TableColumn<RunComparison.Row, String> difference = column("cmpDifference", "stack.col.difference", 110,
                r -> StackFormat.difference(r.difference(), r.figure().unit()));
        difference.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("stack-worse", "stack-better");
                RunComparison.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && !Double.isNaN(row.difference()) && row.difference() != 0) {
                    getStyleClass().add(row.worse() ? "stack-worse" : "stack-better");
                }
            }
        });
        comparisonTable.getColumns().setAll(List.of(
                column("cmpScope", "stack.col.scope", 250, r -> r.scope().isEmpty()
                        ? strings.getString("stack.compare.client") : r.scope()),
                column("cmpFigure", "stack.col.figure", 170, r -> strings.getString("stack.figure." + r.figure().name())),
                column("cmpA", "stack.col.a", 100, r -> StackFormat.value(r.a(), r.figure().unit())),
                column("cmpB", "stack.col.b", 100, r -> StackFormat.value(r.b(), r.figure().unit())),
                difference,
                column("cmpRatio", "stack.col.ratio", 80, r -> StackFormat.ratio(r.ratio()))));
    }

    // ~ deploy

    private void initDeploy() {
        DeployViewModel deploy = model.deploy();
        prefixField.textProperty().bindBidirectional(deploy.prefixProperty());
        stackNameField.textProperty().bindBidirectional(deploy.stackNameProperty());
        deployTracing.selectedProperty().bindBidirectional(deploy.tracingProperty());
        deployFormError.textProperty().bind(deploy.formErrorProperty());
        showWhenText(deployFormError);
        deployButton.disableProperty().bind(deploy.busyProperty());
        deleteButton.disableProperty().bind(deploy.busyProperty());
        deployRefreshButton.disableProperty().bind(deploy.busyProperty());
        deployStatus.textProperty().bind(deploy.statusProperty());
        deployProgress.progressProperty().bind(deploy.progressProperty());
        deployProgress.visibleProperty().bind(deploy.busyProperty().or(deploy.progressProperty().greaterThan(0)));
        invokeUrlField.textProperty().bind(deploy.invokeUrlProperty());
        for (javafx.scene.Node n : List.of(invokeUrlLabel, invokeUrlField)) {
            n.visibleProperty().bind(deploy.invokeUrlProperty().isNotEmpty());
        }
        deployError.textProperty().bind(deploy.errorProperty());
        showWhenText(deployError);
        eventList.setItems(deploy.events());
        eventList.setPlaceholder(new Label(strings.getString("stack.deploy.noEvents")));
        // Follow the newest event, as a log does.
        deploy.events().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!deploy.events().isEmpty()) {
                eventList.scrollTo(deploy.events().size() - 1);
            }
        });
        deployTab.setOnSelectionChanged(e -> {
            if (deployTab.isSelected()) {
                boolean aws = deploy.needsConfirmation();
                deployHint.setText(strings.getString(aws ? "stack.deploy.hintAws" : "stack.deploy.hintSandbox"));
                invokeUrlField.setTooltip(aws ? null
                        : new javafx.scene.control.Tooltip(strings.getString("stack.deploy.sandboxUrl")));
                onSandbox.set(!aws);
            }
        });
        sandboxUrlNote.setText(strings.getString("stack.deploy.sandboxUrl"));
        sandboxUrlNote.visibleProperty().bind(onSandbox.and(deploy.invokeUrlProperty().isNotEmpty()));
        sandboxUrlNote.managedProperty().bind(sandboxUrlNote.visibleProperty());
    }

    @FXML
    void deploy() {
        DeployViewModel deploy = model.deploy();
        if (deploy.request() == null) {
            return;
        }
        if (deploy.needsConfirmation() && !confirm(strings.getString("stack.deploy.confirm.title"),
                strings.getString("stack.deploy.confirm.header"), deploy.confirmationText())) {
            return;
        }
        deploy.deploy();
    }

    @FXML
    void deleteStack() {
        DeployViewModel deploy = model.deploy();
        if (deploy.needsConfirmation() && !confirm(strings.getString("stack.deploy.confirm.deleteTitle"),
                Strings.format(strings, "stack.deploy.confirm.deleteHeader", deploy.stackNameProperty().get()), "")) {
            return;
        }
        deploy.delete();
    }

    @FXML
    void refreshDeploy() {
        model.deploy().refresh();
    }

    /** A modal question over the window; true when the user chose OK. */
    private boolean confirm(String title, String header, String content) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, content,
                javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(header);
        if (stackTabs.getScene() != null) {
            alert.initOwner(stackTabs.getScene().getWindow());
        }
        alert.getDialogPane().setMinWidth(520);
        return alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
    }

    // ~ helpers

    private <T> TableColumn<T, String> column(String id, String key, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(strings.getString(key));
        c.setId(id + "Column");
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private static void showWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    public StackViewModel model() {
        return model;
    }

    /** Selects the load-test tab (screenshots). */
    public void showLoadTests() {
        stackTabs.getSelectionModel().select(loadTab);
    }

    /** Selects the side-by-side view of the runs (screenshots). */
    public void showComparison() {
        resultTabs.getSelectionModel().select(compareTab);
    }

    /** Selects the deploy tab (screenshots). */
    public void showDeploy() {
        stackTabs.getSelectionModel().select(deployTab);
    }
}
