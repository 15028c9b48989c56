package dev.tracedesk.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The GUI's layering rules from docs/architecture.md, checked on the sources. */
class UiArchitectureTest {

    private static final Path UI = Path.of("src/main/java/dev/tracedesk/ui");

    private static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
    }

    private static List<String> offenders(List<Path> files, String forbidden) {
        return files.stream().filter(p -> {
            try {
                return Files.readAllLines(p).stream()
                        .anyMatch(line -> line.startsWith("import " + forbidden) || line.startsWith("import static " + forbidden));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).map(Path::toString).collect(Collectors.toList());
    }

    @Test
    void viewModelsUseNoJavaFxNodes() throws IOException {
        List<Path> viewModels = sources(UI).stream()
                .filter(p -> p.getFileName().toString().endsWith("ViewModel.java")).collect(Collectors.toList());

        assertThat(viewModels).hasSizeGreaterThanOrEqualTo(7);
        assertThat(offenders(viewModels, "javafx.scene")).isEmpty();
    }

    @Test
    void uiNeverReachesIntoAppOrTheSandbox() throws IOException {
        List<Path> ui = sources(UI);

        assertThat(offenders(ui, "dev.tracedesk.app")).isEmpty();
        assertThat(offenders(ui, "dev.tracedesk.sandbox")).isEmpty();
    }

    @Test
    void commonAndScreensDoNotDependOnEachOtherOrOnTheShell() throws IOException {
        assertThat(offenders(sources(UI.resolve("common")), "dev.tracedesk.ui.")).isEmpty();
        for (String screen : List.of("map", "traces", "analytics", "sampling", "stack")) {
            List<Path> files = sources(UI.resolve(screen));
            assertThat(offenders(files, "dev.tracedesk.ui.shell")).as(screen).isEmpty();
            for (String other : List.of("map", "traces", "analytics", "sampling", "stack")) {
                if (!other.equals(screen)) {
                    assertThat(offenders(files, "dev.tracedesk.ui." + other + ".")).as(screen + " -> " + other).isEmpty();
                }
            }
        }
    }
}
