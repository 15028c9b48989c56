package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.common.ThemeChoice;
import dev.tracedesk.ui.shell.Screen;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window remembers itself across a restart; settings live in a temp dir, never the real home. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    Path config;

    private Stage firstStage;

    @Start
    void start(Stage stage) {
        firstStage = stage;
    }

    private SettingsStore store() {
        return new SettingsStore(AppPaths.resolve(java.util.Map.of(), config.toString(), null, "/nonexistent")
                .settingsFile());
    }

    @Test
    void sizePositionThemeScreenAndUtcSurviveARestart(FxRobot robot) {
        UiWiring first = TestWiring.create();
        robot.interact(() -> new MainWindow(firstStage, first, store()).show());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        robot.clickOn("#themeChoice").clickOn("Dark");
        robot.clickOn("#utcToggle");
        robot.interact(() -> {
            firstStage.setX(60);
            firstStage.setY(40);
            firstStage.setWidth(1000);
            firstStage.setHeight(700);
        });
        assertThat(first.shell().getScreen()).isEqualTo(Screen.SAMPLING);

        robot.interact(firstStage::hide);
        assertThat(Files.exists(config.resolve("settings.json"))).isTrue();

        UiWiring second = TestWiring.create();
        Stage[] secondStage = new Stage[1];
        robot.interact(() -> {
            secondStage[0] = new Stage();
            new MainWindow(secondStage[0], second, store()).show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(second.shell().getScreen()).isEqualTo(Screen.SAMPLING);
        assertThat(second.shell().getThemeChoice()).isEqualTo(ThemeChoice.DARK);
        assertThat(second.shell().getTheme()).isEqualTo(Theme.DARK);
        assertThat(second.shell().timeRange().isUtc()).isTrue();
        assertThat(secondStage[0].getX()).isEqualTo(60);
        assertThat(secondStage[0].getY()).isEqualTo(40);
        assertThat(secondStage[0].getWidth()).isEqualTo(1000);
        assertThat(secondStage[0].getHeight()).isEqualTo(700);
        assertThat(secondStage[0].getTitle()).isEqualTo("TraceDesk — Sampling");
        assertThat(robot.lookup("#samplingScreen").query().getScene()).isSameAs(secondStage[0].getScene());
        robot.interact(secondStage[0]::hide);
    }

    @Test
    void aCorruptSettingsFileStillOpensTheWindowWithDefaults(FxRobot robot) throws Exception {
        Files.writeString(config.resolve("settings.json"), "{{{ not json");
        UiWiring wiring = TestWiring.create();

        robot.interact(() -> new MainWindow(firstStage, wiring, store()).show());

        assertThat(firstStage.isShowing()).isTrue();
        assertThat(wiring.shell().getScreen()).isEqualTo(Screen.SERVICE_MAP);
        assertThat(firstStage.getWidth()).isEqualTo(Math.min(MainWindow.DEFAULT_WIDTH,
                javafx.stage.Screen.getPrimary().getVisualBounds().getWidth()));
        assertThat(config.resolve("settings.json.corrupt")).hasContent("{{{ not json");
        robot.interact(firstStage::hide);
        assertThat(store().load().screen()).isEqualTo("service-map");
    }
}
