package dev.tracedesk.explore.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowVocabularyTest {

    @Test
    void eachSourceForgetsOnlyWhatItSawWhenItLoadsANewWindow() {
        WindowVocabulary v = new WindowVocabulary();
        v.addServices(WindowVocabulary.TRACES, List.of("b", "a", " "));
        v.addAnnotationKeys(WindowVocabulary.TRACES, List.of("tenant"));
        v.addServices(WindowVocabulary.MAP, List.of("a", "c"));
        assertThat(v.services()).containsExactly("a", "b", "c");

        v.reset(WindowVocabulary.TRACES);
        assertThat(v.services()).containsExactly("a", "c");
        assertThat(v.annotationKeys()).isEmpty();
    }
}
