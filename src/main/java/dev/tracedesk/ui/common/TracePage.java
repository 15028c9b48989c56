package dev.tracedesk.ui.common;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.value.ObservableValue;

/**
 * The trace page (timeline, details, logs) as the screens that embed it through {@code fx:include} see it: the Traces
 * and Analytics screens hold this, not the {@code ui.trace} controller, so no screen imports another screen.
 */
public interface TracePage {
    /** Loads and shows the trace with this id. */
    void open(String traceId);

    /** Opens a trace file (X-Ray JSON) the user picked. */
    void openFile(Path file);

    /** Writes the traces with these ids to a file. */
    void saveIds(Path file, List<String> ids);

    /** What the Back button does. */
    void setOnBack(Runnable handler);

    void setZone(ZoneId zone);

    /** Follows the embedding screen's time zone. */
    void bindZone(ObservableValue<ZoneId> zone);

    /** Gives the timeline the keyboard focus (the page just became visible). */
    void focusTimeline();
}
