package dev.tracedesk.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads FXML views with the application's strings and its {@link ControllerFactory}. FX thread only. */
public final class ViewLoader {

    /** A loaded view: its root node and the controller the factory built for it. */
    public record Loaded<C>(Parent root, C controller) {
    }

    private final ControllerFactory controllers;
    private final ResourceBundle strings;

    public ViewLoader(ControllerFactory controllers, ResourceBundle strings) {
        this.controllers = controllers;
        this.strings = strings;
    }

    public ResourceBundle strings() {
        return strings;
    }

    public <C> Loaded<C> load(FxmlView view) {
        FXMLLoader loader = new FXMLLoader(view.url(), strings);
        loader.setControllerFactory(controllers);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + view.resource(), e);
        }
    }
}
