package dev.tracedesk.ui.analytics;

import dev.tracedesk.explore.analytics.Comparison;
import dev.tracedesk.explore.analytics.Difference;
import dev.tracedesk.explore.analytics.Metric;
import dev.tracedesk.explore.traces.TraceRow;
import dev.tracedesk.ui.common.DisplayConverter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TracePage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/** Binds {@code AnalyticsView.fxml} to its {@link AnalyticsViewModel}; the charts are canvases built here. */
public final class AnalyticsController {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AnalyticsController.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final AnalyticsViewModel model;
    private final ResourceBundle strings;
    private HistogramChart histogram;
    private TimeSeriesChart series;
    private ZoneId zone = ZoneId.systemDefault();

    @FXML BorderPane analyticsPage;
    @FXML ChoiceBox<Metric> metricChoice;
    @FXML TextField expressionField;
    @FXML Button copyButton;
    @FXML Button applyButton;
    @FXML Button clearButton;
    @FXML MenuButton exportMenu;
    @FXML MenuItem exportHistogramPng;
    @FXML MenuItem exportHistogramCsv;
    @FXML MenuItem exportComparisonPng;
    @FXML MenuItem exportComparisonCsv;
    @FXML Label statusLabel;
    @FXML Button readAllButton;
    @FXML Button cancelButton;
    @FXML StackPane histogramHolder;
    @FXML StackPane seriesHolder;
    @FXML Label selectionLabel;
    @FXML TableView<TraceRow> selectedTable;
    @FXML TableView<Difference> differencesTable;
    @FXML VBox comparePane;
    @FXML TableView<String[]> statsTable;
    @FXML TableView<Difference> rootCauseTable;
    @FXML VBox emptyPane;
    @FXML Label emptyTitle;
    @FXML Label emptyMessage;
    @FXML Parent tracePage;
    @FXML TracePage tracePageController;

    public AnalyticsController(AnalyticsViewModel model, ResourceBundle strings) {
        this.model = model;
        this.strings = strings;
    }

    @FXML
    void initialize() {
        histogram = new HistogramChart(model);
        series = new TimeSeriesChart(model);
        histogramHolder.getChildren().add(histogram);
        seriesHolder.getChildren().add(series);
        series.setZone(zone);
        tracePageController.setZone(zone);
        initToolbar();
        initTables();
        emptyTitle.setText(model.emptyState().title());
        emptyMessage.setText(model.emptyState().message());
        emptyPane.visibleProperty().bind(model.emptyProperty().and(model.loadingProperty().not())
                .and(model.dataProperty().isNotNull()));
        model.setOnOpenTrace(id -> {
            showTrace(true);
            tracePageController.open(id);
        });
        tracePageController.setOnBack(() -> showTrace(false));
        model.reload();
    }

    private void initToolbar() {
        metricChoice.getItems().setAll(Metric.values());
        metricChoice.setConverter(DisplayConverter.of(m -> strings.getString(m == Metric.DURATION
                ? "analytics.metric.duration" : "analytics.metric.responseTime")));
        metricChoice.valueProperty().bindBidirectional(model.metricProperty());
        expressionField.textProperty().bind(model.expressionProperty());
        copyButton.disableProperty().bind(model.expressionProperty().isEmpty());
        applyButton.disableProperty().bind(model.expressionProperty().isEmpty());
        clearButton.disableProperty().bind(model.brushProperty().isNull());
        copyButton.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.expressionProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        applyButton.setOnAction(e -> model.applyToTraces());
        clearButton.setOnAction(e -> model.clearBrush());
        statusLabel.textProperty().bind(model.statusProperty());
        selectionLabel.textProperty().bind(model.selectionSummaryProperty());
        readAllButton.visibleProperty().bind(model.cappedProperty().and(model.loadingProperty().not()));
        readAllButton.managedProperty().bind(readAllButton.visibleProperty());
        readAllButton.setOnAction(e -> model.readAll());
        model.readAllHintProperty().addListener((obs, o, n) -> readAllButton.setTooltip(n.isEmpty() ? null : new Tooltip(n)));
        cancelButton.visibleProperty().bind(model.loadingProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        cancelButton.setOnAction(e -> model.cancel());
        exportHistogramPng.setOnAction(e -> savePng(histogram, "histogram.png"));
        exportHistogramCsv.setOnAction(e -> saveText(model.histogramCsv(), "histogram.csv"));
        exportComparisonPng.setOnAction(e -> savePng(comparePane, "comparison.png"));
        exportComparisonCsv.setOnAction(e -> saveText(model.comparisonCsv(), "comparison.csv"));
        exportComparisonPng.disableProperty().bind(model.comparisonProperty().isNull());
        exportComparisonCsv.disableProperty().bind(model.comparisonProperty().isNull());
    }

    private void initTables() {
        selectedTable.setItems(model.selectedRows());
        selectedTable.getColumns().setAll(List.of(
                column(strings.getString("analytics.col.start"), r -> r.start() == null ? ""
                        : TIME.format(r.start().atZone(zone)), 110),
                column(strings.getString("analytics.col.responseTime"), r -> r.responseTime() == null ? ""
                        : Format.seconds(r.responseTime()), 80),
                column(strings.getString("analytics.col.duration"), r -> r.duration() == null ? ""
                        : Format.seconds(r.duration()), 80),
                column(strings.getString("analytics.col.status"), r -> r.status() == null ? r.outcome()
                        : r.status() + " " + r.outcome(), 80),
                column(strings.getString("analytics.col.traceId"), TraceRow::id, 260)));
        selectedTable.setRowFactory(t -> {
            TableRow<TraceRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        selectedTable.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                model.open(selectedTable.getSelectionModel().getSelectedItem());
            }
        });
        differencesTable.setItems(model.differences());
        differencesTable.getColumns().setAll(differenceColumns(
                strings.getString("analytics.col.attribute"), d -> d.attribute().label(), 250));
        differencesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        statsTable.getColumns().setAll(List.of(
                arrayColumn(strings.getString("analytics.col.figure"), 0, 120),
                arrayColumn(strings.getString("analytics.col.a"), 1, 90),
                arrayColumn(strings.getString("analytics.col.b"), 2, 90),
                arrayColumn(strings.getString("analytics.col.delta"), 3, 90)));
        rootCauseTable.getColumns().setAll(differenceColumns(strings.getString("analytics.col.name"),
                d -> d.attribute().label(), 250));
        rootCauseTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        model.comparisonProperty().addListener((obs, o, c) -> showComparison(c));
        showComparison(model.comparisonProperty().get());
    }

