package dev.tracedesk.app;

import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.common.ThemeChoice;
import dev.tracedesk.ui.map.ServiceMapCanvas;
import dev.tracedesk.ui.map.ServiceMapViewModel;
import dev.tracedesk.ui.shell.Screen;
import dev.tracedesk.ui.shell.ShellViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Renders every screen in every theme to {@code <dir>/<screen>-<theme>.png}, and the sign-in dialog to
 * {@code signin-<theme>.png}. FX thread only; the toolkit must
 * already run (the {@code screenshots} command starts it headless).
 */
public final class ScreenshotRenderer {

    public static final int WIDTH = 1440;
    public static final int HEIGHT = 900;

    private final UiWiring wiring;
    private Scene scene;

    public ScreenshotRenderer(UiWiring wiring) {
        this.wiring = wiring;
    }

    UiWiring wiring() {
        return wiring;
    }

    /** Returns the files written, in order. */
    public List<Path> renderAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        ShellViewModel shell = wiring.shell();
        Scene scene = prepare();
        List<Path> written = new ArrayList<>();
        try {
            for (Theme theme : Theme.values()) {
                shell.setThemeChoice(theme == Theme.DARK ? ThemeChoice.DARK : ThemeChoice.LIGHT);
                for (Screen screen : Screen.values()) {
                    shell.selectScreen(screen);
                    Path file = dir.resolve(screen.id() + "-" + theme.id() + ".png");
                    settle(scene);
                    write(scene.snapshot(null), file);
                    written.add(file);
                }
                // The sign-in dialog, over the first screen.
                shell.selectScreen(Screen.values()[0]);
                shell.openSignIn();
                Path file = dir.resolve("signin-" + theme.id() + ".png");
                write(scene.snapshot(null), file);
                written.add(file);
                shell.closeSignIn();
            }
        } finally {
            shell.dispose();
        }
        return written;
    }

    /** Builds the scene (once) with the first screen showing, so screens can start loading their data. */
    public Scene prepare() {
        if (scene == null) {
            // Not shown in a window: a snapshot lays out and styles the scene itself, at any size the screen may lack.
            scene = new Scene(wiring.loadShell().root(), WIDTH, HEIGHT);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        }
        return scene;
    }

    /** The service map's model once the map screen is loaded, or null. */
    public ServiceMapViewModel mapModel() {
        return prepare().lookup("#mapCanvas") instanceof ServiceMapCanvas canvas ? canvas.model() : null;
    }

    /** True when the map has finished loading (shown, empty or failed). */
    public boolean mapSettled() {
        ServiceMapViewModel model = mapModel();
        return model == null || (!model.busyProperty().get() && model.getState() != ServiceMapViewModel.State.LOADING);
    }

    /** Applies CSS and layout, and paints canvases now: their coalesced repaint would come after the snapshot. */
    private static void settle(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        if (scene.lookup("#mapCanvas") instanceof ServiceMapCanvas canvas && canvas.isVisible()) {
            canvas.paintImmediately();
        }
    }

    private static void write(WritableImage image, Path file) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }
}
