package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.ui.common.ThemeChoice;
import dev.tracedesk.ui.shell.Screen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    private SettingsStore store() {
        return new SettingsStore(dir.resolve("tracedesk").resolve("settings.json"));
    }

    @Test
    void missingFileMeansDefaults() {
        Settings settings = store().load();

        assertThat(settings).isEqualTo(Settings.defaults());
        assertThat(settings.theme()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(settings.screenOrDefault()).isEqualTo(Screen.SERVICE_MAP);
    }

    @Test
    void savedSettingsLoadBack() throws Exception {
        Settings saved = new Settings(new Settings.WindowBounds(120, 80, 1280, 760, true), ThemeChoice.DARK,
                Screen.SAMPLING.id(), true);

        store().save(saved);

        assertThat(store().load()).isEqualTo(saved);
        assertThat(Files.readString(store().file())).contains("\"theme\" : \"DARK\"", "\"screen\" : \"sampling\"");
        assertThat(dir.resolve("tracedesk")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void theFilterHistoryLoadsBackDeduplicatedAndBounded() throws Exception {
        List<String> many = new java.util.ArrayList<>(List.of("fault", "fault", " "));
        for (int i = 0; i < 60; i++) {
            many.add("responsetime > " + i);
        }
        store().save(new Settings(null, ThemeChoice.LIGHT, Screen.TRACES.id(), false, many));

        List<String> loaded = store().load().filterHistory();
        assertThat(loaded).hasSize(Settings.MAX_FILTER_HISTORY).startsWith("fault", "responsetime > 0")
                .doesNotHaveDuplicates();
    }

    @Test
    void corruptFileMeansDefaultsAndIsKeptAside() throws Exception {
        Files.createDirectories(store().file().getParent());
        Files.writeString(store().file(), "{\"theme\": \"DARK\", \"window\": {", StandardCharsets.UTF_8);

        assertThat(store().load()).isEqualTo(Settings.defaults());

        Path aside = store().file().resolveSibling("settings.json.corrupt");
        assertThat(aside).hasContent("{\"theme\": \"DARK\", \"window\": {");
    }

    @Test
    void emptyOrNullFileMeansDefaults() throws Exception {
        Files.createDirectories(store().file().getParent());
        Files.writeString(store().file(), "");
        assertThat(store().load()).isEqualTo(Settings.defaults());

        Files.writeString(store().file(), "null");
        assertThat(store().load()).isEqualTo(Settings.defaults());
    }

    @Test
    void implausibleOrUnknownValuesFallBackOneByOne() throws Exception {
        Files.createDirectories(store().file().getParent());
        Files.writeString(store().file(), """
                {"window": {"x": 10, "y": 10, "width": 3, "height": 2, "maximized": false},
                 "theme": "SEPIA", "screen": "timeline", "utc": true, "futureSetting": 1}
                """);

        Settings loaded = store().load();

        assertThat(loaded.window()).isNull();
        assertThat(loaded.theme()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(loaded.screen()).isEqualTo(Screen.SERVICE_MAP.id());
        assertThat(loaded.utc()).isTrue();
    }

    @Test
    void aSaveReplacesTheCorruptFile() throws Exception {
        Files.createDirectories(store().file().getParent());
        Files.writeString(store().file(), "not json");
        store().load();

        Settings fresh = new Settings(null, ThemeChoice.LIGHT, Screen.TRACES.id(), false);
        store().save(fresh);

        assertThat(store().load()).isEqualTo(fresh);
    }
}
