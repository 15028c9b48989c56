package dev.tracedesk.ui.common;

import java.net.URL;
import java.util.Objects;

/** Every FXML file of the application, so views are loaded by constant, never by a string literal. */
public enum FxmlView {
    SHELL("/fxml/ShellView.fxml"),
    SERVICE_MAP("/fxml/ServiceMapView.fxml"),
    TRACES("/fxml/TracesView.fxml"),
    ANALYTICS("/fxml/AnalyticsView.fxml"),
    SAMPLING("/fxml/SamplingView.fxml"),
    STACK("/fxml/StackView.fxml"),
    SIGN_IN("/fxml/SignInView.fxml");

    private final String resource;

    FxmlView(String resource) {
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }

    public URL url() {
        return Objects.requireNonNull(FxmlView.class.getResource(resource), () -> "missing FXML " + resource);
    }
}
