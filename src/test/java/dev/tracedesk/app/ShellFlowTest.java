package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.common.ThemeChoice;
import dev.tracedesk.ui.common.TimeRange;
import dev.tracedesk.ui.shell.Screen;
import dev.tracedesk.ui.shell.ShellViewModel;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shell's flows in a real (headless) scene: navigation, shortcuts, refresh, theme, time range, banner, status. */
@ExtendWith(ApplicationExtension.class)
class ShellFlowTest {

    private static final List<String> NAV_IDS = List.of("#navServiceMap", "#navTraces", "#navAnalytics",
            "#navSampling", "#navStack");
    private static final List<String> SCREEN_IDS = List.of("#serviceMapScreen", "#tracesScreen", "#analyticsScreen",
            "#samplingScreen", "#stackScreen");
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
        KeyCode.DIGIT5};

    private final CountDownLatch releaseWorker = new CountDownLatch(1);
    private UiWiring wiring;
    private ShellViewModel shell;
    private Scene scene;

    @Start
    void start(Stage stage) {
        // the worker is a plain thread so a test can hold a task "running" and look at the status bar
        wiring = TestWiring.create(command -> new Thread(command, "test-worker").start());
        shell = wiring.shell();
        scene = new Scene(wiring.loadShell().root(), 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void release() {
        releaseWorker.countDown();
    }

    @Test
    void everyScreenIsReachableByClick(FxRobot robot) {
        for (int i = NAV_IDS.size() - 1; i >= 0; i--) {
            robot.clickOn(NAV_IDS.get(i));

            assertThat(shell.getScreen()).isEqualTo(Screen.values()[i]);
            assertShowing(robot, SCREEN_IDS.get(i));
        }
    }

    @Test
    void everyScreenIsReachableByCtrlAndItsDigit(FxRobot robot) {
        for (int i = DIGITS.length - 1; i >= 0; i--) {
            robot.press(KeyCode.CONTROL, DIGITS[i]).release(DIGITS[i], KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(shell.getScreen()).isEqualTo(Screen.values()[i]);
            assertShowing(robot, SCREEN_IDS.get(i));
        }
    }

    @Test
    void clickingTheCurrentScreenAgainKeepsItSelected(FxRobot robot) {
        robot.clickOn("#navTraces").clickOn("#navTraces");

        assertThat(robot.lookup("#navTraces").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertShowing(robot, "#tracesScreen");
    }

    @Test
    void theStackScreenSaysWhyThereIsNoShopToLoadTest(FxRobot robot) throws Exception {
        robot.clickOn("#navStack"); // this window's sandbox directory holds no shop stack

        Label target = robot.lookup("#stackScreen #loadTarget").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> target.getText().contains("runs no shop stack"));
        assertThat(target.getText()).startsWith("The local sandbox runs no shop stack");
    }

    @Test
    void ctrlLFocusesTheFilter(FxRobot robot) {
        robot.clickOn("#navSampling");
        assertThat(robot.lookup("#filterField").queryAs(TextField.class).isFocused()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#filterField").queryAs(TextField.class).isFocused()).isTrue();
        robot.write("responsetime > 2");
        assertThat(shell.getFilter()).isEqualTo("responsetime > 2");
    }

    @Test
    void f5AndTheButtonAndEnterInTheFilterRefresh(FxRobot robot) {
        long before = shell.getRefreshCount();

        robot.clickOn("#navTraces").type(KeyCode.F5);
        assertThat(shell.getRefreshCount()).isEqualTo(before + 1);

        robot.clickOn("#refreshButton");
        assertThat(shell.getRefreshCount()).isEqualTo(before + 2);

        robot.clickOn("#filterField").write("fault = true").type(KeyCode.ENTER);
        assertThat(shell.getRefreshCount()).isEqualTo(before + 3);
        assertThat(robot.lookup("#statusFilter").queryAs(Label.class).getText()).isEqualTo("Filter: fault = true");
    }

    @Test
    void themeSwitchesToDarkAndBack(FxRobot robot) {
        assertThat(scene.getStylesheets().get(0)).endsWith("/css/light.css");

        robot.clickOn("#themeChoice").clickOn("Dark");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shell.getThemeChoice()).isEqualTo(ThemeChoice.DARK);
        assertThat(shell.getTheme()).isEqualTo(Theme.DARK);
        assertThat(scene.getStylesheets().get(0)).endsWith("/css/dark.css");
        assertThat(scene.getStylesheets()).noneMatch(sheet -> sheet.endsWith("/css/light.css"));
        assertThat(scene.getRoot().getStyleClass()).contains("theme-dark").doesNotContain("theme-light");

        robot.clickOn("#themeChoice").clickOn("Light");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getStylesheets().get(0)).endsWith("/css/light.css");
    }

    @Test
    void presetButtonsSetARelativeRange(FxRobot robot) {
        robot.clickOn("#range3h");

        assertThat(shell.getWindow().length()).hasHours(3);
        assertThat(robot.lookup("#statusWindow").queryAs(Label.class).getText()).startsWith("Last 3 hours (");
    }

    @Test
    void timeRangePickerSetsAnAbsoluteRangeInUtc(FxRobot robot) {
        robot.clickOn("#rangeAbsolute");
        assertThat(robot.lookup("#absoluteRangeBar").query().isVisible()).isTrue();
        assertThat(robot.lookup("#fromField").queryAs(TextField.class).getText()).isEqualTo("2026-11-28 11:45:00");

        robot.clickOn("#utcToggle");
        replaceText(robot, "#fromField", "2026-11-27 08:00");
        replaceText(robot, "#toField", "2026-11-27 09:30:15");
        robot.clickOn("#applyRangeButton");

        assertThat(shell.timeRange().getRange()).isEqualTo(new TimeRange.Absolute(
                Instant.parse("2026-11-27T08:00:00Z"), Instant.parse("2026-11-27T09:30:15Z")));
        assertThat(shell.getWindow().from()).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(robot.lookup("#rangeError").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#statusWindow").queryAs(Label.class).getText())
                .startsWith("2026-11-27 08:00:00 – 09:30:15 UTC");

        robot.clickOn("#range5m");
        assertThat(robot.lookup("#absoluteRangeBar").query().isVisible()).isFalse();
        assertThat(shell.timeRange().getRange()).isInstanceOf(TimeRange.Relative.class);
    }

    @Test
    void badAbsoluteRangeSaysWhatIsWrongAndKeepsTheRange(FxRobot robot) {
        TimeRange before = shell.timeRange().getRange();
        robot.clickOn("#rangeAbsolute");
        replaceText(robot, "#toField", "tomorrow");
        robot.clickOn("#applyRangeButton");

        assertThat(robot.lookup("#rangeError").queryAs(Label.class).getText()).startsWith("To:");
        assertThat(shell.timeRange().getRange()).isEqualTo(before);
    }

    @Test
    void errorBannerShowsAndDismisses(FxRobot robot) {
        assertThat(robot.lookup("#errorBanner").query().isVisible()).isFalse();

        robot.interact(() -> wiring.errors().report("Cannot reach the sandbox", new RuntimeException("refused")));

        assertThat(robot.lookup("#errorBanner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#errorMessage").queryAs(Label.class).getText()).isEqualTo("Cannot reach the sandbox");
        robot.clickOn("#navTraces"); // non-modal: the window still works
        assertThat(shell.getScreen()).isEqualTo(Screen.TRACES);

        robot.clickOn("#dismissErrorButton");
        assertThat(robot.lookup("#errorBanner").query().isVisible()).isFalse();
    }

    @Test
    void statusBarShowsBackgroundWork(FxRobot robot) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        // The first screen loads its own data at start; wait until that work has finished, so ours is alone.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> "Idle".equals(robot.lookup("#statusMessage").queryAs(Label.class).getText()));
        robot.interact(() -> wiring.tasks().task("Loading traces", progress -> {
            progress.update(0.5, "page 2 of 4");
            releaseWorker.await(10, TimeUnit.SECONDS);
            return null;
        }).andFinally(done::countDown).start());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#statusProgress").queryAs(ProgressBar.class).getProgress() == 0.5);

        assertThat(robot.lookup("#statusProgress").query().isVisible()).isTrue();
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText())
                .isEqualTo("Loading traces — page 2 of 4");

        releaseWorker.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statusProgress").query().isVisible()).isFalse();
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).isEqualTo("Idle");
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write(text);
    }

    private static void assertShowing(FxRobot robot, String screenId) {
        Node screen = robot.lookup(screenId).query();
        assertThat(screen.getScene()).isNotNull();
        assertThat(screen.isVisible()).isTrue();
    }
}
