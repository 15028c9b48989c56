package dev.tracedesk.ui.stack;

import dev.tracedesk.ui.common.EmptyState;
import java.util.ResourceBundle;

/**
 * The stack screen's state. Until the screen's own issue lands it has no data source, so all it holds is its
 * honest empty state; it never shows invented data.
 */
public final class StackViewModel {

    private final EmptyState emptyState;

    public StackViewModel(ResourceBundle strings) {
        this.emptyState = new EmptyState(strings.getString("stack.empty.title"), strings.getString("stack.empty.message"));
    }

    public EmptyState emptyState() {
        return emptyState;
    }
}
