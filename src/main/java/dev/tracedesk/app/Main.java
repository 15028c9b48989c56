package dev.tracedesk.app;

import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.shell.ConnectionInfo;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line entry point. Without a subcommand it opens the GUI. A plain class (not the JavaFX
 * {@code Application}), so TraceDesk starts from a class path; add subcommands to {@code subcommands}.
 */
@Command(name = "tracedesk", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Desktop explorer for AWS X-Ray, with a built-in local X-Ray (the sandbox).",
        subcommands = {ScreenshotsCommand.class, SandboxCommand.class})
public final class Main implements Callable<Integer> {

    /** Logback's log directory ({@code logback.xml} reads it); set before the first logger is made. */
    static final String LOG_DIR_PROPERTY = "tracedesk.log.dir";

    @Option(names = "--profile", paramLabel = "NAME",
            description = "AWS profile to explore (default: $AWS_PROFILE; none means the local sandbox).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (default: $AWS_REGION or $AWS_DEFAULT_REGION, else the profile's).")
    String region;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int execute(String... args) {
        AppPaths paths = AppPaths.fromSystem();
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, paths.logDir().toString());
        }
        return commandLine().execute(args);
    }

    /** The command line with its subcommands; a failing command prints one line and logs the stack trace. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler((error, cli, parsed) -> {
            LoggerFactory.getLogger(Main.class).error("{} failed", cli.getCommandName(), error);
            cli.getErr().println("tracedesk " + cli.getCommandName() + ": " + message(error)
                    + " (details in " + System.getProperty(LOG_DIR_PROPERTY, "the log") + ")");
            return 1;
        });
    }

    private static String message(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public Integer call() {
        Optional<String> problem = GuiPreflight.forSystem().problem();
        if (problem.isPresent()) {
            System.err.println(problem.get());
            return GuiPreflight.NO_GUI_EXIT;
        }
        AppPaths paths = AppPaths.fromSystem();
        Theme systemTheme = SystemThemeDetector.forSystem(paths.configDir().getParent()).detect();
        LoggerFactory.getLogger(Main.class).info("Starting the GUI ({} theme preferred by the desktop)", systemTheme.id());
        TraceDeskApp.launch(new LaunchConfig(paths, connection(System.getenv()), systemTheme));
        return 0;
    }

    ConnectionInfo connection(Map<String, String> env) {
        String name = firstNonBlank(profile, env.get("AWS_PROFILE"));
        if (name == null) {
            return ConnectionInfo.localSandbox();
        }
        return new ConnectionInfo(name, firstNonBlank(region, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION")));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** Reads the version that maven-jar-plugin writes into the manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"tracedesk " + (v == null ? "dev" : v)};
        }
    }
}
