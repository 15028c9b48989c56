package dev.tracedesk.app;

import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.common.ThemeChoice;
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
 * Renders every screen in every theme to {@code <dir>/<screen>-<theme>.png}. FX thread only; the toolkit must
 * already run (the {@code screenshots} command starts it headless).
 */
public final class ScreenshotRenderer {

    public static final int WIDTH = 1440;
    public static final int HEIGHT = 900;

    private final UiWiring wiring;

    public ScreenshotRenderer(UiWiring wiring) {
        this.wiring = wiring;
    }

    private Scene scene;

    /** Builds the scene (once); the command calls it early so screens can load data before they are drawn. */
    public Void prepare() {
        if (scene == null) {
            // Not shown in a window: a snapshot lays out and styles the scene itself, at any size the screen may lack.
            scene = new Scene(wiring.loadShell().root(), WIDTH, HEIGHT);
        }
        return null;
    }

    /** The screen as it is now, in both themes: {@code <name>-light.png}, {@code <name>-dark.png}. */
    public List<Path> renderCurrent(Path dir, String name) throws IOException {
        prepare();
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            wiring.shell().setThemeChoice(theme == Theme.DARK ? ThemeChoice.DARK : ThemeChoice.LIGHT);
            scene.snapshot(null); // a first pass applies the theme; canvases repaint on the pulse that follows
            Path file = dir.resolve(name + "-" + theme.id() + ".png");
            write(scene.snapshot(null), file);
            written.add(file);
        }
        return written;
    }

    public Void dispose() {
        wiring.shell().dispose();
        return null;
    }

    /** Returns the files written, in order. */
    public List<Path> renderAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        ShellViewModel shell = wiring.shell();
        prepare();
        List<Path> written = new ArrayList<>();
        try {
            for (Theme theme : Theme.values()) {
                shell.setThemeChoice(theme == Theme.DARK ? ThemeChoice.DARK : ThemeChoice.LIGHT);
                for (Screen screen : Screen.values()) {
                    shell.selectScreen(screen);
                    Path file = dir.resolve(screen.id() + "-" + theme.id() + ".png");
                    write(scene.snapshot(null), file);
                    written.add(file);
                }
            }
        } finally {
            shell.setThemeChoice(ThemeChoice.LIGHT);
        }
        return written;
    }

    private static void write(WritableImage image, Path file) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }
}
