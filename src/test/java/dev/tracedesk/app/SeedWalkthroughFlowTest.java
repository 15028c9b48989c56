package dev.tracedesk.app;

import static dev.tracedesk.app.ShopWindow.fill;
import static dev.tracedesk.app.ShopWindow.label;
import static dev.tracedesk.app.ShopWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.explore.load.RunResult;
import dev.tracedesk.explore.map.MapNode;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.stack.ShopStack;
import dev.tracedesk.ui.map.ServiceMapCanvas;
import dev.tracedesk.ui.map.ServiceMapViewModel;
import dev.tracedesk.ui.shell.Screen;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * The seed's control steps from the window, on a sandbox running the shop: a sampling rule with rate 1.0 for the stage
 * makes a smoke run traced request for request; then the stage's tracing off and accept PassThrough, and the next
 * window's map has neither the stage nor accept (nor what accept calls), while an Active function the stage calls
 * directly still samples on its own.
 */
@ExtendWith(ApplicationExtension.class)
class SeedWalkthroughFlowTest {
    private static final String STAGE = "AMIS_api_gateway/prod";
    private static final String ACCEPT = "AMIS_shop_accept";

    private ShopWindow window;
    private Sandbox sandbox;
    private ShopStack shop;
    private UiWiring wiring;

    @Start
    void start(Stage stage) throws Exception {
        window = ShopWindow.open(stage, "seed-flow");
        sandbox = window.sandbox;
        shop = window.shop;
        wiring = window.wiring;
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void aRuleTracesEveryRequestAndTheSwitchesTakeTheStageAndAcceptOffTheNextWindowsMap(FxRobot robot) throws Exception {
        // A rule for the stage with rate 1.0, from the Sampling screen.
        robot.interact(() -> wiring.shell().selectScreen(Screen.SAMPLING));
        waitUntil(() -> robot.lookup("#newRuleButton").tryQuery().isPresent());
        robot.clickOn("#newRuleButton");
        WaitForAsyncUtils.waitForFxEvents();
        fill(robot, "#ruleName", "shop-debug");
        fill(robot, "#rulePriority", "100");
        fill(robot, "#ruleFixedRate", "1.0");
        fill(robot, "#ruleServiceName", STAGE);
        robot.clickOn("#saveButton");
        waitUntil(() -> wiring.session().clients().xray().getSamplingRules().samplingRuleRecords().stream()
                .anyMatch(r -> r.samplingRule().ruleName().equals("shop-debug")));

        // A smoke run from the Stack screen: every request accept handled is a trace through the stage and accept.
        Instant firstStart = Instant.now();
        robot.interact(() -> wiring.shell().selectScreen(Screen.STACK));
        robot.clickOn("#loadTab");
        waitUntil(() -> label(robot, "#loadTarget").equals("POST " + shop.invokeUrl() + "/shop"));
        robot.clickOn("#smokeKind").clickOn("#runButton");
        TableView<RunResult> runs = robot.lookup("#runsTable").queryTableView();
        waitUntil(() -> runs.getItems().size() == 1);
        int acceptInvocations = runs.getItems().get(0).function(ACCEPT).orElseThrow().invocations();
        assertThat(acceptInvocations).as("the smoke run's valid orders").isGreaterThan(1);
        sandbox.flush(Duration.ofSeconds(10));
        List<TraceSummary> traced = summaries(firstStart, Instant.now());
        long throughAccept = traced.stream().filter(t -> t.serviceIds().stream()
                .anyMatch(s -> ACCEPT.equals(s.name()))).count();
        // Default alone would sample the first request of the second and 5% of the rest: the rule samples them all.
        assertThat(throughAccept).isEqualTo(acceptInvocations);
        assertThat(traced).allMatch(t -> t.serviceIds().stream().anyMatch(s -> STAGE.equals(s.name())));

        // Switches: accept to PassThrough, the stage's tracing off; both read back.
        robot.clickOn("#tracingTab");
        waitUntil(() -> robot.lookup("#fnTracing_" + ACCEPT).tryQuery().isPresent()
                && robot.lookup("#stageTracing_AMIS_api_gateway_prod").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#fnTracing_" + ACCEPT).queryAs(CheckBox.class));
        waitUntil(() -> label(robot, "#fnMessage_" + ACCEPT).equals("Read back: PassThrough"));
        robot.clickOn(robot.lookup("#stageTracing_AMIS_api_gateway_prod").queryAs(CheckBox.class));
        waitUntil(() -> label(robot, "#stageMessage_AMIS_api_gateway_prod").equals("Read back: off"));

        // The next window: another smoke run, and its map lacks the stage and accept.
        Instant secondStart = Instant.now();
        robot.clickOn("#loadTab");
        robot.clickOn("#smokeKind").clickOn("#runButton");
        waitUntil(() -> runs.getItems().size() == 2);
        sandbox.flush(Duration.ofSeconds(10));
        Instant secondEnd = Instant.now().plusSeconds(1);
        robot.interact(() -> {
            wiring.shell().timeRange().setAbsolute(secondStart, secondEnd);
            wiring.shell().selectScreen(Screen.SERVICE_MAP);
        });
        ServiceMapViewModel map = robot.lookup("#mapCanvas").queryAs(ServiceMapCanvas.class).model();
        waitUntil(() -> map.getState() == ServiceMapViewModel.State.READY && map.renderedProperty().get() != null
                && wiring.shell().getWindow().from().equals(secondStart));
        robot.interact(() -> wiring.shell().refresh());
        waitUntil(() -> map.getState() == ServiceMapViewModel.State.READY);
        List<String> names = map.renderedProperty().get().map().nodes().stream().map(MapNode::name).toList();
        // accept, not sampled, passes Sampled=0 on through SNS, and Active decrypt honours the upstream decision; the
        // unit-test function behind the stage gets no decision and, being Active, samples on its own.
        assertThat(names).doesNotContain(STAGE, ACCEPT, "AMIS_shop_decrypt")
                .contains("AMIS_unittest_object_under_test_update_db");
    }

    private List<TraceSummary> summaries(Instant from, Instant to) {
        return wiring.session().clients().xray().getTraceSummariesPaginator(r -> r.startTime(from).endTime(to))
                .traceSummaries().stream().toList();
    }
}
