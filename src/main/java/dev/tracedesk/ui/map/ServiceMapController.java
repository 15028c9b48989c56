package dev.tracedesk.ui.map;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Binds {@code ServiceMapView.fxml} to its {@link ServiceMapViewModel}. */
public final class ServiceMapController {

    private final ServiceMapViewModel model;

    @FXML
    Label emptyTitle;
    @FXML
    Label emptyMessage;

    public ServiceMapController(ServiceMapViewModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        emptyTitle.setText(model.emptyState().title());
        emptyMessage.setText(model.emptyState().message());
    }

    public ServiceMapViewModel model() {
        return model;
    }
}
