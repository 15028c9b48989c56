package dev.tracedesk.ui.shell;

import java.util.List;

/**
 * What may replace the characters [{@code replaceStart}, {@code replaceEnd}) of the filter text at the caret.
 *
 * @param items the candidates, best first
 */
public record FilterCompletions(int replaceStart, int replaceEnd, List<Item> items) {

    public static final FilterCompletions NONE = new FilterCompletions(0, 0, List.of());

    /**
     * One candidate.
     *
     * @param label  what the list shows
     * @param insert the text that replaces the range
     * @param caret  where the caret goes, as an offset into {@code insert}
     * @param kind   keyword, function, annotation, service or logical (a style class suffix)
     */
    public record Item(String label, String insert, int caret, String kind) { }

    public FilterCompletions {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The text after accepting {@code item}. */
    public String apply(String text, Item item) {
        return text.substring(0, replaceStart) + item.insert() + text.substring(replaceEnd);
    }

    /** The caret position after accepting {@code item}. */
    public int caretAfter(Item item) {
        return replaceStart + item.caret();
    }
}
