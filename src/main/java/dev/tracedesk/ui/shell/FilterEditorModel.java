package dev.tracedesk.ui.shell;

import dev.tracedesk.explore.traces.WindowVocabulary;
import dev.tracedesk.filter.FilterHighlighting;
import dev.tracedesk.filter.FilterParser;
import dev.tracedesk.filter.FilterSyntaxException;
import dev.tracedesk.filter.FilterVocabulary;
import dev.tracedesk.ui.common.Strings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;

/**
 * The filter-expression field of the top bar, without controls: highlighting spans, the problem of a malformed
 * expression (position, length, message), completion candidates (keywords, {@code service(...)}, and the service
 * names and annotation keys seen in the window), the history of applied expressions, and the expression in effect
 * (Escape goes back to it). FX thread only.
 */
public final class FilterEditorModel {

    /** At most this many completion candidates are offered. */
    public static final int MAX_ITEMS = 40;

    /** A malformed expression: characters [start, end) to underline and what is wrong. */
    public record Problem(int start, int end, String message) { }

    private final ResourceBundle strings;
    private final StringProperty text;
    private final FilterHistory history = new FilterHistory();
    private final ReadOnlyStringWrapper applied = new ReadOnlyStringWrapper(this, "applied", "");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private WindowVocabulary vocabulary = new WindowVocabulary();

    FilterEditorModel(ResourceBundle strings, StringProperty text) {
        this.strings = Objects.requireNonNull(strings);
        this.text = Objects.requireNonNull(text);
    }

