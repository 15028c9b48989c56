package dev.tracedesk.ui.traces;

import dev.tracedesk.ui.common.EmptyState;
import java.util.ResourceBundle;

/**
 * The traces screen's state. Until the screen's own issue lands it has no data source, so all it holds is its
 * honest empty state; it never shows invented data.
 */
public final class TracesViewModel {

    private final EmptyState emptyState;

    public TracesViewModel(ResourceBundle strings) {
        this.emptyState = new EmptyState(strings.getString("traces.empty.title"), strings.getString("traces.empty.message"));
    }

    public EmptyState emptyState() {
        return emptyState;
    }
}
