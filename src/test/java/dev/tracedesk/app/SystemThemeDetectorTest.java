package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.ui.common.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemThemeDetectorTest {

    @TempDir
    Path dir;

    private final Map<String, String> gsettings = new HashMap<>();

    private SystemThemeDetector detector(Map<String, String> env) {
        return new SystemThemeDetector(env, command -> Optional.ofNullable(gsettings.get(command.get(3))),
                dir.resolve("settings.ini"));
    }

    @Test
    void gnomeColorSchemePreferDarkMeansDark() {
        gsettings.put("color-scheme", "'prefer-dark'");
        gsettings.put("gtk-theme", "'Adwaita'");

        assertThat(detector(Map.of()).detect()).isEqualTo(Theme.DARK);
    }

    @Test
    void gnomeColorSchemeDefaultFallsBackToTheThemeName() {
        gsettings.put("color-scheme", "'default'");
        gsettings.put("gtk-theme", "'Yaru-dark'");
        assertThat(detector(Map.of()).detect()).isEqualTo(Theme.DARK);

        gsettings.put("gtk-theme", "'Adwaita'");
        assertThat(detector(Map.of()).detect()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void gtkThemeVariableWins() {
        gsettings.put("color-scheme", "'prefer-light'");

        assertThat(detector(Map.of("GTK_THEME", "Adwaita:dark")).detect()).isEqualTo(Theme.DARK);
        assertThat(detector(Map.of("GTK_THEME", "Adwaita")).detect()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void gtkSettingsFileIsReadWithoutGsettings() throws Exception {
        Files.write(dir.resolve("settings.ini"), List.of("[Settings]", "gtk-application-prefer-dark-theme=1"));

        assertThat(detector(Map.of()).detect()).isEqualTo(Theme.DARK);
    }

    @Test
    void nothingReadableMeansLight() {
        assertThat(detector(Map.of()).detect()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aMissingCommandIsNotAnError() {
        assertThat(SystemThemeDetector.run(List.of("tracedesk-no-such-command-xyz"))).isEmpty();
    }
}
