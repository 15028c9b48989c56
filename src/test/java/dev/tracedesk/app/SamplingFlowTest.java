package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.SandboxFixture;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.sampling.SamplingViewModel;
import dev.tracedesk.ui.shell.Screen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.SamplingRule;

/** The Sampling screen on a sandbox of its own: Default explained, a rule created, edited, refused, matched, deleted. */
@ExtendWith(ApplicationExtension.class)
class SamplingFlowTest {
    private Path dir;
    private Sandbox sandbox;
    private XRayClient xray;
    private ExecutorService worker;
    private UiWiring wiring;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("sampling-flow");
        sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        xray = SandboxFixture.client(sandbox.port());
        // A rule someone made before: priority 9000, so a new priority-100 rule must be listed above it.
        xray.createSamplingRule(r -> r.samplingRule(SamplingRule.builder().ruleName("health-checks").priority(9000)
                .fixedRate(0.0).reservoirSize(0).serviceName("*").serviceType("*").host("*").httpMethod("GET")
                .urlPath("/health").resourceARN("*").version(1).build()));
        worker = BackgroundTasks.newWorkerPool(2);
        wiring = TestWiring.onSandbox(worker, sandbox.port());
        stage.setScene(new Scene(wiring.loadShell().root(), 1280, 800));
        stage.show();
        wiring.shell().selectScreen(Screen.SAMPLING);
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
        wiring.session().close();
        xray.close();
        sandbox.close();
    }

    @Test
    void aRuleForTheShopStageIsCreatedEditedMatchedAndDeletedBesideTheDefaultRule(FxRobot robot) throws Exception {
        TableView<SamplingViewModel.Row> table = robot.lookup("#ruleTable").queryTableView();
        waitUntil(() -> names(table).equals(List.of("health-checks", "Default")));

        // The Default rule, in words, and only its reservoir and rate are editable.
        assertThat(label(robot, "#defaultExplanation"))
                .contains("the first request each second, then 5% of the rest");
        robot.interact(() -> table.getSelectionModel().select(1));
        robot.clickOn("#editRuleButton");
        assertThat(field(robot, "#ruleName").isDisabled()).isTrue();
        assertThat(field(robot, "#rulePriority").isDisabled()).isTrue();
        assertThat(field(robot, "#ruleServiceName").isDisabled()).isTrue();
        assertThat(field(robot, "#ruleReservoir").isDisabled()).isFalse();
        assertThat(field(robot, "#ruleFixedRate").isDisabled()).isFalse();
        assertThat(robot.lookup("#deleteRuleButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#cancelButton");

        // Create: every request of the shop's API stage.
        robot.clickOn("#newRuleButton");
        WaitForAsyncUtils.waitForFxEvents();
        fill(robot, "#ruleName", "shop-debug");
        fill(robot, "#rulePriority", "100");
        fill(robot, "#ruleFixedRate", "1.0");
        fill(robot, "#ruleServiceName", "AMIS_api_gateway/prod");
        robot.clickOn("#saveButton");
        assertThat(label(robot, "#ruleNameError")).isEmpty();
        waitUntil(() -> names(table).equals(List.of("shop-debug", "health-checks", "Default")));
        assertThat(table.getItems().get(0).rule().fixedRate()).isEqualTo(1.0);
        assertThat(serverRule("shop-debug").serviceName()).isEqualTo("AMIS_api_gateway/prod");

        // Edit: an invalid priority is refused in place, and nothing reaches the server.
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#editRuleButton");
        fill(robot, "#rulePriority", "20000");
        robot.clickOn("#saveButton");
        assertThat(label(robot, "#rulePriorityError")).contains("1 to 9999");
        assertThat(robot.lookup("#rulePriorityError").query().isVisible()).isTrue();
        assertThat(label(robot, "#apiError")).isEmpty();
        assertThat(serverRule("shop-debug").priority()).isEqualTo(100);
        fill(robot, "#rulePriority", "200");
        assertThat(label(robot, "#rulePriorityError")).isEmpty();
        fill(robot, "#ruleHttpMethod", "POST");
        robot.clickOn("#saveButton");
        waitUntil(() -> table.getItems().get(0).rule().priority() == 200);
        assertThat(serverRule("shop-debug").httpMethod()).isEqualTo("POST");

        // The API's own error (a duplicate name) shows in the editor.
        robot.clickOn("#newRuleButton");
        fill(robot, "#ruleName", "health-checks");
        robot.clickOn("#saveButton");
        waitUntil(() -> !label(robot, "#apiError").isEmpty());
        assertThat(label(robot, "#apiError")).contains("already exists");
        assertThat(names(table)).containsExactly("shop-debug", "health-checks", "Default");
        robot.clickOn("#cancelButton");

        // Which rule would sample this request?
        fill(robot, "#matchService", "AMIS_api_gateway/prod");
        robot.clickOn("#matchMethod").write("POST");
        fill(robot, "#matchUrl", "https://abc123.execute-api.us-east-1.amazonaws.com/prod/shop");
        assertThat(label(robot, "#matchedRule")).isEqualTo("shop-debug");
        fill(robot, "#matchMethod", "GET");
        assertThat(label(robot, "#matchedRule")).isEqualTo("Default");
        fill(robot, "#matchMethod", "post");
        assertThat(label(robot, "#matchedRule")).isEqualTo("shop-debug");

        // Delete: gone from the list and the server; the same request now falls to Default.
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#deleteRuleButton");
        waitUntil(() -> names(table).equals(List.of("health-checks", "Default")));
        assertThat(xray.getSamplingRules().samplingRuleRecords()).extracting(r -> r.samplingRule().ruleName())
                .containsExactlyInAnyOrder("health-checks", "Default");
        assertThat(label(robot, "#matchedRule")).isEqualTo("Default");
    }

    private SamplingRule serverRule(String name) {
        return xray.getSamplingRules().samplingRuleRecords().stream().map(r -> r.samplingRule())
                .filter(r -> r.ruleName().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> names(TableView<SamplingViewModel.Row> table) {
        return table.getItems().stream().map(r -> r.rule().name()).collect(Collectors.toList());
    }

    private static void fill(FxRobot robot, String id, String text) {
        // Typing every character is slow on a loaded machine; the text goes through the same binding either way.
        TextField field = field(robot, id);
        robot.interact(() -> field.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
