package dev.tracedesk.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Command-line entry point. Without a subcommand it opens the GUI. */
@Command(name = "tracedesk", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {SandboxCommand.class},
        description = "Desktop explorer for AWS X-Ray, with a built-in local X-Ray (the sandbox).")
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "the GUI is not wired yet");
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