    private void showComparison(Comparison c) {
        if (c == null) {
            statsTable.getItems().clear();
            rootCauseTable.getItems().clear();
            return;
        }
        Comparison.Stats a = c.a(), b = c.b();
        statsTable.getItems().setAll(List.of(
                new String[] {strings.getString("analytics.stat.count"), Integer.toString(a.count()),
                        Integer.toString(b.count()), ""},
                time("analytics.stat.p50", a.p50(), b.p50()),
                time("analytics.stat.p90", a.p90(), b.p90()),
                time("analytics.stat.p99", a.p99(), b.p99()),
                time("analytics.stat.max", a.max(), b.max()),
                share("analytics.stat.fault", a.faultShare(), b.faultShare()),
                share("analytics.stat.error", a.errorShare(), b.errorShare()),
                share("analytics.stat.throttle", a.throttleShare(), b.throttleShare())));
        rootCauseTable.getItems().setAll(c.rootCauseServices());
        rootCauseTable.getItems().addAll(c.rootCauseExceptions());
    }

    private String[] time(String key, double a, double b) {
        String delta = Double.isNaN(a) || Double.isNaN(b) ? "" : (b >= a ? "+" : "−") + Format.seconds(Math.abs(b - a));
        return new String[] {strings.getString(key), Format.seconds(a), Format.seconds(b), delta};
    }

    private String[] share(String key, double a, double b) {
        return new String[] {strings.getString(key), Format.share(a), Format.share(b), Format.delta(b - a)};
    }

    private List<TableColumn<Difference, String>> differenceColumns(String title, Function<Difference, String> name,
            double width) {
        return List.of(
                column(title, name, width),
                column(strings.getString("analytics.col.b"), d -> Format.share(d.shareB()) + " (" + d.inB() + ")", 80),
                column(strings.getString("analytics.col.a"), d -> Format.share(d.shareA()) + " (" + d.inA() + ")", 80),
                column(strings.getString("analytics.col.delta"), d -> Format.delta(d.delta()), 70));
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<String[], String> arrayColumn(String title, int index, double width) {
        TableColumn<String[], String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()[index]));
        c.setPrefWidth(width);
        return c;
    }


    private Path choose(String name, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(), "*." + extension));
        var file = chooser.showSaveDialog(analyticsPage.getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    private void savePng(Node node, String name) {
        Path file = choose(name, "png");
        if (file != null) {
            BufferedImage image = SwingFXUtils.fromFXImage(node.snapshot(null, null), null);
            write(file, () -> ImageIO.write(image, "png", file.toFile()));
        }
    }

    private void saveText(String text, String name) {
        Path file = choose(name, "csv");
        if (file != null) {
            write(file, () -> {
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return true;
            });
        }
    }

    private interface IoWrite {
        boolean run() throws IOException;
    }

    private void write(Path file, IoWrite w) {
        try {
            if (!w.run()) {
                throw new IOException("no PNG writer");
            }
            exportMenu.setTooltip(new Tooltip(Strings.format(strings, "analytics.export.saved", file)));
            LOG.info("analytics export written to {}", file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write " + file, e);
        }
    }

    /** Shows the trace page (true) or the analytics page (false). */
    public void showTrace(boolean trace) {
        tracePage.setVisible(trace);
        analyticsPage.setVisible(!trace);
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
        if (series != null) { // before initialize() only the field is set
            series.setZone(zone);
            tracePageController.setZone(zone);
            selectedTable.refresh();
        }
    }

    public AnalyticsViewModel model() {
        return model;
    }

    public HistogramChart histogram() {
        return histogram;
    }

    public TimeSeriesChart series() {
        return series;
    }

    /** Paints the charts now (before a snapshot; their repaint would otherwise come later). */
    public void paintImmediately() {
        histogram.paint();
        series.paint();
    }
}
