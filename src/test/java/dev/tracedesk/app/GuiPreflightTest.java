package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuiPreflightTest {

    @TempDir
    Path libs;

    private GuiPreflight preflight(Map<String, String> env, Optional<String> ldconfig) {
        return new GuiPreflight(env, List.of(libs), () -> ldconfig);
    }

    @Test
    void withoutADisplayItNamesTheHeadlessCommands() {
        Optional<String> problem = preflight(Map.of("DISPLAY", ""), Optional.empty()).problem();

        assertThat(problem).hasValueSatisfying(message -> assertThat(message)
                .startsWith("No display")
                .contains("X11 or Wayland", "tracedesk screenshots --out DIR", "tracedesk sandbox"));
    }

    @Test
    void withADisplayButNoGtkItNamesThePackage() {
        Optional<String> problem = preflight(Map.of("DISPLAY", ":0"),
                Optional.of("libgtk-x11-2.0.so.0 (libc6,x86-64) => /lib/libgtk-x11-2.0.so.0")).problem();

        assertThat(problem).hasValueSatisfying(message -> assertThat(message)
                .contains("libgtk-3.so.0", "libgtk-3-0"));
    }

    @Test
    void gtkFoundInALibraryDirectory() throws Exception {
        Files.createFile(libs.resolve("libgtk-3.so.0"));

        assertThat(preflight(Map.of("WAYLAND_DISPLAY", "wayland-0"), Optional.empty()).problem()).isEmpty();
    }

    @Test
    void gtkFoundInTheLinkerCache() {
        Optional<String> ldconfig = Optional.of("\tlibgtk-3.so.0 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libgtk-3.so.0");

        assertThat(preflight(Map.of("DISPLAY", ":1"), ldconfig).problem()).isEmpty();
    }
}
