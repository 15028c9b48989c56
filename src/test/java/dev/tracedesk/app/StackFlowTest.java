package dev.tracedesk.app;

import static dev.tracedesk.app.ShopWindow.fill;
import static dev.tracedesk.app.ShopWindow.label;
import static dev.tracedesk.app.ShopWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.explore.load.FunctionStatistics;
import dev.tracedesk.explore.load.RunComparison;
import dev.tracedesk.explore.load.RunResult;
import dev.tracedesk.explore.load.SmokeCase;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.stack.ShopStack;
import dev.tracedesk.ui.shell.Screen;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Stack screen on a sandbox of its own with the shop stack running: load tests from the window. */
@ExtendWith(ApplicationExtension.class)
class StackFlowTest {
    private ShopWindow window;
    private Sandbox sandbox;
    private ShopStack shop;
    private UiWiring wiring;

    @Start
    void start(Stage stage) throws Exception {
        window = ShopWindow.open(stage, "stack-flow");
        sandbox = window.sandbox;
        shop = window.shop;
        wiring = window.wiring;
        wiring.shell().selectScreen(Screen.STACK);
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void aSmokeRunAndAPerformanceRunShowTheirResultsAndSitSideBySide(FxRobot robot) throws Exception {
        robot.clickOn("#loadTab");
        Label target = robot.lookup("#loadTarget").queryAs(Label.class);
        waitUntil(() -> target.getText().equals("POST " + shop.invokeUrl() + "/shop"));

        // Smoke: every case passes, the unit-test function's failure included; accept's REPORT lines are counted.
        robot.clickOn("#smokeKind").clickOn("#runButton");
        TableView<RunResult> runs = robot.lookup("#runsTable").queryTableView();
        waitUntil(() -> runs.getItems().size() == 1);
        TableView<SmokeCase> cases = robot.lookup("#casesTable").queryTableView();
        assertThat(cases.getItems()).hasSize(11).allMatch(SmokeCase::passed);
        assertThat(label(robot, "#selectedSummary")).isEqualTo("smoke 1: 11 of 11 cases passed.");
        assertThat(cases.isVisible()).as("a smoke run opens its cases").isTrue();
        TableView<FunctionStatistics> functions = robot.lookup("#functionTable").queryTableView();
        assertThat(functions.getItems()).extracting(FunctionStatistics::function).containsExactly("AMIS_shop_accept",
                "AMIS_shop_decrypt", "AMIS_shop_update_db", "AMIS_unittest_object_under_test_update_db");
        // GETs and unknown routes are refused by the stage; one request goes to the unit-test route
        assertThat(functions.getItems().get(0).invocations()).isEqualTo(8);
        assertThat(functions.getItems().get(0).coldStarts()).isGreaterThanOrEqualTo(1);
        assertThat(functions.getItems().get(3).invocations()).isEqualTo(1);

        // A small performance run, by keyboard-reachable fields; then both runs side by side.
        robot.clickOn("#perfKind");
        fill(robot, "#requestsField", "20");
        fill(robot, "#concurrencyField", "2");
        fill(robot, "#labelField", "twenty");
        robot.clickOn("#runButton");
        waitUntil(() -> runs.getItems().size() == 2);
        RunResult perf = runs.getItems().get(1);
        assertThat(perf.label()).isEqualTo("twenty");
        assertThat(perf.latency().orElseThrow().completed()).isEqualTo(20);
        assertThat(perf.function("AMIS_shop_accept").orElseThrow().invocations()).isBetween(19, 20);
        assertThat(label(robot, "#selectedSummary")).startsWith("twenty: 20 requests in");
        assertThat(functions.isVisible()).as("a performance run opens its functions").isTrue();

        robot.clickOn("#compareTab");
        TableView<RunComparison.Row> comparison = robot.lookup("#comparisonTable").queryTableView();
        assertThat(comparison.getItems()).isNotEmpty();
        RunComparison.Row invocations = comparison.getItems().stream()
                .filter(r -> r.scope().equals("AMIS_shop_accept") && r.figure() == RunComparison.Figure.INVOCATIONS)
                .findFirst().orElseThrow();
        assertThat(invocations.a()).isEqualTo(8);
        assertThat(label(robot, "#comparisonSummary")).startsWith("twenty against smoke 1:");
        assertThat(robot.lookup("#runError").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void switchesShowTheStateReadBackAndAStrippedRoleIsWarnedAboutAndFixed(FxRobot robot) throws Exception {
        robot.clickOn("#tracingTab");
        waitUntil(() -> robot.lookup("#fnTracing_AMIS_shop_accept").tryQuery().isPresent()
                && robot.lookup("#stageTracing_AMIS_api_gateway_prod").tryQuery().isPresent());
        CheckBox stage = robot.lookup("#stageTracing_AMIS_api_gateway_prod").queryAs(CheckBox.class);
        CheckBox accept = robot.lookup("#fnTracing_AMIS_shop_accept").queryAs(CheckBox.class);
        assertThat(stage.isSelected()).isTrue();
        assertThat(accept.isSelected()).isTrue();
        assertThat(label(robot, "#fnIam_AMIS_shop_decrypt")).startsWith("Role AMIS_shop_decrypt_role may send traces");

        // accept to PassThrough while the stage samples: still traced for the stage's requests, and the UI says why.
        robot.clickOn(accept);
        waitUntil(() -> label(robot, "#fnMessage_AMIS_shop_accept").equals("Read back: PassThrough"));
        assertThat(accept.isSelected()).isFalse();
        assertThat(label(robot, "#fnNote_AMIS_shop_accept")).startsWith("PassThrough, yet traced for the requests the stage samples");
        assertThat(lambda().getFunctionConfiguration(r -> r.functionName("AMIS_shop_accept")).tracingConfig().modeAsString())
                .isEqualTo("PassThrough");

        // The stage off: read back from API Gateway.
        robot.clickOn(stage);
        waitUntil(() -> label(robot, "#stageMessage_AMIS_api_gateway_prod").equals("Read back: off"));
        assertThat(stage.isSelected()).isFalse();
        assertThat(label(robot, "#fnNote_AMIS_shop_accept")).isEqualTo(
                "PassThrough with the stage off: no traces unless a caller sends Sampled=1.");
        assertThat(wiring.session().clients().apiGateway().getRestApis().items().stream()
                .map(a -> wiring.session().clients().apiGateway().getStage(r -> r.restApiId(a.id()).stageName("prod")))
                .findFirst().orElseThrow().tracingEnabled()).isFalse();

        // Strip the X-Ray permission from decrypt's role through the IAM API: the warning, then the fix.
        wiring.session().clients().iam().detachRolePolicy(r -> r.roleName("AMIS_shop_decrypt_role")
                .policyArn("arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"));
        robot.clickOn("#tracingReloadButton");
        waitUntil(() -> label(robot, "#fnIam_AMIS_shop_decrypt").startsWith("Role AMIS_shop_decrypt_role lacks"));
        assertThat(label(robot, "#fnIam_AMIS_shop_decrypt")).contains(
                "without it the function's own segments are dropped while the Lambda service node still appears");
        assertThat(label(robot, "#fnIam_AMIS_shop_accept")).startsWith("Role AMIS_shop_accept_role may send traces");
        assertThat(robot.lookup("#fnAttach_AMIS_shop_accept").query().isVisible()).isFalse();
        robot.clickOn("#fnAttach_AMIS_shop_decrypt");
        waitUntil(() -> label(robot, "#fnIam_AMIS_shop_decrypt").startsWith("Role AMIS_shop_decrypt_role may send traces"));
        assertThat(robot.lookup("#fnAttach_AMIS_shop_decrypt").query().isVisible()).isFalse();
        assertThat(wiring.session().clients().iam().listAttachedRolePolicies(r -> r.roleName("AMIS_shop_decrypt_role"))
                .attachedPolicies()).anyMatch(p -> p.policyName().equals("AWSXRayDaemonWriteAccess"));

        // Deploy a second shop (prefix DEMO) through the sandbox's CloudFormation: the events, the URL; then delete.
        robot.clickOn("#deployTab");
        fill(robot, "#prefixField", "DEMO");
        assertThat(robot.lookup("#stackNameField").queryAs(TextField.class).getText()).isEqualTo("tracedesk-shop-DEMO");
        robot.clickOn("#deployButton");
        ListView<String> events = robot.lookup("#eventList").queryListView();
        waitUntil(() -> label(robot, "#deployStatus").startsWith("tracedesk-shop-DEMO: CREATE_COMPLETE"));
        assertThat(events.getItems()).anyMatch(e -> e.contains("CREATE_COMPLETE  DEMOAcceptFunction")
                || e.contains("CREATE_COMPLETE  AcceptFunction (AWS::Lambda::Function)"));
        assertThat(events.getItems().get(events.getItems().size() - 1)).contains("CREATE_COMPLETE");
        assertThat(robot.lookup("#invokeUrlField").queryAs(TextField.class).getText()).contains("/prod");
        assertThat(lambda().getFunctionConfiguration(r -> r.functionName("DEMO_shop_accept")).functionName())
                .isEqualTo("DEMO_shop_accept");
        robot.clickOn("#deleteButton");
        waitUntil(() -> label(robot, "#deployStatus").startsWith("tracedesk-shop-DEMO: DELETE_COMPLETE"));
        assertThat(events.getItems()).anyMatch(e -> e.contains("DELETE_COMPLETE"));
        assertThat(lambda().listFunctions().functions()).noneMatch(f -> f.functionName().startsWith("DEMO_"));
    }

    private software.amazon.awssdk.services.lambda.LambdaClient lambda() {
        return wiring.session().clients().lambda();
    }
}
