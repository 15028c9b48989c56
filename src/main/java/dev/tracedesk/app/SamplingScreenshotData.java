package dev.tracedesk.app;

import dev.tracedesk.ui.shell.Screen;
import dev.tracedesk.ui.shell.ShellViewModel;
import java.time.Instant;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.SamplingRule;
import software.amazon.awssdk.services.xray.model.SamplingStatisticsDocument;

/**
 * What the Sampling screenshot shows: a rule for the shop's API stage beside Default, with statistics reported the
 * way an SDK reports them (GetSamplingTargets), and the "which rule" question asked for a shop request.
 */
final class SamplingScreenshotData {
    static final String RULE = "shop-debug";

    private SamplingScreenshotData() {
    }

    /** Creates the rule and reports one SDK client's counts for it and for Default (worker thread). */
    static void seed(XRayClient xray) {
        xray.createSamplingRule(r -> r.samplingRule(SamplingRule.builder().ruleName(RULE).priority(100).fixedRate(1.0)
                .reservoirSize(1).serviceName("AMIS_api_gateway/prod").serviceType("*").host("*").httpMethod("POST")
                .urlPath("/prod/shop").resourceARN("*").version(1).build()));
        Instant now = Instant.now();
        xray.getSamplingTargets(r -> r.samplingStatisticsDocuments(List.of(
                SamplingStatisticsDocument.builder().ruleName(RULE).clientID("0123456789abcdef01234567")
                        .timestamp(now).requestCount(42).sampledCount(41).borrowCount(1).build(),
                SamplingStatisticsDocument.builder().ruleName("Default").clientID("0123456789abcdef01234567")
                        .timestamp(now).requestCount(310).sampledCount(15).borrowCount(4).build())));
    }

    /** Opens the Sampling screen and asks about a shop request (FX thread); true once its rules are listed. */
    static boolean prepare(ShellViewModel shell, Scene scene) {
        shell.selectScreen(Screen.SAMPLING);
        if (!(scene.lookup("#ruleTable") instanceof TableView<?> table) || table.getItems().size() < 2) {
            return false;
        }
        table.getSelectionModel().select(0);
        ((TextField) scene.lookup("#matchService")).setText("AMIS_api_gateway/prod");
        ((TextField) scene.lookup("#matchMethod")).setText("POST");
        ((TextField) scene.lookup("#matchUrl")).setText("/prod/shop");
        return true;
    }
}
