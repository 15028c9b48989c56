package dev.tracedesk.ui.stack;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Binds {@code StackView.fxml} to its {@link StackViewModel}. */
public final class StackController {

    private final StackViewModel model;

    @FXML
    Label emptyTitle;
    @FXML
    Label emptyMessage;

    public StackController(StackViewModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        emptyTitle.setText(model.emptyState().title());
        emptyMessage.setText(model.emptyState().message());
    }

    public StackViewModel model() {
        return model;
    }
}
