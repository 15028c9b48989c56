package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.explore.logs.LogLine;
import dev.tracedesk.explore.logs.Report;
import dev.tracedesk.explore.traces.TraceRow;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.SandboxFixture;
import dev.tracedesk.sandbox.stack.ShopStack;
import dev.tracedesk.shop.ShopStackDefinition;
import dev.tracedesk.shop.load.ShopClient;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.shell.Screen;
import dev.tracedesk.ui.trace.SegmentDetails;
import dev.tracedesk.ui.trace.TimelineModel;
import dev.tracedesk.ui.trace.TimelineRenderer;
import dev.tracedesk.ui.trace.TimelineView;
import dev.tracedesk.xray.segment.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The seed's walk-through on real shop traffic: the shop stack runs in a sandbox (local Lambda runtime, SNS, table,
 * CloudWatch Logs), a few orders go through its stage, and the window finds the slow cold-start trace with a filter
 * typed in the top bar, reads the DynamoDB table from the timeline and the function's REPORT line in the Logs tab —
 * all through the sandbox's X-Ray and CloudWatch Logs APIs.
 */
@ExtendWith(ApplicationExtension.class)
class TraceLogsFlowTest {
    private static Path dir;
    private static Sandbox sandbox;
    private static ShopStack stack;
    private static XRayClient xray;
    private static ShopStackDefinition def;
    private static final List<ShopClient.Response> orders = new ArrayList<>();
    private ExecutorService worker;
    private UiWiring wiring;

    /** The stack and its traffic, off the FX thread (a cold start of every function takes a while). */
    @BeforeAll
    static void startShop() throws Exception {
        dir = Files.createTempDirectory("trace-logs-flow");
        sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        stack = ShopStack.start(sandbox, ShopStack.Options.defaults());
        def = stack.definition();
        xray = SandboxFixture.client(sandbox.port());
        // every request of the stage sampled, so each order has a trace
        xray.createSamplingRule(b -> b.samplingRule(r -> r.ruleName("shop-all").priority(1).fixedRate(1.0)
                .reservoirSize(0).serviceName(def.stageServiceName()).serviceType("*").host("*").httpMethod("*")
                .urlPath("*").resourceARN("*").version(1)));
        ShopClient client = new ShopClient(stack.invokeUrl(), stack.key());
        for (int i = 0; i < 3; i++) { // the first finds every function cold
            orders.add(client.post("/shop", client.validOrder("shop-flow").toString(), null));
            assertThat(stack.lambda().awaitIdle(Duration.ofSeconds(20))).isTrue();
        }
        Thread.sleep(100); // datagrams in flight on loopback
        sandbox.flush(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopShop() {
        xray.close();
        stack.close();
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        worker = BackgroundTasks.newWorkerPool(2);
        wiring = TestWiring.onSandbox(worker, sandbox.port());
        stage.setScene(new Scene(wiring.loadShell().root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
        wiring.session().close();
    }

    @Test
    void theSlowColdStartTraceShowsItsInitializationTableAndReportLine(FxRobot robot) throws Exception {
        assertThat(orders).extracting(ShopClient.Response::status).containsOnly(202);
        String coldTrace = orders.get(0).traceId();

        // a threshold the data crosses: just under the cold order's response time (normally the slowest; on a loaded
        // machine a warm order can overtake it, so the test opens the cold one by id, not by rank)
        double coldResponse = xray.getTraceSummaries(b -> b.startTime(Instant.now().minusSeconds(300))
                .endTime(Instant.now().plusSeconds(5))).traceSummaries().stream()
                .filter(s -> s.id().equals(coldTrace)).mapToDouble(s -> s.responseTime()).max().orElseThrow();
        String threshold = String.format(Locale.ROOT, "%.3f", Math.max(0, coldResponse - 0.0005));

        robot.clickOn("#navTraces");
        robot.clickOn("#filterField").write("responsetime > " + threshold).type(KeyCode.ENTER);
        assertThat(wiring.shell().getScreen()).isEqualTo(Screen.TRACES);
        TableView<TraceRow> table = robot.lookup("#traceTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(r -> r.responseTime() > Double.parseDouble(threshold)));
        assertThat(table.getItems()).extracting(TraceRow::id).contains(coldTrace);

        // sort slowest first and open the cold start
        robot.clickOn("#colRESPONSE_TIME").clickOn("#colRESPONSE_TIME");
        TraceRow top = table.getItems().stream().max(Comparator.comparing(TraceRow::responseTime)).orElseThrow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().get(0).equals(top));
        int coldIndex = table.getItems().stream().map(TraceRow::id).toList().indexOf(coldTrace);
        Node coldRow = robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.getIndex() == coldIndex && r.getTableView() == table).query();
        robot.doubleClickOn(coldRow);

        TimelineView timeline = robot.lookup("#timeline").queryAs(TimelineView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> timeline.getModel() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TimelineModel model = timeline.getModel();
        assertThat(model.trace().id().value()).isEqualTo(coldTrace);
        int init = model.rowNamed("Initialization");
        assertThat(init).isNotNegative();
        assertThat(model.isColdStart(model.parent(init))).isTrue();
        assertThat(robot.lookup("#traceSummary").queryAs(Label.class).getText()).contains("cold start");

        // the DynamoDB call of the update function names the shop's table
        int dynamo = model.rowNamed("DynamoDB");
        int index = model.visibleIndexOf(dynamo);
        assertThat(index).isNotNegative();
        robot.interact(() -> timeline.viewport().setFirstRow(Math.max(0, index - 2), model.visibleCount(),
                TimelineRenderer.rowsShown(timeline.getHeight())));
        WaitForAsyncUtils.waitForFxEvents();
        Point2D at = timeline.localToScreen(60, TimelineRenderer.HEADER_HEIGHT
                + (index - timeline.viewport().firstRow()) * TimelineRenderer.ROW_HEIGHT + 11);
        robot.clickOn(at);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<SegmentDetails.Field> overview = robot.lookup("#overviewTable").queryTableView();
        assertThat(overview.getItems()).contains(new SegmentDetails.Field("Name", "DynamoDB"),
                new SegmentDetails.Field("aws.table_name", def.table()));

        // the Logs tab: the update function's REPORT line of this invocation, found through CloudWatch Logs
        // the Lambda service's segment of the update function carries the invocation's request id
        String requestId = model.trace().segments().stream()
                .filter(s -> def.updateDbFunction().equals(s.name()))
                .map(s -> s.aws() == null ? "" : s.aws().path("request_id").asText(""))
                .filter(id -> !id.isEmpty()).findFirst().orElse("");
        assertThat(requestId).isNotEmpty();
        TabPane tabs = robot.lookup("#detailTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "logsTab".equals(t.getId())).findFirst().orElseThrow()));
        TableView<LogLine> logs = robot.lookup("#logsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> logs.getItems().stream()
                .anyMatch(l -> l.report().isPresent()));
        List<LogLine> reports = logs.getItems().stream().filter(l -> l.report().isPresent()).toList();
        assertThat(reports).anyMatch(l -> l.logGroup().equals("/aws/lambda/" + def.updateDbFunction())
                && l.message().contains(requestId));
        Report cold = reports.stream().filter(l -> l.message().contains(requestId)).findFirst().orElseThrow()
                .report().orElseThrow();
        assertThat(cold.coldStart()).isTrue();
        assertThat(logs.getItems()).extracting(LogLine::timestamp).isSorted();
    }
}
