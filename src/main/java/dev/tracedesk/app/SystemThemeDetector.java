package dev.tracedesk.app;

import dev.tracedesk.ui.common.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the desktop's light/dark preference where Linux desktops publish it, in this order: the {@code GTK_THEME}
 * variable, GNOME's {@code color-scheme} and {@code gtk-theme} (through {@code gsettings}), then
 * {@code ~/.config/gtk-3.0/settings.ini}. Anything unreadable means light.
 */
public final class SystemThemeDetector {

    private static final Logger LOG = LoggerFactory.getLogger(SystemThemeDetector.class);

    private final Map<String, String> env;
    private final Function<List<String>, Optional<String>> command;
    private final Path gtkSettings;

    public SystemThemeDetector(Map<String, String> env, Function<List<String>, Optional<String>> command,
            Path gtkSettings) {
        this.env = env;
        this.command = command;
        this.gtkSettings = gtkSettings;
    }

    /** For this process: the real environment, {@code gsettings} on the PATH, the user's GTK settings. */
    public static SystemThemeDetector forSystem(Path configHome) {
        return new SystemThemeDetector(System.getenv(), SystemThemeDetector::run,
                configHome.resolve("gtk-3.0").resolve("settings.ini"));
    }

    public Theme detect() {
        String gtkTheme = env.get("GTK_THEME");
        if (gtkTheme != null && !gtkTheme.isBlank()) {
            return darkName(gtkTheme) ? Theme.DARK : Theme.LIGHT;
        }
        Optional<String> scheme = command.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.isPresent()) {
            String value = unquote(scheme.get());
            if (value.equals("prefer-dark")) {
                return Theme.DARK;
            }
            if (value.equals("prefer-light")) {
                return Theme.LIGHT;
            }
        }
        Optional<String> gnomeTheme = command.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"));
        if (gnomeTheme.isPresent() && !unquote(gnomeTheme.get()).isEmpty()) {
            return darkName(unquote(gnomeTheme.get())) ? Theme.DARK : Theme.LIGHT;
        }
        return fromGtkSettings();
    }

    private Theme fromGtkSettings() {
        if (gtkSettings == null || !Files.isRegularFile(gtkSettings)) {
            return Theme.LIGHT;
        }
        try {
            for (String line : Files.readAllLines(gtkSettings, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
                if (key.equals("gtk-application-prefer-dark-theme") && (value.equals("1") || value.equals("true"))) {
                    return Theme.DARK;
                }
                if (key.equals("gtk-theme-name") && darkName(value)) {
                    return Theme.DARK;
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot read {}", gtkSettings, e);
        }
        return Theme.LIGHT;
    }

    /** GTK theme names mark dark variants as {@code Adwaita:dark}, {@code Yaru-dark}, {@code Arc-Dark}, ... */
    private static boolean darkName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(":dark") || n.contains("-dark") || n.contains("_dark") || n.endsWith("dark");
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
            v = v.substring(1, v.length() - 1);
        }
        return v.strip();
    }

    /** Runs a short command; empty when it is missing, fails, or takes over two seconds. */
    static Optional<String> run(List<String> commandLine) {
        try {
            Process process = new ProcessBuilder(commandLine).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
