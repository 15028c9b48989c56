package dev.tracedesk.ui.map;

import dev.tracedesk.ui.common.EmptyState;
import java.util.ResourceBundle;

/**
 * The service map screen's state. Until the screen's own issue lands it has no data source, so all it holds is its
 * honest empty state; it never shows invented data.
 */
public final class ServiceMapViewModel {

    private final EmptyState emptyState;

    public ServiceMapViewModel(ResourceBundle strings) {
        this.emptyState = new EmptyState(strings.getString("map.empty.title"), strings.getString("map.empty.message"));
    }

    public EmptyState emptyState() {
        return emptyState;
    }
}
