package dev.tracedesk.app;

import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.shell.ShellViewModel;
import java.io.IOException;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the shell into a stage and makes the window remember itself: size, position, maximized state, theme, last
 * screen and the UTC choice are restored from {@link SettingsStore} on {@link #show()} and saved when the window is
 * hidden. FX thread only.
 */
public final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    static final double DEFAULT_WIDTH = 1440;
    static final double DEFAULT_HEIGHT = 900;

    private final Stage stage;
    private final UiWiring wiring;
    private final SettingsStore store;
    private Settings.WindowBounds normalBounds;
    private boolean saved;

    public MainWindow(Stage stage, UiWiring wiring, SettingsStore store) {
        this.stage = stage;
        this.wiring = wiring;
        this.store = store;
    }

    public void show() {
        Settings settings = store.load();
        ShellViewModel shell = wiring.shell();
        shell.setThemeChoice(settings.theme());
        shell.selectScreen(settings.screenOrDefault());
        shell.timeRange().setUtc(settings.utc());
        shell.filterEditor().history().setAll(settings.filterHistory());

        Parent root = wiring.loadShell().root();
        Settings.WindowBounds bounds = settings.window();
        boolean usable = bounds != null && onSomeScreen(bounds);
        Rectangle2D desktop = Screen.getPrimary().getVisualBounds();
        Scene scene = usable ? new Scene(root, bounds.width(), bounds.height())
                : new Scene(root, Math.min(DEFAULT_WIDTH, desktop.getWidth()), Math.min(DEFAULT_HEIGHT, desktop.getHeight()));
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> Strings.format(wiring.strings(), "app.title", wiring.strings().getString(shell.getScreen().titleKey())),
                shell.screenProperty()));
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        if (usable) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setWidth(bounds.width());
            stage.setHeight(bounds.height());
            normalBounds = bounds;
        }
        stage.setOnHidden(e -> save());
        stage.show();
        if (!usable) {
            stage.centerOnScreen();
        }
        if (bounds != null && bounds.maximized()) {
            stage.setMaximized(true);
        }
        trackNormalBounds();
        LOG.info("Main window open on {} ({})", shell.getScreen().id(), shell.getTheme().id());
    }

    /** The settings the window would save now. */
    public Settings currentSettings() {
        ShellViewModel shell = wiring.shell();
        Settings.WindowBounds bounds = normalBounds != null ? normalBounds : currentBounds();
        Settings.WindowBounds withState = new Settings.WindowBounds(bounds.x(), bounds.y(), bounds.width(),
                bounds.height(), stage.isMaximized());
        return new Settings(withState, shell.getThemeChoice(), shell.getScreen().id(), shell.timeRange().isUtc(),
                shell.filterEditor().history().entries());
    }

    /** Saves once (hidden and application stop both call this); logs and goes on when the disk says no. */
    public void save() {
        if (saved) {
            return;
        }
        saved = true;
        wiring.shell().dispose();
        try {
            store.save(currentSettings());
        } catch (IOException e) {
            LOG.warn("Cannot save settings to {}", store.file(), e);
        }
    }

    private void trackNormalBounds() {
        Runnable remember = () -> {
            if (!stage.isMaximized() && !stage.isIconified()) {
                normalBounds = currentBounds();
            }
        };
        stage.xProperty().addListener((obs, o, n) -> remember.run());
        stage.yProperty().addListener((obs, o, n) -> remember.run());
        stage.widthProperty().addListener((obs, o, n) -> remember.run());
        stage.heightProperty().addListener((obs, o, n) -> remember.run());
        remember.run();
    }

    private Settings.WindowBounds currentBounds() {
        return new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    }

    /** A monitor may have gone since last time: only reuse a position whose title bar area is visible somewhere. */
    private static boolean onSomeScreen(Settings.WindowBounds b) {
        return !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), Math.min(b.width(), 200), 40)).isEmpty();
    }
}
