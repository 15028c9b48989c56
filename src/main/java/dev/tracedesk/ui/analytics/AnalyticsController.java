package dev.tracedesk.ui.analytics;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Binds {@code AnalyticsView.fxml} to its {@link AnalyticsViewModel}. */
public final class AnalyticsController {

    private final AnalyticsViewModel model;

    @FXML
    Label emptyTitle;
    @FXML
    Label emptyMessage;

    public AnalyticsController(AnalyticsViewModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        emptyTitle.setText(model.emptyState().title());
        emptyMessage.setText(model.emptyState().message());
    }

    public AnalyticsViewModel model() {
        return model;
    }
}
