package dev.tracedesk.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where TraceDesk keeps its files, per the XDG base-directory rules: settings under
 * {@code ${XDG_CONFIG_HOME:-~/.config}/tracedesk}, data and logs under {@code ${XDG_DATA_HOME:-~/.local/share}/tracedesk}.
 * The system properties {@code tracedesk.config.dir} and {@code tracedesk.data.dir} override both (tests, portable use).
 */
public record AppPaths(Path configDir, Path dataDir) {

    public static final String CONFIG_DIR_PROPERTY = "tracedesk.config.dir";
    public static final String DATA_DIR_PROPERTY = "tracedesk.data.dir";

    /** From this process's environment and system properties. */
    public static AppPaths fromSystem() {
        return resolve(System.getenv(), System.getProperty(CONFIG_DIR_PROPERTY), System.getProperty(DATA_DIR_PROPERTY),
                System.getProperty("user.home"));
    }

    static AppPaths resolve(Map<String, String> env, String configOverride, String dataOverride, String userHome) {
        Path home = Path.of(userHome);
        Path config = configOverride != null && !configOverride.isBlank()
                ? Path.of(configOverride)
                : xdg(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("tracedesk");
        Path data = dataOverride != null && !dataOverride.isBlank()
                ? Path.of(dataOverride)
                : xdg(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share")).resolve("tracedesk");
        return new AppPaths(config, data);
    }

    /** The spec says a relative or empty XDG variable is to be ignored. */
    private static Path xdg(String value, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? path : fallback;
    }

    public Path settingsFile() {
        return configDir.resolve("settings.json");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }
}
