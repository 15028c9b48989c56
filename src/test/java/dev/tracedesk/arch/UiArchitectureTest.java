package dev.tracedesk.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-way package rule of DESIGN.md and the GUI's layering rules of docs/architecture.md, checked on the main
 * sources: every reference to a {@code dev.tracedesk} package (imports, static imports and fully qualified names in
 * code; comments do not count) must be one the table allows.
 */
class UiArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path UI = MAIN.resolve("dev/tracedesk/ui");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.tracedesk((?:\\.[a-z][a-z0-9_]*)*)");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+dev\\.tracedesk((?:\\.[a-z][a-z0-9_]*)*)\\s*;",
            Pattern.MULTILINE);
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern STRINGS = Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*\"");

    /** What each area may use besides itself (DESIGN.md "Packages and the one-way rule"). */
    static Set<String> allowed(String area) {
        if (area.equals("ui.common")) {
            return Set.of("explore", "xray", "filter");
        }
        if (area.startsWith("ui.")) {
            return Set.of("explore", "xray", "filter", "ui.common");
        }
        return switch (area) {
            case "xray", "aws", "shop" -> Set.of();
            case "filter" -> Set.of("xray");
            case "explore" -> Set.of("aws", "xray", "filter");
            case "sandbox" -> Set.of("xray", "filter", "shop");
            case "app" -> Set.of("*");
            default -> throw new AssertionError("a package DESIGN.md does not know: dev.tracedesk." + area);
        };
    }

    /**
     * The area of a package: its first name under {@code dev.tracedesk}, and for {@code ui} the screen
     * ({@code ui.signin}, {@code ui.common}): each screen is its own area.
     */
    static String area(String subPackage) {
        String[] parts = subPackage.split("\\.");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return "";
        }
        return parts[0].equals("ui") && parts.length > 1 ? "ui." + parts[1] : parts[0];
    }

    static boolean mayUse(String from, String to) {
        if (to.isEmpty() || from.equals(to)) {
            return true;
        }
        Set<String> allowed = allowed(from);
        return allowed.contains("*") || allowed.contains(to);
    }

    /** "file: area -> area (reference)" for every reference the table forbids. */
    static List<String> violations(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources(root)) {
            String text = Files.readString(file);
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                continue;
            }
            String from = area(pkg.group(1).isEmpty() ? "" : pkg.group(1).substring(1));
            String code = STRINGS.matcher(COMMENTS.matcher(text).replaceAll(" ")).replaceAll("\"\"");
            Set<String> targets = new TreeSet<>();
            Matcher ref = REFERENCE.matcher(code);
            while (ref.find()) {
                if (ref.start() > 0 && code.regionMatches(ref.start() - 8, "package ", 0, 8)) {
                    continue;
                }
                String sub = ref.group(1).isEmpty() ? "" : ref.group(1).substring(1);
                targets.add(area(sub));
            }
            for (String to : targets) {
                if (!mayUse(from, to)) {
                    found.add(root.relativize(file) + ": " + from + " -> " + to);
                }
            }
        }
        return found;
    }

    private static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
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
    void everyMainSourceFollowsTheOneWayPackageRule() throws IOException {
        assertThat(violations(MAIN)).isEmpty();
    }

    @Test
    void theRuleCheckSeesImportsAndQualifiedNamesButNotComments(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        Path screen = Files.createDirectories(tmp.resolve("dev/tracedesk/ui/foo"));
        Files.writeString(screen.resolve("A.java"), "package dev.tracedesk.ui.foo;\nimport dev.tracedesk.aws.SignIn;\n"
                + "class A {}\n");
        Files.writeString(screen.resolve("B.java"), "package dev.tracedesk.ui.foo;\n/** See {@link dev.tracedesk.aws.X}. */\n"
                + "class B { Object o = new dev.tracedesk.sandbox.Sandbox(); String s = \"dev.tracedesk.shop\"; }\n");
        Files.writeString(screen.resolve("C.java"), "package dev.tracedesk.ui.foo;\nimport dev.tracedesk.ui.bar.Bar;\n"
                + "import dev.tracedesk.ui.common.Strings;\nimport dev.tracedesk.explore.stack.StackActions;\nclass C {}\n");
        Path shop = Files.createDirectories(tmp.resolve("dev/tracedesk/shop/lambda"));
        Files.writeString(shop.resolve("D.java"), "package dev.tracedesk.shop.lambda;\nimport dev.tracedesk.shop.Orders;\n"
                + "import dev.tracedesk.xray.TraceId;\nclass D {}\n");

        assertThat(violations(tmp)).containsExactlyInAnyOrder(
                Path.of("dev/tracedesk/ui/foo/A.java") + ": ui.foo -> aws",
                Path.of("dev/tracedesk/ui/foo/B.java") + ": ui.foo -> sandbox",
                Path.of("dev/tracedesk/ui/foo/C.java") + ": ui.foo -> ui.bar",
                Path.of("dev/tracedesk/shop/lambda/D.java") + ": shop -> xray");
    }

    @Test
    void theTableIsDesignMdsOneWayRule() {
        assertThat(mayUse("ui.signin", "explore")).isTrue();
        assertThat(mayUse("ui.stack", "ui.common")).isTrue();
        assertThat(mayUse("ui.signin", "aws")).isFalse();
        assertThat(mayUse("ui.shell", "ui.map")).isFalse();
        assertThat(mayUse("ui.common", "ui.shell")).isFalse();
        assertThat(mayUse("explore", "aws")).isTrue();
        assertThat(mayUse("explore", "sandbox")).isFalse();
        assertThat(mayUse("xray", "filter")).isFalse();
        assertThat(mayUse("filter", "xray")).isTrue();
        assertThat(mayUse("shop", "aws")).isFalse();
        assertThat(mayUse("sandbox", "shop")).isTrue();
        assertThat(mayUse("sandbox", "explore")).isFalse();
        assertThat(mayUse("app", "sandbox")).isTrue();
        assertThat(area("explore.stack")).isEqualTo("explore");
        assertThat(area("sandbox.api")).isEqualTo("sandbox");
        assertThat(area("ui.stack")).isEqualTo("ui.stack");
    }

    @Test
    void viewModelsUseNoJavaFxNodes() throws IOException {
        List<Path> viewModels = sources(UI).stream()
                .filter(p -> p.getFileName().toString().endsWith("ViewModel.java")).collect(Collectors.toList());

        assertThat(viewModels).hasSizeGreaterThanOrEqualTo(7);
        assertThat(offenders(viewModels, "javafx.scene")).isEmpty();
    }
}
