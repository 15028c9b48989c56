package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppPathsTest {

    @Test
    void defaultsToDotConfigAndDotLocalShare() {
        AppPaths paths = AppPaths.resolve(Map.of(), null, null, "/home/ana");

        assertThat(paths.settingsFile()).isEqualTo(Path.of("/home/ana/.config/tracedesk/settings.json"));
        assertThat(paths.logDir()).isEqualTo(Path.of("/home/ana/.local/share/tracedesk/logs"));
    }

    @Test
    void followsTheXdgVariables() {
        AppPaths paths = AppPaths.resolve(Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data"), null, null,
                "/home/ana");

        assertThat(paths.configDir()).isEqualTo(Path.of("/cfg/tracedesk"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/data/tracedesk"));
    }

    @Test
    void ignoresRelativeOrEmptyXdgVariablesAsTheSpecSays() {
        AppPaths paths = AppPaths.resolve(Map.of("XDG_CONFIG_HOME", "relative/dir", "XDG_DATA_HOME", " "), null, null,
                "/home/ana");

        assertThat(paths.configDir()).isEqualTo(Path.of("/home/ana/.config/tracedesk"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/home/ana/.local/share/tracedesk"));
    }

    @Test
    void systemPropertiesOverrideEverything() {
        AppPaths paths = AppPaths.resolve(Map.of("XDG_CONFIG_HOME", "/cfg"), "/tmp/c", "/tmp/d", "/home/ana");

        assertThat(paths.configDir()).isEqualTo(Path.of("/tmp/c"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/tmp/d"));
    }
}
