package dev.tracedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterHistoryTest {

    @Test
    void newestFirstWithoutRepeatsOrBlanks() {
        FilterHistory h = new FilterHistory();
        h.record("fault");
        h.record("  error ");
        h.record("");
        h.record("fault");
        assertThat(h.entries()).containsExactly("fault", "error");
    }

    @Test
    void boundedDroppingTheOldest() {
        FilterHistory h = new FilterHistory(3);
        for (String e : List.of("a", "b", "c", "d")) {
            h.record(e);
        }
        assertThat(h.entries()).containsExactly("d", "c", "b");
    }

    @Test
    void walkingBackAndForthGivesBackWhatWasTyped() {
        FilterHistory h = new FilterHistory();
        h.record("a");
        h.record("b");
        assertThat(h.newer()).isNull();
        assertThat(h.older("typing")).isEqualTo("b");
        assertThat(h.older("b")).isEqualTo("a");
        assertThat(h.older("a")).isNull();
        assertThat(h.newer()).isEqualTo("b");
        assertThat(h.newer()).isEqualTo("typing");
        assertThat(h.newer()).isNull();
    }

    @Test
    void restoredEntriesKeepTheirOrderWithinTheLimit() {
        FilterHistory h = new FilterHistory(2);
        h.setAll(Arrays.asList("x", null, "x", " ", "y", "z"));
        assertThat(h.entries()).containsExactly("x", "y");
    }
}
