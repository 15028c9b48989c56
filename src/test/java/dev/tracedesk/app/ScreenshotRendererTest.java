package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ScreenshotRendererTest {

    @TempDir
    Path out;

    @Start
    void start(Stage stage) {
        // the renderer opens its own stage
    }

    @Test
    void rendersEveryScreenLightAndDarkAt1440By900(FxRobot robot) throws Exception {
        AtomicReference<List<Path>> written = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        robot.interact(() -> {
            try {
                written.set(new ScreenshotRenderer(TestWiring.create()).renderAll(out));
            } catch (Exception e) {
                failure.set(e);
            }
        });

        assertThat(failure.get()).isNull();
        assertThat(written.get()).extracting(p -> p.getFileName().toString()).containsExactly(
                "service-map-light.png", "traces-light.png", "analytics-light.png", "sampling-light.png",
                "stack-light.png", "signin-light.png", "service-map-dark.png", "traces-dark.png", "analytics-dark.png",
                "sampling-dark.png", "stack-dark.png", "signin-dark.png");
        BufferedImage light = ImageIO.read(out.resolve("traces-light.png").toFile());
        BufferedImage dark = ImageIO.read(out.resolve("traces-dark.png").toFile());
        assertThat(light.getWidth()).isEqualTo(1440);
        assertThat(light.getHeight()).isEqualTo(900);
        // a point of the content background: bright in light, dark in dark
        assertThat(brightness(light.getRGB(1200, 700))).isGreaterThan(200);
        assertThat(brightness(dark.getRGB(1200, 700))).isLessThan(60);
    }

    private static int brightness(int argb) {
        return (((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff)) / 3;
    }
}
