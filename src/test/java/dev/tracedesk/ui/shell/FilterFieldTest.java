package dev.tracedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.explore.traces.WindowVocabulary;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import dev.tracedesk.ui.common.Theme;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The top bar's filter field on its own: highlighting, the typo underlined, completion, history, Escape. */
@ExtendWith(ApplicationExtension.class)
class FilterFieldTest {

    private ShellViewModel shell;
    private FilterField field;
    private FilterFieldSupport support;

    @Start
    void start(Stage stage) {
        shell = new ShellViewModel(Strings.bundle(), Clock.systemUTC(), (period, action) -> () -> { },
                () -> Theme.LIGHT, ConnectionInfo.localSandbox(), new TaskMonitor(), new ErrorReporter(Clock.systemUTC()));
        WindowVocabulary seen = new WindowVocabulary();
        seen.addServices(WindowVocabulary.TRACES, List.of("AMIS_shop_accept", "AMIS_shop_update_db"));
        seen.addAnnotationKeys(WindowVocabulary.TRACES, List.of("tenant"));
        shell.filterEditor().setVocabulary(seen);
        field = new FilterField();
        field.setId("filterField");
        field.setPromptText("Filter expression (Ctrl+L)"); // the skin must colour the text, not the prompt
        field.textProperty().bindBidirectional(shell.filterProperty());
        support = new FilterFieldSupport(field, shell.filterEditor(), shell::applyFilter);
        VBox root = new VBox(field);
        Scene scene = new Scene(root, 700, 200);
        scene.getStylesheets().add(getClass().getResource("/css/light.css").toExternalForm());
        scene.getStylesheets().add(getClass().getResource("/css/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private FilterFieldSkin skin() {
        return (FilterFieldSkin) field.getSkin();
    }

    @Test
    void aTypoIsUnderlinedAtItsPositionAndEnterSendsNothing(FxRobot robot) throws Exception {
        long before = shell.getRefreshCount();
        robot.clickOn("#filterField").write("responstime > 2");
        // checked once typing pauses
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shell.filterEditor().getProblem() != null
                && shell.filterEditor().getProblem().end() == "responstime".length());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shell.filterEditor().getProblem().start()).isZero();
        assertThat(shell.filterEditor().getProblem().end()).isEqualTo("responstime".length());
        var underline = skin().underlineBoundsInField();
        assertThat(underline).isNotNull();
        assertThat(underline.getWidth()).isGreaterThan(30);
        assertThat(field.getTooltip().getText()).startsWith("Filter error at column 1");

        robot.type(KeyCode.ENTER);
        assertThat(shell.getRefreshCount()).isEqualTo(before);

        // fixing it takes the underline away after the pause
        robot.type(KeyCode.HOME).type(KeyCode.RIGHT, 7).write("e");
        assertThat(field.getText()).isEqualTo("responsetime > 2");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shell.filterEditor().getProblem() == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(skin().underlineBoundsInField()).isNull();
    }

    @Test
    void keywordsNumbersAndStringsAreDrawnInTheirStyles(FxRobot robot) {
        robot.interact(() -> field.setText("service(\"a\") and responsetime > 2"));
        WaitForAsyncUtils.waitForFxEvents();
        List<Text> tokens = skin().tokenNodes();
        assertThat(tokens).extracting(Text::getText)
                .containsExactly("service", "(", "\"a\"", ")", "and", "responsetime", ">", "2");
        assertThat(tokens.get(0).getStyleClass()).contains("filter-function");
        assertThat(tokens.get(2).getStyleClass()).contains("filter-string");
        assertThat(tokens.get(4).getStyleClass()).contains("filter-logical");
        assertThat(tokens.get(5).getStyleClass()).contains("filter-keyword");
        assertThat(tokens.get(7).getStyleClass()).contains("filter-number");
        // the pieces sit left to right, where the field's own glyphs are, which are drawn transparent
        assertThat(tokens.get(5).getX()).isGreaterThan(tokens.get(4).getX());
        assertThat(field.lookupAll(".text")).filteredOn(n -> n instanceof Text t && t.getText().equals(field.getText()))
                .allMatch(n -> javafx.scene.paint.Color.TRANSPARENT.equals(((Text) n).getFill()));
    }

    @Test
    void completionOffersServiceNamesAndAcceptsWithEnter(FxRobot robot) {
        robot.clickOn("#filterField").write("serv");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(support.isShowingCompletions()).isTrue();
        ListView<?> list = robot.lookup("#filterCompletions").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(Object::toString).anyMatch(s -> s.contains("service(…)"));

        robot.type(KeyCode.ENTER); // accepts service("") and offers the names inside the quotes
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo("service(\"\")");
        assertThat(support.isShowingCompletions()).isTrue();

        robot.write("upd").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo("service(\"AMIS_shop_update_db\")");
        assertThat(support.isShowingCompletions()).isFalse();
    }

    @Test
    void appliedExpressionsComeBackWithUpAndEscapeRevertsToTheOneInEffect(FxRobot robot) {
        robot.clickOn("#filterField").write("fault").type(KeyCode.ENTER);
        robot.interact(() -> field.clear());
        robot.write("responsetime > 1").type(KeyCode.ENTER);
        assertThat(shell.filterEditor().history().entries()).containsExactly("responsetime > 1", "fault");

        robot.interact(() -> field.setText(""));
        robot.type(KeyCode.UP);
        assertThat(field.getText()).isEqualTo("responsetime > 1");
        robot.type(KeyCode.UP);
        assertThat(field.getText()).isEqualTo("fault");
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN);
        assertThat(field.getText()).isEmpty();

        robot.write("error");
        robot.type(KeyCode.ESCAPE); // closes nothing (no list for a complete word), so it reverts
        assertThat(field.getText()).isEqualTo("responsetime > 1");
    }
}
