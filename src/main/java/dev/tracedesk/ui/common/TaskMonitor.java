package dev.tracedesk.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the status bar shows about background work: how many tasks run, the newest one's message and progress
 * ({@code -1} = indeterminate). Fed by {@link BackgroundTasks}. FX thread only.
 */
public final class TaskMonitor {

    /** One running task, as the status bar knows it. */
    public static final class Entry {
        private final String title;
        private String message;
        private double progress = -1;

        Entry(String title) {
            this.title = title;
            this.message = title;
        }
    }

    private final List<Entry> running = new ArrayList<>();
    private final ReadOnlyIntegerWrapper runningCount = new ReadOnlyIntegerWrapper(this, "runningCount");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);

    public ReadOnlyIntegerProperty runningCountProperty() {
        return runningCount.getReadOnlyProperty();
    }

    public int getRunningCount() {
        return runningCount.get();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String getMessage() {
        return message.get();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public double getProgress() {
        return progress.get();
    }

    Entry started(String title) {
        Entry entry = new Entry(title);
        running.add(entry);
        publish();
        return entry;
    }

    void progressed(Entry entry, double fraction, String newMessage) {
        entry.progress = fraction;
        if (newMessage != null && !newMessage.isBlank()) {
            entry.message = entry.title + " — " + newMessage;
        }
        publish();
    }

    void finished(Entry entry) {
        running.remove(entry);
        publish();
    }

    private void publish() {
        runningCount.set(running.size());
        if (running.isEmpty()) {
            message.set("");
            progress.set(0);
            return;
        }
        Entry newest = running.get(running.size() - 1);
        String more = running.size() > 1 ? " (+" + (running.size() - 1) + ")" : "";
        message.set(newest.message + more);
        progress.set(newest.progress);
    }
}
