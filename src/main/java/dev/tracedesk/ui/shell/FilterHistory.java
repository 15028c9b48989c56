package dev.tracedesk.ui.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The filter expressions applied, newest first: de-duplicated (applying one again moves it to the front), bounded,
 * and walked with up/down like a shell's history (the text being typed is kept as the "newest" entry while walking).
 * Plain Java; persisted by the app's settings.
 */
public final class FilterHistory {

    public static final int DEFAULT_LIMIT = 50;

    private final int limit;
    private final List<String> entries = new ArrayList<>();
    private int cursor = -1;
    private String draft = "";

    public FilterHistory() {
        this(DEFAULT_LIMIT);
    }

    public FilterHistory(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
    }

    /** Adds an applied expression at the front (blank ones are not remembered) and ends any walk. */
    public void record(String expression) {
        cursor = -1;
        String e = expression == null ? "" : expression.strip();
        if (e.isEmpty()) {
            return;
        }
        entries.remove(e);
        entries.add(0, e);
        while (entries.size() > limit) {
            entries.remove(entries.size() - 1);
        }
    }

    /** Replaces the entries (restored settings), keeping the order, dropping blanks and repeats, up to the limit. */
    public void setAll(List<String> restored) {
        entries.clear();
        cursor = -1;
        if (restored == null) {
            return;
        }
        for (String e : restored) {
            String s = e == null ? "" : e.strip();
            if (!s.isEmpty() && !entries.contains(s) && entries.size() < limit) {
                entries.add(s);
            }
        }
    }

    /** Newest first. */
    public List<String> entries() {
        return List.copyOf(entries);
    }

    /**
     * One step back in time from the walk's position; {@code current} is what the field holds, remembered when the
     * walk starts so that {@link #newer()} can give it back. Null when there is nothing older.
     */
    public String older(String current) {
        if (cursor + 1 >= entries.size()) {
            return null;
        }
        if (cursor == -1) {
            draft = current == null ? "" : current;
        }
        cursor++;
        return entries.get(cursor);
    }

    /** One step forward; past the newest entry gives back the text typed before the walk. Null when not walking. */
    public String newer() {
        if (cursor < 0) {
            return null;
        }
        cursor--;
        return cursor < 0 ? draft : entries.get(cursor);
    }
}
