package dev.tracedesk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks, before the toolkit starts, that a window can open: a display (X11 or Wayland) and GTK 3, which JavaFX
 * needs on Linux. Failing that, the user gets one clear sentence instead of a toolkit stack trace.
 */
public final class GuiPreflight {

    /** Exit status of the GUI command when no window can open. */
    public static final int NO_GUI_EXIT = 2;
    static final String GTK_LIBRARY = "libgtk-3.so.0";
    private static final List<String> LIB_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib",
            "/usr/local/lib");

    private final Map<String, String> env;
    private final List<Path> libraryDirs;
    private final Supplier<Optional<String>> ldconfigCache;

    public GuiPreflight(Map<String, String> env, List<Path> libraryDirs, Supplier<Optional<String>> ldconfigCache) {
        this.env = env;
        this.libraryDirs = libraryDirs;
        this.ldconfigCache = ldconfigCache;
    }

    public static GuiPreflight forSystem() {
        Map<String, String> env = System.getenv();
        List<Path> dirs = new ArrayList<>();
        String ldPath = env.get("LD_LIBRARY_PATH");
        if (ldPath != null) {
            for (String dir : ldPath.split(":")) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        LIB_DIRS.forEach(d -> dirs.add(Path.of(d)));
        return new GuiPreflight(env, dirs, () -> {
            Optional<String> out = SystemThemeDetector.run(List.of("ldconfig", "-p"));
            return out.isPresent() ? out : SystemThemeDetector.run(List.of("/sbin/ldconfig", "-p"));
        });
    }

    /** Empty when the window can open; otherwise the message to print. */
    public Optional<String> problem() {
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.of("No display: TraceDesk's window needs X11 or Wayland (DISPLAY and WAYLAND_DISPLAY are"
                    + " unset). Headless, use `tracedesk screenshots --out DIR` or `tracedesk sandbox`.");
        }
        if (!gtkAvailable()) {
            return Optional.of("GTK 3 is missing: JavaFX needs " + GTK_LIBRARY + " to open a window on Linux. Install"
                    + " the package libgtk-3-0 (Debian/Ubuntu: `sudo apt-get install libgtk-3-0`; Fedora: gtk3)."
                    + " Headless, use `tracedesk screenshots --out DIR` or `tracedesk sandbox`.");
        }
        return Optional.empty();
    }

    boolean gtkAvailable() {
        for (Path dir : libraryDirs) {
            if (Files.exists(dir.resolve(GTK_LIBRARY))) {
                return true;
            }
        }
        return ldconfigCache.get().map(out -> out.contains(GTK_LIBRARY)).orElse(false);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
