package dev.tracedesk.ui.traces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.explore.traces.TraceRow;
import dev.tracedesk.ui.common.ViewLoader;
import dev.tracedesk.ui.trace.SegmentDetails;
import dev.tracedesk.ui.trace.TimelineModel;
import dev.tracedesk.ui.trace.TimelineRenderer;
import dev.tracedesk.ui.trace.TimelineView;
import dev.tracedesk.xray.ShopTraces;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Traces screen against a sandbox on a free port fed with shop-shaped traces. */
@ExtendWith(ApplicationExtension.class)
class TracesFlowTest {

    @TempDir
    static Path dir;
    private static TracesScreenFixture fixture;
    private ViewLoader.Loaded<TracesController> screen;

    @BeforeAll
    static void startSandbox() throws Exception {
        fixture = new TracesScreenFixture(dir);
    }

    @AfterAll
    static void stopSandbox() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        fixture.filter.set("");
        screen = fixture.load();
        stage.setScene(new Scene(screen.root(), 1260, 780));
        stage.show();
    }

    private TracesViewModel model() {
        return screen.controller().model();
    }

    private void waitLoaded() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model().loadingProperty().get()
                && model().getStatus().contains("match"));
    }

    @Test
    void filteringOpeningTheSlowestTraceShowsItsColdStartAndDynamoDbTable(FxRobot robot) throws Exception {
        waitLoaded();
        assertThat(model().rows()).hasSize(ShopTraces.COUNT);

        robot.interact(() -> {
            fixture.filter.set("responsetime > 0.4");
            fixture.refresh.set(fixture.refresh.get() + 1);
        });
        waitLoaded();
        assertThat(model().rows()).extracting(TraceRow::responseTime).allMatch(t -> t > 0.4).hasSize(3);

        // sort by response time, slowest first, and open the top row
        robot.clickOn("#colRESPONSE_TIME").clickOn("#colRESPONSE_TIME");
        TableView<TraceRow> table = robot.lookup("#traceTable").queryTableView();
        TraceRow slowest = model().rows().stream().max(Comparator.comparing(TraceRow::responseTime)).orElseThrow();
        assertThat(table.getItems().get(0)).isEqualTo(slowest);
        Node firstRow = robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r && r.getIndex() == 0
                && r.getTableView() == table).query();
        robot.doubleClickOn(firstRow);

        TimelineView timeline = robot.lookup("#timeline").queryAs(TimelineView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> timeline.getModel() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#traceScreen").query().isVisible()).isTrue();
        TimelineModel model = timeline.getModel();
        assertThat(model.trace().id().value()).isEqualTo(slowest.id());
        int init = model.rowNamed("Initialization");
        assertThat(init).isNotNegative();
        assertThat(model.isColdStart(model.parent(init))).isTrue();
        assertThat(robot.lookup("#traceSummary").queryAs(Label.class).getText()).contains("cold start");

        // click the DynamoDB row and read its table name in the details
        int dynamo = model.rowNamed("DynamoDB");
        int index = model.visibleIndexOf(dynamo);
        assertThat(index).isNotNegative();
        Point2D at = timeline.localToScreen(60, TimelineRenderer.HEADER_HEIGHT
                + (index - timeline.viewport().firstRow()) * TimelineRenderer.ROW_HEIGHT + 11);
        robot.clickOn(at);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<SegmentDetails.Field> overview = robot.lookup("#overviewTable").queryTableView();
        assertThat(overview.getItems()).contains(new SegmentDetails.Field("aws.table_name", ShopTraces.BAD_TABLE));
        assertThat(overview.getItems()).contains(new SegmentDetails.Field("Name", "DynamoDB"));

        // keyboard: down moves to the next row (Overhead's parent Invocation ends; the next row is Overhead)
        robot.type(javafx.scene.input.KeyCode.DOWN);
        assertThat(model.segment(timeline.selectedRowProperty().get()).name()).isEqualTo("Overhead");
    }

    @Test
    void everyRowOnScreenGetsItsColdStartAnswerAndAReloadReadsNothingAgain(FxRobot robot) throws Exception {
        waitLoaded();
        // all 13 rows are on screen: each one's cold-start cell asks, in a few batched reads
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model().coldStarts().size() == ShopTraces.COUNT);
        assertThat(model().coldStarts()).containsValues(true, false); // traces 0 and 9 are cold, the others warm
        assertThat(model().coldStarts().values().stream().filter(Boolean::booleanValue).count()).isEqualTo(2);
        int reads = model().coldStartReadsProperty().get();
        assertThat(reads).isBetween(1, 3);

        robot.interact(() -> fixture.refresh.set(fixture.refresh.get() + 1));
        waitLoaded();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model().coldStarts().size() == ShopTraces.COUNT);
        assertThat(model().coldStartReadsProperty().get()).isEqualTo(reads); // answered from the cache
    }

    @Test
    void aMalformedFilterShowsWhereItIsWrongAndSendsNoRequest(FxRobot robot) throws Exception {
        waitLoaded();
        int before = model().requestsProperty().get();
        robot.interact(() -> {
            fixture.filter.set("responsetime > ");
            fixture.refresh.set(fixture.refresh.get() + 1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#filterErrorLabel").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("Filter error at column 16");
        assertThat(model().requestsProperty().get()).isEqualTo(before);
        assertThat(model().getStatus()).contains("nothing was requested");
    }

    @Test
    void groupingByServiceCountsTracesAndAClickNarrowsTheList(FxRobot robot) throws Exception {
        waitLoaded();
        robot.interact(() -> model().groupByProperty().set(GroupBy.SERVICE));
        TableView<TraceGroup> groups = robot.lookup("#groupTable").queryTableView();
        TraceGroup update = groups.getItems().stream().filter(g -> g.key().equals(ShopTraces.UPDATE_DB)).findFirst()
                .orElseThrow();
        robot.interact(() -> groups.getSelectionModel().select(update));
        TableView<TraceRow> table = robot.lookup("#traceTable").queryTableView();
        assertThat(table.getItems()).hasSize(update.count())
                .allMatch(r -> r.services().contains(ShopTraces.UPDATE_DB));
    }
}