    /** The names and keys seen in the current window (shared with the screens that load data). */
    public void setVocabulary(WindowVocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary);
    }

    public WindowVocabulary vocabulary() {
        return vocabulary;
    }

    public FilterHistory history() {
        return history;
    }

    // ~ highlighting and problems

    /** The highlighting spans of {@code expression}. */
    public List<FilterHighlighting.Span> spans(String expression) {
        return FilterHighlighting.spans(expression);
    }

    /** The style class of a span: {@code filter-keyword}, {@code filter-string}, ... */
    public static String styleClass(FilterHighlighting.Style style) {
        return "filter-" + style.name().toLowerCase(Locale.ROOT);
    }

    /** The problem of the expression shown now (null when it parses or is blank). */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public Problem getProblem() {
        return problem.get();
    }

    /** Parses the current text and updates {@link #problemProperty()}; true when it can be applied. */
    public boolean check() {
        Problem p = problemOf(text.get());
        problem.set(p);
        return p == null;
    }

    /** The problem of {@code expression}, or null when it parses (or is blank: no filter). */
    public Problem problemOf(String expression) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        try {
            FilterParser.parse(expression);
            return null;
        } catch (FilterSyntaxException e) {
            int start = Math.max(0, Math.min(e.position(), expression.length()));
            int end = Math.min(expression.length(), start + e.length());
            return new Problem(start, end, Strings.format(strings, "traces.filterError", start + 1, e.reason()));
        }
    }

    // ~ applying, reverting, history

    /** The expression in effect: what the last refresh used. */
    public ReadOnlyStringProperty appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    public String getApplied() {
        return applied.get();
    }

    /** A refresh used the current text: it is now in effect, and in the history. */
    void applied() {
        applied.set(text.get() == null ? "" : text.get());
        history.record(applied.get());
    }

    /** Escape: back to the expression in effect. */
    public void revert() {
        text.set(applied.get());
        problem.set(null);
    }

    /** Up: the previous expression of the history into the field; false when there is none. */
    public boolean older() {
        String e = history.older(text.get());
        if (e == null) {
            return false;
        }
        text.set(e);
        check();
        return true;
    }

    /** Down: the next expression (at the end, what was typed before); false when not walking the history. */
    public boolean newer() {
        String e = history.newer();
        if (e == null) {
            return false;
        }
        text.set(e);
        check();
        return true;
    }

    // ~ completion

    /**
     * Candidates at {@code caret} in {@code expression}: inside the string of {@code service("…")} or
     * {@code edge("…", "…")} the service names seen; after {@code annotation.} the keys seen; on a word the keywords,
     * functions, annotation keys and services that start with it. With {@code explicit} false (typing) nothing is
     * offered on an empty word, and a word already complete offers nothing.
     */
    public FilterCompletions complete(String expression, int caret, boolean explicit) {
        String s = expression == null ? "" : expression;
        int at = Math.max(0, Math.min(caret, s.length()));
        int quote = openQuoteBefore(s, at);
        if (quote >= 0) {
            return inString(s, at, quote);
        }
        int start = at;
        while (start > 0 && isWordPart(s.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < s.length() && isWordPart(s.charAt(end))) {
            end++;
        }
        String prefix = s.substring(start, at);
        if ((prefix.isEmpty() && !explicit) || (!prefix.isEmpty() && !Character.isLetter(prefix.charAt(0))
                && prefix.charAt(0) != '_')) {
            return FilterCompletions.NONE;
        }
        String lower = prefix.toLowerCase(Locale.ROOT);
        Map<String, FilterCompletions.Item> items = new LinkedHashMap<>();
        if (lower.startsWith("annotation.")) {
            String key = prefix.substring("annotation.".length());
            for (String k : vocabulary.annotationKeys()) {
                if (k.startsWith(key)) {
                    add(items, new FilterCompletions.Item("annotation." + k, "annotation." + k,
                            ("annotation." + k).length(), "annotation"));
                }
            }
        } else {
            for (String f : FilterVocabulary.FUNCTIONS) {
                if (f.startsWith(lower)) {
                    String insert = f.equals("edge") ? "edge(\"\", \"\")" : f + "(\"\")";
                    add(items, new FilterCompletions.Item(f + "(…)", insert, f.length() + 2, "function"));
                }
            }
            for (String k : FilterVocabulary.KEYWORD_LIST) {
                if (k.startsWith(lower)) {
                    add(items, new FilterCompletions.Item(k, k, k.length(), "keyword"));
                }
            }
            for (String w : FilterVocabulary.LOGICAL) {
                if (w.startsWith(lower)) {
                    add(items, new FilterCompletions.Item(w, w, w.length(), "logical"));
                }
            }
            for (String k : vocabulary.annotationKeys()) {
                String full = "annotation." + k;
                if (full.toLowerCase(Locale.ROOT).startsWith(lower) || (!lower.isEmpty() && k.startsWith(prefix))) {
                    add(items, new FilterCompletions.Item(full, full, full.length(), "annotation"));
                }
            }
            for (String name : vocabulary.services()) {
                if (!lower.isEmpty() && (name.toLowerCase(Locale.ROOT).startsWith(lower) || "service".startsWith(lower))) {
                    String insert = "service(" + quoted(name) + ")";
                    add(items, new FilterCompletions.Item(insert, insert, insert.length(), "service"));
                }
            }
        }
        items.values().removeIf(item -> !explicit && item.insert().equals(prefix));
        if (!explicit && items.isEmpty()) {
            return FilterCompletions.NONE;
        }
        return new FilterCompletions(start, end, limit(items));
    }

    private FilterCompletions inString(String s, int at, int quote) {
        String function = enclosingFunction(s, quote);
        if (!"service".equals(function) && !"edge".equals(function)) {
            return FilterCompletions.NONE;
        }
        String typed = s.substring(quote + 1, at).toLowerCase(Locale.ROOT);
        int close = closingQuote(s, at);
        int end = close < 0 ? at : close + 1;
        Map<String, FilterCompletions.Item> items = new LinkedHashMap<>();
        for (String name : vocabulary.services()) {
            if (name.toLowerCase(Locale.ROOT).contains(typed)) {
                String insert = quoted(name);
                add(items, new FilterCompletions.Item(name, insert, insert.length(), "service"));
            }
        }
        return new FilterCompletions(quote, end, limit(items));
    }

    /** The position of the quote that opens the string the caret is in, or -1 when the caret is not in a string. */
    private static int openQuoteBefore(String s, int at) {
        int open = -1;
        for (int i = 0; i < at; i++) {
            char c = s.charAt(i);
            if (open >= 0 && c == '\\') {
                i++;
            } else if (c == '"') {
                open = open >= 0 ? -1 : i;
            }
        }
        return open;
    }

    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** The word before the unclosed '(' that encloses {@code pos} ({@code service}, {@code edge}, ...), or null. */
    private static String enclosingFunction(String s, int pos) {
        int depth = 0;
        boolean inString = false;
        for (int i = pos - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && c == ')') {
                depth++;
            } else if (!inString && c == '(') {
                if (depth == 0) {
                    int end = i;
                    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
                        end--;
                    }
                    int start = end;
                    while (start > 0 && isWordPart(s.charAt(start - 1))) {
                        start--;
                    }
                    return s.substring(start, end).toLowerCase(Locale.ROOT);
                }
                depth--;
            }
        }
        return null;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void add(Map<String, FilterCompletions.Item> items, FilterCompletions.Item item) {
        items.putIfAbsent(item.insert(), item);
    }

    private static List<FilterCompletions.Item> limit(Map<String, FilterCompletions.Item> items) {
        List<FilterCompletions.Item> list = new ArrayList<>(items.values());
        return list.size() > MAX_ITEMS ? list.subList(0, MAX_ITEMS) : list;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
