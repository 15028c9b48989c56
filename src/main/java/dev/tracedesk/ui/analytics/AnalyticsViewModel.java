package dev.tracedesk.ui.analytics;

import dev.tracedesk.ui.common.EmptyState;
import java.util.ResourceBundle;

/**
 * The analytics screen's state. Until the screen's own issue lands it has no data source, so all it holds is its
 * honest empty state; it never shows invented data.
 */
public final class AnalyticsViewModel {

    private final EmptyState emptyState;

    public AnalyticsViewModel(ResourceBundle strings) {
        this.emptyState = new EmptyState(strings.getString("analytics.empty.title"), strings.getString("analytics.empty.message"));
    }

    public EmptyState emptyState() {
        return emptyState;
    }
}
