package dev.tracedesk.ui.common;

import java.util.List;
import javafx.scene.Scene;

/** Puts a theme's stylesheet first on a scene, ahead of the application's component stylesheet. FX thread only. */
public final class Themes {

    /** Component styles; they use only the looked-up colours that each theme defines on {@code .root}. */
    public static final String APP_STYLESHEET = "/css/app.css";

    private Themes() {
    }

    public static void apply(Scene scene, Theme theme) {
        // The theme sheet sits on the scene (not on a sub-node) so its .root colours resolve everywhere.
        String app = Themes.class.getResource(APP_STYLESHEET).toExternalForm();
        List<String> sheets = scene.getStylesheets();
        for (Theme t : Theme.values()) {
            sheets.remove(t.stylesheet());
        }
        sheets.remove(app);
        sheets.add(0, theme.stylesheet());
        sheets.add(1, app);
        scene.getRoot().getStyleClass().removeIf(c -> c.startsWith("theme-"));
        scene.getRoot().getStyleClass().add("theme-" + theme.id());
    }
}
