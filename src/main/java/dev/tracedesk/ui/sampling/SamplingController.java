package dev.tracedesk.ui.sampling;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Binds {@code SamplingView.fxml} to its {@link SamplingViewModel}. */
public final class SamplingController {

    private final SamplingViewModel model;

    @FXML
    Label emptyTitle;
    @FXML
    Label emptyMessage;

    public SamplingController(SamplingViewModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        emptyTitle.setText(model.emptyState().title());
        emptyMessage.setText(model.emptyState().message());
    }

    public SamplingViewModel model() {
        return model;
    }
}
