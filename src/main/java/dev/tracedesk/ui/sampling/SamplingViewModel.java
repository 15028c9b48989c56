package dev.tracedesk.ui.sampling;

import dev.tracedesk.ui.common.EmptyState;
import java.util.ResourceBundle;

/**
 * The sampling rules screen's state. Until the screen's own issue lands it has no data source, so all it holds is its
 * honest empty state; it never shows invented data.
 */
public final class SamplingViewModel {

    private final EmptyState emptyState;

    public SamplingViewModel(ResourceBundle strings) {
        this.emptyState = new EmptyState(strings.getString("sampling.empty.title"), strings.getString("sampling.empty.message"));
    }

    public EmptyState emptyState() {
        return emptyState;
    }
}
