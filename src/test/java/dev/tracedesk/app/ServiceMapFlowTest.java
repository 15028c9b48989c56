package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.explore.map.ServiceMap;
import dev.tracedesk.filter.FilterParser;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.ui.map.LatencyHistogramChart;
import dev.tracedesk.ui.map.ServiceMapCanvas;
import dev.tracedesk.ui.map.ServiceMapViewModel;
import dev.tracedesk.ui.map.ShopFeed;
import dev.tracedesk.ui.shell.Screen;
import dev.tracedesk.xray.Outcome;
import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.TraceId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.geometry.Point2D;
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

/** The service map against a sandbox on a free port fed with the shop traces, clicked through like a user would. */
@ExtendWith(ApplicationExtension.class)
class ServiceMapFlowTest {
    private FedWindow window;
    private Path dir;
    private Sandbox sandbox;
    private XRayClient xray;
    private UiWiring wiring;
    private long shift;

    @Start
    void start(Stage stage) throws Exception {
        window = FedWindow.open(stage, "map-flow");
        dir = window.dir;
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
    void theShopMapLeadsFromTheDecryptHistogramToItsSlowTraces(FxRobot robot) throws Exception {
        ServiceMapCanvas canvas = robot.lookup("#mapCanvas").queryAs(ServiceMapCanvas.class);
        ServiceMapViewModel model = canvas.model();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.getState() == ServiceMapViewModel.State.READY);
        ServiceMap map = model.renderedProperty().get().map();

        assertThat(map.nodes()).extracting(n -> n.name()).contains(ShopTraces.API, ShopTraces.ACCEPT,
                ShopTraces.DECRYPT, ShopTraces.UPDATE_DB, ShopTraces.TABLE, ShopTraces.UNITTEST);
        int unittest = map.indexOf(ShopTraces.UNITTEST, "AWS::Lambda::Function");
        assertThat(model.ring(unittest)).extracting(ServiceMapViewModel.RingSegment::outcome)
                .containsExactly(Outcome.FAULT);

        int decrypt = map.indexOf(ShopTraces.DECRYPT, "AWS::Lambda::Function");
        WaitForAsyncUtils.waitForFxEvents();
        double[] at = canvas.screenPosition(decrypt);
        robot.clickOn(canvas.localToScreen(at[0], at[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.detailsProperty().get().title()).isEqualTo(ShopTraces.DECRYPT);
        LatencyHistogramChart chart = robot.lookup("#latencyHistogram").queryAs(LatencyHistogramChart.class);
        assertThat(chart.isVisible()).isTrue();
        assertThat(model.detailsProperty().get().responseTimes().totalCount()).isEqualTo(7);

        // On the sandbox the node's filter selects exactly the traces through decrypt: 0-5 and the load generator's.
        String nodeFilter = model.viewTracesFilterProperty().get();
        Set<String> matched = xray.getTraceSummariesPaginator(r -> r.startTime(Instant.now().minusSeconds(3600))
                        .endTime(Instant.now().plusSeconds(60)).filterExpression(nodeFilter))
                .traceSummaries().stream().map(s -> s.id()).collect(Collectors.toSet());
        assertThat(matched).containsExactlyInAnyOrderElementsOf(List.of(0, 1, 2, 3, 4, 5, 11).stream()
                .map(k -> ShopFeed.traceId(k, shift)).collect(Collectors.toList()));

        // Brush from 50 ms to the right end, then View traces.
        double y = chart.getHeight() / 2;
        Point2D from = chart.localToScreen(chart.xOf(0.05), y);
        Point2D to = chart.localToScreen(chart.getWidth() - 2, y);
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        String filter = model.viewTracesFilterProperty().get();
        assertThat(filter).startsWith(
                "service(id(name: \"AMIS_shop_decrypt\", type: \"AWS::Lambda::Function\")) { responsetime >= 0.0");
        assertThat(FilterParser.parse(filter)).isNotNull();

        robot.clickOn("#viewTracesButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wiring.shell().getScreen()).isEqualTo(Screen.TRACES);
        assertThat(wiring.shell().getFilter()).isEqualTo(filter);
        assertThat(TraceId.of(ShopFeed.traceId(0, shift))).isNotNull();

        // Export writes the whole map, not only the visible part.
        Path png = dir.resolve("map.png");
        robot.interact(() -> {
            try {
                canvas.exportPng(png, 2000);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(300);
        assertThat(image.getHeight()).isGreaterThan(200);
    }
}
