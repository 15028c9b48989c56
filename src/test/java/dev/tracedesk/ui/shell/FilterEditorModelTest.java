package dev.tracedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.explore.traces.WindowVocabulary;
import dev.tracedesk.filter.FilterHighlighting;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import dev.tracedesk.ui.common.Theme;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FilterEditorModelTest {

    private ShellViewModel shell;
    private FilterEditorModel editor;

    @BeforeEach
    void setUp() {
        shell = new ShellViewModel(Strings.bundle(), Clock.systemUTC(), (period, action) -> () -> { },
                () -> Theme.LIGHT, ConnectionInfo.localSandbox(), new TaskMonitor(), new ErrorReporter(Clock.systemUTC()));
        editor = shell.filterEditor();
        WindowVocabulary seen = new WindowVocabulary();
        seen.addServices(WindowVocabulary.TRACES, List.of("AMIS_shop_accept", "AMIS_shop_decrypt", "AMIS_api_gateway/prod"));
        seen.addAnnotationKeys(WindowVocabulary.TRACES, List.of("tenant", "order_size"));
        editor.setVocabulary(seen);
    }

    private List<String> inserts(String text, int caret, boolean explicit) {
        return editor.complete(text, caret, explicit).items().stream().map(FilterCompletions.Item::insert).toList();
    }

    private String accept(String text, int caret, String insert) {
        FilterCompletions c = editor.complete(text, caret, true);
        FilterCompletions.Item item = c.items().stream().filter(i -> i.insert().equals(insert)).findFirst().orElseThrow();
        return c.apply(text, item);
    }

    @Test
    void aWordCompletesToKeywordsFunctionsAndSeenServices() {
        assertThat(inserts("resp", 4, false)).containsExactly("responsetime");
        assertThat(inserts("se", 2, false)).contains("service(\"\")", "service(\"AMIS_shop_accept\")");
        assertThat(inserts("AMIS_shop_d", 11, false)).containsExactly("service(\"AMIS_shop_decrypt\")");
        assertThat(inserts("fault and http.", 15, false)).contains("http.url", "http.status", "http.method");
    }

    @Test
    void annotationKeysSeenInTheWindowAreOffered() {
        assertThat(inserts("annotation.", 11, false)).containsExactly("annotation.order_size", "annotation.tenant");
        assertThat(inserts("annotation.te", 13, false)).containsExactly("annotation.tenant");
        assertThat(inserts("ten", 3, false)).contains("annotation.tenant");
    }

    @Test
    void insideTheQuotesOfServiceOrEdgeTheSeenNamesAreOffered() {
        assertThat(inserts("service(\"dec", 12, false)).containsExactly("\"AMIS_shop_decrypt\"");
        assertThat(inserts("edge(\"AMIS_shop_accept\", \"", 26, false)).hasSize(3);
        assertThat(inserts("http.url = \"/sh", 15, false)).isEmpty(); // a URL string: no names to offer
    }

    @Test
    void acceptingReplacesTheWordOrTheWholeString() {
        assertThat(accept("fault and respo > 1", 15, "responsetime")).isEqualTo("fault and responsetime > 1");
        assertThat(accept("service(\"acc\") { fault }", 12, "\"AMIS_shop_accept\""))
                .isEqualTo("service(\"AMIS_shop_accept\") { fault }");
        FilterCompletions c = editor.complete("serv", 4, false);
        FilterCompletions.Item function = c.items().get(0);
        assertThat(c.apply("serv", function)).isEqualTo("service(\"\")");
        assertThat(c.caretAfter(function)).isEqualTo("service(\"".length()); // between the quotes
    }

    @Test
    void typingOffersNothingOnACompleteWordANumberOrNothingTyped() {
        assertThat(editor.complete("fault", 5, false).isEmpty()).isTrue();
        assertThat(editor.complete("responsetime > 2", 16, false).isEmpty()).isTrue();
        assertThat(editor.complete("fault and ", 10, false).isEmpty()).isTrue();
        assertThat(editor.complete("fault and ", 10, true).items()).hasSizeGreaterThan(10); // Ctrl+Space: everything
        assertThat(editor.complete("fault and ", 10, true).items()).hasSizeLessThanOrEqualTo(FilterEditorModel.MAX_ITEMS);
    }

    @Test
    void aMalformedExpressionIsAProblemWithItsPositionAndIsNotApplied() {
        long before = shell.getRefreshCount();
        shell.filterProperty().set("fault and responsetime >");
        assertThat(shell.applyFilter()).isFalse();
        assertThat(shell.getRefreshCount()).isEqualTo(before);
        FilterEditorModel.Problem p = editor.getProblem();
        assertThat(p.start()).isEqualTo(24);
        assertThat(p.message()).startsWith("Filter error at column 25");

        shell.filterProperty().set("fault and responsetime > 1");
        assertThat(shell.applyFilter()).isTrue();
        assertThat(editor.getProblem()).isNull();
        assertThat(shell.getRefreshCount()).isEqualTo(before + 1);
        assertThat(editor.getApplied()).isEqualTo("fault and responsetime > 1");
    }

    @Test
    void escapeRevertsToTheExpressionInEffectAndAppliedOnesAreRemembered() {
        shell.filterProperty().set("fault");
        shell.applyFilter();
        shell.filterProperty().set("error");
        shell.applyFilter();
        shell.filterProperty().set("fault"); // again: moves to the front, not twice
        shell.applyFilter();
        assertThat(editor.history().entries()).containsExactly("fault", "error");

        shell.filterProperty().set("throttle and");
        editor.check();
        editor.revert();
        assertThat(shell.getFilter()).isEqualTo("fault");
        assertThat(editor.getProblem()).isNull();

        assertThat(editor.older()).isTrue();
        assertThat(shell.getFilter()).isEqualTo("fault");
        assertThat(editor.older()).isTrue();
        assertThat(shell.getFilter()).isEqualTo("error");
        assertThat(editor.older()).isFalse();
        assertThat(editor.newer()).isTrue();
        assertThat(editor.newer()).isTrue();
        assertThat(shell.getFilter()).isEqualTo("fault"); // what was in the field before the walk
        assertThat(editor.newer()).isFalse();
    }

    @Test
    void spansMapToStyleClasses() {
        assertThat(editor.spans("fault")).extracting(FilterHighlighting.Span::style)
                .containsExactly(FilterHighlighting.Style.KEYWORD);
        assertThat(FilterEditorModel.styleClass(FilterHighlighting.Style.STRING)).isEqualTo("filter-string");
    }
}
