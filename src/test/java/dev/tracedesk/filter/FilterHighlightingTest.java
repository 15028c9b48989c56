package dev.tracedesk.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.filter.FilterHighlighting.Span;
import dev.tracedesk.filter.FilterHighlighting.Style;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FilterHighlightingTest {

    private static List<String> styled(String text) {
        return FilterHighlighting.spans(text).stream()
                .map(s -> text.substring(s.start(), s.end()) + ":" + s.style()).toList();
    }

    @Test
    void keywordsOperatorsNumbersStringsAndFunctionsGetTheirStyles() {
        assertThat(styled("service(\"AMIS_shop_accept\") AND responsetime >= 1.5 and !fault"))
                .containsExactly("service:FUNCTION", "(:PUNCTUATION", "\"AMIS_shop_accept\":STRING", "):PUNCTUATION",
                        "AND:LOGICAL", "responsetime:KEYWORD", ">=:OPERATOR", "1.5:NUMBER", "and:LOGICAL",
                        "!:OPERATOR", "fault:KEYWORD");
    }

    @Test
    void annotationKeysLiteralsEdgesAndRootCauseKeywords() {
        assertThat(styled("annotation.tenant = true OR edge(\"a\", \"b\") { ok } or rootcause.fault.service { name = \"x\" }"))
                .contains("annotation.tenant:ANNOTATION", "true:LITERAL", "edge:FUNCTION", "{:PUNCTUATION",
                        "ok:KEYWORD", "rootcause.fault.service:KEYWORD", "name:KEYWORD");
    }

    @Test
    void aTypoIsAPlainWordAndUnreadableCharactersAreInvalidWithoutStoppingTheRest() {
        assertThat(styled("responstime > 2 ~ fault")).containsExactly("responstime:WORD", ">:OPERATOR", "2:NUMBER",
                "~:INVALID", "fault:KEYWORD");
    }

    @Test
    void anUnterminatedStringIsStillAString() {
        assertThat(styled("http.url = \"/shop")).containsExactly("http.url:KEYWORD", "=:OPERATOR", "\"/shop:STRING");
    }

    @Test
    void blankTextHasNoSpans() {
        assertThat(FilterHighlighting.spans("  ")).isEmpty();
        assertThat(FilterHighlighting.spans(null)).isEmpty();
    }

    @Property(tries = 300)
    void anyTextGivesOrderedSpansInsideIt(@ForAll String text) {
        List<Span> spans = FilterHighlighting.spans(text);
        int at = 0;
        for (Span s : spans) {
            assertThat(s.start()).isGreaterThanOrEqualTo(at);
            assertThat(s.end()).isGreaterThan(s.start()).isLessThanOrEqualTo(text.length());
            at = s.end();
        }
        assertThat(spans).allMatch(s -> s.style() != null && s.style() != Style.INVALID
                || !text.substring(s.start(), s.end()).isBlank());
    }
}
