package dev.tracedesk.ui.traces;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Binds {@code TracesView.fxml} to its {@link TracesViewModel}. */
public final class TracesController {

    private final TracesViewModel model;

    @FXML
    Label emptyTitle;
    @FXML
    Label emptyMessage;

    public TracesController(TracesViewModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        emptyTitle.setText(model.emptyState().title());
        emptyMessage.setText(model.emptyState().message());
    }

    public TracesViewModel model() {
        return model;
    }
}
