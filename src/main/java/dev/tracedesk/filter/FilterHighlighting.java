package dev.tracedesk.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Colour classes for the characters of a filter expression, for an editor that highlights as you type. Never throws:
 * text the lexer cannot read is marked {@link Style#INVALID} and the rest is still classified. Whitespace gets no span.
 */
public final class FilterHighlighting {

    /** What a span of the expression is. */
    public enum Style {
        /** {@code responsetime}, {@code http.url}, {@code rootcause.fault.service}, {@code group.name}, ... */
        KEYWORD,
        /** {@code service}, {@code edge}, {@code id}: the complex keywords that take arguments in parentheses. */
        FUNCTION,
        /** {@code annotation.KEY}. */
        ANNOTATION,
        /** {@code and}, {@code or}, {@code not}. */
        LOGICAL,
        /** {@code = != < <= > >= !}. */
        OPERATOR,
        STRING,
        NUMBER,
        /** {@code true}, {@code false}. */
        LITERAL,
        /** Parentheses, braces, commas, colons. */
        PUNCTUATION,
        /** {@code #[ ... ]} raw JSON. */
        JSON,
        /** A word that is no keyword (a typo, or an argument name such as {@code name} in {@code id(name: ...)}). */
        WORD,
        /** Characters the lexer rejects. */
        INVALID
    }

    /** Characters [start, end) of the expression, in one style. */
    public record Span(int start, int end, Style style) { }

    private FilterHighlighting() {
    }

    /** The spans of {@code text} in order, without overlaps; empty for null or blank text. */
    public static List<Span> spans(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Token> tokens = Lexer.tokenizeLenient(text);
        List<Span> spans = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            spans.add(new Span(t.start(), t.end(), style(t, next)));
        }
        return spans;
    }

    private static Style style(Token t, Token next) {
        switch (t.kind()) {
            case NUMBER: return Style.NUMBER;
            case STRING: return Style.STRING;
            case OP:
            case BANG: return Style.OPERATOR;
            case JSON: return Style.JSON;
            case INVALID: return Style.INVALID;
            case WORD: return word(t.text().toLowerCase(Locale.ROOT), next);
            default: return Style.PUNCTUATION;
        }
    }

    private static Style word(String w, Token next) {
        if (w.equals("and") || w.equals("or") || w.equals("not")) return Style.LOGICAL;
        if (w.equals("true") || w.equals("false")) return Style.LITERAL;
        if (w.startsWith("annotation.")) return Style.ANNOTATION;
        boolean call = next != null && next.kind() == Token.Kind.LPAREN;
        if (w.equals("service") || w.equals("edge") || (w.equals("id") && call)) return Style.FUNCTION;
        if (FilterVocabulary.isKeyword(w) || w.startsWith("rootcause.") || w.equals("rootcause")) return Style.KEYWORD;
        return Style.WORD;
    }
}
