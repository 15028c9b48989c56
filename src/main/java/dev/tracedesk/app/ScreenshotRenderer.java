package dev.tracedesk.app;

import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.common.ThemeChoice;
import dev.tracedesk.ui.analytics.AnalyticsController;
import dev.tracedesk.ui.analytics.HistogramChart;
import dev.tracedesk.ui.analytics.TimeSeriesChart;
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
            shell.setThemeChoice(ThemeChoice.LIGHT);
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

    /** Shows the analytics screen once, so it starts loading its window (the screen list is left as it was). */
    public boolean loadAnalytics() {
        Screen before = wiring.shell().getScreen();
        wiring.shell().selectScreen(Screen.ANALYTICS);
        wiring.shell().selectScreen(before);
        return wiring.analytics() != null;
    }

    private AnalyticsController analytics() {
        prepare();
        return wiring.analytics();
    }

    /** True once the analytics screen has its data (or is not loaded). */
    public boolean analyticsSettled() {
        AnalyticsController c = analytics();
        return c == null || (!c.model().loadingProperty().get() && c.model().dataProperty().get() != null);
    }

    /** Brushes the analytics histogram from {@code seconds} to the maximum. */
    public boolean brushAnalytics(double seconds) {
        AnalyticsController c = analytics();
        if (c != null) {
            c.model().brushAtLeast(seconds);
        }
        return c != null;
    }

    /** Applies CSS and layout, and paints canvases now: their coalesced repaint would come after the snapshot. */
    private static void settle(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        if (scene.lookup("#mapCanvas") instanceof ServiceMapCanvas canvas && canvas.isVisible()) {
            canvas.paintImmediately();
        }
        if (scene.lookup("#histogramChart") instanceof HistogramChart chart) {
            chart.paint();
        }
        if (scene.lookup("#seriesChart") instanceof TimeSeriesChart chart) {
            chart.paint();
        }
    }

    private static void write(WritableImage image, Path file) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }
}
