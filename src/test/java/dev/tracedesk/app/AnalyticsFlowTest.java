package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.explore.analytics.AttributeKind;
import dev.tracedesk.explore.analytics.Difference;
import dev.tracedesk.explore.traces.TraceRow;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.ui.analytics.AnalyticsViewModel;
import dev.tracedesk.ui.analytics.HistogramChart;
import dev.tracedesk.ui.analytics.TimeSeriesChart;
import dev.tracedesk.ui.map.ShopFeed;
import dev.tracedesk.ui.shell.Screen;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.services.xray.XRayClient;

/** Analytics against a sandbox fed with the shop traces (cold starts among the slow ones), brushed with the mouse. */
@ExtendWith(ApplicationExtension.class)
class AnalyticsFlowTest {
    private FedWindow window;
    private Sandbox sandbox;
    private XRayClient xray;
    private UiWiring wiring;
    private long shift;

    @Start
    void start(Stage stage) throws Exception {
        window = FedWindow.open(stage, "analytics-flow");
        sandbox = window.sandbox;
        xray = window.xray;
        wiring = window.wiring;
        shift = window.shift;
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void brushingFrom400msToTheMaximumShowsTheSlowTracesAndRanksColdStartFirst(FxRobot robot) throws Exception {
        robot.clickOn("#navAnalytics");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wiring.shell().getScreen()).isEqualTo(Screen.ANALYTICS);
        HistogramChart chart = robot.lookup("#histogramChart").queryAs(HistogramChart.class);
        AnalyticsViewModel model = chart.model();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> model.dataProperty().get() != null && !model.loadingProperty().get());
        assertThat(model.dataProperty().get().size()).isEqualTo(13);

        // Drag from 400 ms to the right end of the histogram.
        double y = chart.getHeight() / 2;
        Point2D from = chart.localToScreen(chart.xOf(0.4), y);
        Point2D to = chart.localToScreen(chart.getWidth() - 2, y);
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        // The pixel maps to about 400 ms: the seed's three traces, two at the start and one in the middle.
        assertThat(model.getBrush().low()).isBetween(0.37, 0.43);
        assertThat(model.expressionProperty().get()).startsWith("responsetime >= 0.");
        @SuppressWarnings("unchecked")
        TableView<TraceRow> list = robot.lookup("#selectedTable").queryAs(TableView.class);
        assertThat(list.getItems()).extracting(TraceRow::id).containsExactlyInAnyOrder(ShopFeed.traceId(0, shift),
                ShopFeed.traceId(3, shift), ShopFeed.traceId(9, shift));
        TimeSeriesChart series = robot.lookup("#seriesChart").queryAs(TimeSeriesChart.class);
        assertThat(series.isVisible()).isTrue();
        assertThat(IntStream.of(model.seriesProperty().get().selected()).sum()).isEqualTo(3);
        @SuppressWarnings("unchecked")
        TableView<Difference> apart = robot.lookup("#differencesTable").queryAs(TableView.class);
        assertThat(apart.getItems().get(0).attribute().kind()).isEqualTo(AttributeKind.COLD_START);
        assertThat(robot.lookup("#selectionLabel").queryLabeled().getText()).contains("3 traces");

        // Brushing a time range on the series narrows B to the first minutes (the two first traces).
        long firstStart = list.getItems().stream().map(TraceRow::start).min(Instant::compareTo).orElseThrow()
                .toEpochMilli();
        double sy = series.getHeight() / 2;
        robot.moveTo(series.localToScreen(Math.max(series.xOf(firstStart - 20_000), 45), sy))
                .press(MouseButton.PRIMARY)
                .moveTo(series.localToScreen(series.xOf(firstStart + 4 * 60_000), sy))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(TraceRow::id).containsExactlyInAnyOrder(ShopFeed.traceId(0, shift),
                ShopFeed.traceId(3, shift));

        // Double-click opens the trace.
        TraceRow first = list.getItems().get(0);
        Node firstRow = robot.lookup("#selectedTable .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.isVisible() && r.getItem() == first).query();
        robot.doubleClickOn(firstRow);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#analyticsPage").query().isVisible()).isFalse(); // the trace page shows instead
    }
}
