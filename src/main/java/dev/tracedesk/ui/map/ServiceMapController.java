package dev.tracedesk.ui.map;

import dev.tracedesk.explore.map.MapStats;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.xray.Outcome;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds {@code ServiceMapView.fxml} to its {@link ServiceMapViewModel}; the map itself is a {@link ServiceMapCanvas}. */
public final class ServiceMapController {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceMapController.class);

    private final ServiceMapViewModel model;
    private final ResourceBundle strings;
    private ServiceMapCanvas canvas;
    private final LatencyHistogramChart histogram = new LatencyHistogramChart();

    @FXML BorderPane serviceMapScreen;
    @FXML TextField searchField;
    @FXML Button zoomInButton;
    @FXML Button zoomOutButton;
    @FXML Button fitButton;
    @FXML CheckBox liveCheck;
    @FXML TextField groupField;
    @FXML Button exportButton;
    @FXML Label summaryLabel;
    @FXML HBox legend;
    @FXML StackPane mapArea;
    @FXML VBox messagePane;
    @FXML Label emptyTitle;
    @FXML Label emptyMessage;
    @FXML VBox progressPane;
    @FXML ProgressIndicator progressIndicator;
    @FXML Label progressLabel;
    @FXML VBox detailsPane;
    @FXML Label detailsKind;
    @FXML Label detailsTitle;
    @FXML GridPane detailsGrid;
    @FXML StackPane histogramHolder;
    @FXML Label brushLabel;
    @FXML TextArea filterField;
    @FXML Button viewTracesButton;

    public ServiceMapController(ServiceMapViewModel model, ResourceBundle strings) {
        this.model = model;
        this.strings = strings;
    }

    @FXML
    void initialize() {
        canvas = new ServiceMapCanvas(model);
        canvas.setId("mapCanvas");
        mapArea.getChildren().add(0, canvas);
        histogram.setId("latencyHistogram");
        histogramHolder.getChildren().add(histogram);

        emptyTitle.textProperty().bind(model.messageTitleProperty());
        emptyMessage.textProperty().bind(model.messageTextProperty());
        messagePane.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.getState() == ServiceMapViewModel.State.EMPTY
                        || model.getState() == ServiceMapViewModel.State.ERROR, model.stateProperty()));
        canvas.visibleProperty().bind(model.stateProperty().isEqualTo(ServiceMapViewModel.State.READY));
        progressPane.visibleProperty().bind(model.busyProperty());
        progressLabel.textProperty().bind(model.progressTextProperty());
        summaryLabel.textProperty().bind(model.summaryProperty());
        liveCheck.selectedProperty().bindBidirectional(model.liveProperty());
        groupField.textProperty().bindBidirectional(model.groupProperty());
        exportButton.disableProperty().bind(model.stateProperty().isNotEqualTo(ServiceMapViewModel.State.READY));

        detailsPane.visibleProperty().bind(model.detailsProperty().isNotNull());
        detailsPane.managedProperty().bind(detailsPane.visibleProperty());
        model.detailsProperty().addListener((obs, old, d) -> showDetails(d));
        histogram.setOnBrush(model.brushProperty()::set);
        model.brushProperty().addListener((obs, old, range) -> {
            brushLabel.setText(describe(range));
            histogram.showBrush(range);
        });
        filterField.textProperty().bindBidirectional(model.viewTracesFilterProperty());
        viewTracesButton.disableProperty().bind(model.detailsProperty().isNull());
        buildLegend();
        legend.visibleProperty().bind(canvas.visibleProperty());
        model.reload();
    }

    private void buildLegend() {
        for (Outcome o : List.of(Outcome.OK, Outcome.ERROR, Outcome.FAULT, Outcome.THROTTLE)) {
            Circle dot = new Circle(5);
            dot.getStyleClass().addAll("legend-dot", "legend-" + o.name().toLowerCase(Locale.ROOT));
            Label label = new Label(strings.getString("map.legendItem." + o.name().toLowerCase(Locale.ROOT)), dot);
            label.getStyleClass().add("legend-item");
            legend.getChildren().add(label);
        }
    }

    private String describe(ServiceMapViewModel.LatencyRange r) {
        if (r == null) {
            return strings.getString("map.details.brushHint");
        }
        String low = Double.isNaN(r.low()) ? null : MapFormat.latency(r.low());
        String high = Double.isNaN(r.high()) ? null : MapFormat.latency(r.high());
        if (low != null && high != null) {
            return Strings.format(strings, "map.details.brushBetween", low, high);
        }
        return low != null ? Strings.format(strings, "map.details.brushAbove", low)
                : high != null ? Strings.format(strings, "map.details.brushBelow", high)
                : strings.getString("map.details.brushHint");
    }

    private void showDetails(SelectionDetails d) {
        if (d == null) {
            return;
        }
        detailsKind.setText(d.kind().toUpperCase(Locale.ROOT));
        detailsTitle.setText(d.title());
        detailsGrid.getChildren().clear();
        MapStats s = d.stats();
        int row = 0;
        if (d.type() != null) {
            row = addRow(row, strings.getString("map.details.type"), d.type());
        }
        row = addRow(row, strings.getString("map.details.calls"),
                s.total() + " · " + MapFormat.rate(d.perMinute()));
        for (Outcome o : List.of(Outcome.OK, Outcome.ERROR, Outcome.FAULT, Outcome.THROTTLE)) {
            row = addRow(row, strings.getString("map.legend." + o.name().toLowerCase(Locale.ROOT)),
                    s.count(o) + " (" + MapFormat.share(s.share(o)) + ")");
        }
        row = addRow(row, strings.getString("map.details.average"), MapFormat.latency(s.averageResponseTime()));
        addRow(row, strings.getString("map.details.percentiles"), MapFormat.latency(d.p50()) + " · "
                + MapFormat.latency(d.p90()) + " · " + MapFormat.latency(d.p99()));
        histogram.setHistogram(d.responseTimes());
        histogram.showBrush(model.brushProperty().get());
        brushLabel.setText(describe(model.brushProperty().get()));
    }

    private int addRow(int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("map-details-name");
        Label v = new Label(value);
        v.getStyleClass().add("map-details-value");
        detailsGrid.addRow(row, n, v);
        return row + 1;
    }

    @FXML
    void search() {
        int hit = model.search(searchField.getText());
        if (hit >= 0) {
            canvas.centerOn(hit);
        }
    }

    @FXML
    void zoomIn() {
        canvas.zoomBy(1.25);
    }

    @FXML
    void zoomOut() {
        canvas.zoomBy(0.8);
    }

    @FXML
    void fit() {
        canvas.fit();
    }

    @FXML
    void reload() {
        model.reload();
    }

    @FXML
    void viewTraces() {
        model.viewTraces();
    }

    @FXML
    void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(strings.getString("map.export"));
        chooser.setInitialFileName("service-map.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File file = chooser.showSaveDialog(serviceMapScreen.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            canvas.exportPng(file.toPath(), 4096);
        } catch (IOException e) {
            LOG.warn("PNG export failed", e);
            throw new java.io.UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    public ServiceMapViewModel model() {
        return model;
    }

    /** The map canvas (for tests and screenshots). */
    public ServiceMapCanvas canvas() {
        return canvas;
    }
}
