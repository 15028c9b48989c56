package dev.tracedesk.ui.map;

import dev.tracedesk.ui.common.TimeWindow;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * What the map needs from the window around it (the shell, wired in {@code app}): the time window and filter of the
 * top bar, its refreshes (F5, auto-refresh, a new range), and a way to open the Traces screen.
 */
public interface MapContext {

    ReadOnlyObjectProperty<TimeWindow> windowProperty();

    /** Increases on every refresh; the map reloads in live mode. */
    ReadOnlyLongProperty refreshCountProperty();

    /** The top bar's filter expression (blank = none). */
    ObservableStringValue filterProperty();

    /** Talking to the local sandbox rather than AWS (changes what a connection failure means). */
    boolean isSandbox();

    /** Opens the Traces screen filtered by {@code filterExpression} over {@code window}. */
    void showTraces(String filterExpression, TimeWindow window);
}
