package dev.tracedesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.aws.AwsClients;
import dev.tracedesk.aws.AwsEnvironment;
import dev.tracedesk.aws.AwsProblemException;
import dev.tracedesk.aws.CancelToken;
import dev.tracedesk.aws.Connection;
import dev.tracedesk.aws.DeviceAuthorization;
import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.aws.SignIn;
import dev.tracedesk.aws.SsoLoginPrompt;
import dev.tracedesk.explore.stack.DeployListener;
import dev.tracedesk.explore.stack.DeployRequest;
import dev.tracedesk.explore.stack.DeployResult;
import dev.tracedesk.explore.stack.RestStage;
import dev.tracedesk.explore.stack.RoleCheck;
import dev.tracedesk.explore.stack.StackActions;
import dev.tracedesk.explore.stack.StackEvent;
import dev.tracedesk.explore.stack.StackFunction;
import dev.tracedesk.explore.stack.StackScope;
import dev.tracedesk.explore.stack.TracingMode;
import java.io.Console;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tracedesk shop deploy|delete|tracing}: the stack's control side on the command line, over the same
 * explore.stack actions and deployer as the Stack screen. Exit codes: 0 done, 1 failed (AWS error, rolled back
 * deployment), 2 bad usage.
 */
final class ShopStackCommands {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShopStackCommands() {
    }

    /** Where to: an AWS profile (--profile/--region, or AWS_PROFILE) or a sandbox (--endpoint, else the running one). */
    static final class Connect {
        @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile (default: $AWS_PROFILE; none means the local sandbox)")
        String profile;

        @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: $AWS_REGION, else the profile's)")
        String region;

        @Option(names = "--endpoint", paramLabel = "URL", description = "a sandbox, e.g. http://127.0.0.1:2000 (default: the running sandbox's, from its shop.json)")
        URI endpoint;

        @Option(names = "--data", paramLabel = "DIR", description = "the sandbox data directory, to find the running sandbox (default ${XDG_DATA_HOME:-~/.local/share}/tracedesk/sandbox)")
        Path data;

        @Option(names = "--prefix", defaultValue = "AMIS", description = "the stack's name prefix (default ${DEFAULT-VALUE})")
        String prefix;

        Connection open() {
            if (endpoint != null && (profile != null || region != null)) {
                throw new IllegalArgumentException("--endpoint (a sandbox) and --profile/--region (AWS) exclude each other");
            }
            if (endpoint != null) {
                return new SandboxConnection(endpoint);
            }
            String name = profile != null ? profile : blankToNull(System.getenv("AWS_PROFILE"));
            if (name == null) {
                return new SandboxConnection(runningSandbox());
            }
            return new SignIn(AwsEnvironment.fromSystem()).connect(name, Optional.ofNullable(region), CONSOLE_SSO,
                    (p, serial) -> {
                        Console console = System.console();
                        return console == null ? Optional.empty()
                                : Optional.ofNullable(console.readLine("MFA code for %s (%s): ", p, serial));
                    }, new CancelToken());
        }

        private URI runningSandbox() {
            Path dir = data != null ? data : AppPaths.fromSystem().dataDir().resolve("sandbox");
            Path state = dir.resolve("shop.json");
            try {
                JsonNode node = Files.isRegularFile(state) ? JSON.readTree(state.toFile()) : null;
                String url = node == null ? null : node.path("sandboxEndpoint").asText(null);
                if (url != null) {
                    return URI.create(url);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + state + ": " + e.getMessage());
            }
            throw new IllegalStateException("no --profile, --endpoint or AWS_PROFILE, and no running sandbox (no " + state
                    + "): start one with `tracedesk sandbox`, or say where to deploy");
        }
    }

    /** SSO sign-in on a terminal: print the code and the page to open. */
    private static final SsoLoginPrompt CONSOLE_SSO = new SsoLoginPrompt() {
        @Override
        public void showUserCode(DeviceAuthorization authorization) {
            System.err.println("Sign in to IAM Identity Center: open " + authorization.browserUri() + " and confirm code "
                    + authorization.userCode());
        }

        @Override
        public void openBrowser(DeviceAuthorization authorization) {
            // A terminal may have no browser: the line above says where to go.
        }
    };

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Prints steps and events as they come. */
    private static final DeployListener PRINTER = new DeployListener() {
        @Override
        public void step(String message) {
            System.out.println("- " + message);
        }

        @Override
        public void event(StackEvent event) {
            System.out.println("  " + event.line());
        }
    };

    private static boolean confirmed(boolean yes, String what) {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            System.err.println(what);
            System.err.println("Not confirmed: add --yes to go ahead without a question.");
            return false;
        }
        String answer = console.readLine("%s%nGo ahead? [y/N] ", what);
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }

    private static int printResult(String verb, DeployResult r) {
        System.out.println("Stack " + r.stackName() + ": " + r.status() + (r.unchanged() ? " (nothing to do)" : ""));
        r.outputs().forEach((k, v) -> System.out.println("  " + k + " = " + v));
        r.invokeUrl().ifPresent(url -> System.out.println("Invoke URL: POST " + url + "/shop"));
        if (!r.failures().isEmpty()) {
            System.out.println(verb + " failed:");
            r.failures().forEach(e -> System.out.println("  " + e.logicalId() + " (" + e.resourceType() + "): " + e.reason()));
        }
        return r.succeeded() ? 0 : 1;
    }

    private static int fail(String command, RuntimeException e) {
        String message = e instanceof AwsProblemException p ? p.problem().userMessage() : e.getMessage();
        System.err.println("tracedesk shop " + command + ": " + message);
        return e instanceof IllegalArgumentException ? 2 : 1;
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = "Create or update the shop stack through CloudFormation (AWS: the Lambda zip is staged in S3 first).")
    static final class Deploy implements Callable<Integer> {
        @Mixin
        Connect connect = new Connect();

        @Option(names = "--tracing", defaultValue = "on", description = "on: functions Active and stage tracing; off: PassThrough and no stage tracing (default ${DEFAULT-VALUE})")
        String tracing;

        @Option(names = "--yes", description = "do not ask before deploying to AWS")
        boolean yes;

        @Override
        public Integer call() {
            try (Connection connection = connect.open(); AwsClients clients = new AwsClients(connection)) {
                DeployRequest request = DeployRequest.of(connect.prefix, TracingMode.parse(tracing) == TracingMode.ACTIVE);
                ShopStackDeployer deployer = new ShopStackDeployer(() -> clients);
                if (!connection.isSandbox() && !confirmed(yes, deployer.whatDeployCreates(request))) {
                    return 1;
                }
                System.out.println("Deploying " + request.stackName() + " to " + connection.label());
                return printResult("Deployment", deployer.deploy(request, PRINTER));
            } catch (RuntimeException e) {
                return fail("deploy", e);
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete the shop stack and wait until it is gone.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        Connect connect = new Connect();

        @Option(names = "--yes", description = "do not ask before deleting on AWS")
        boolean yes;

        @Override
        public Integer call() {
            try (Connection connection = connect.open(); AwsClients clients = new AwsClients(connection)) {
                String stack = DeployRequest.defaultStackName(connect.prefix);
                if (!connection.isSandbox() && !confirmed(yes, "Delete stack " + stack + " and everything it created in "
                        + connection.label() + " (the S3 staging bucket stays)?")) {
                    return 1;
                }
                System.out.println("Deleting " + stack + " in " + connection.label());
                return printResult("Deletion", new ShopStackDeployer(() -> clients).delete(stack, PRINTER));
            } catch (RuntimeException e) {
                return fail("delete", e);
            }
        }
    }

    @Command(name = "tracing", mixinStandardHelpOptions = true,
            description = "Switch X-Ray tracing of the stack's functions (Active/PassThrough) and REST stage; without on|off, show it and the IAM check.")
    static final class Tracing implements Callable<Integer> {
        @Mixin
        Connect connect = new Connect();

        @Option(names = "--function", paramLabel = "NAME", description = "only this function")
        String function;

        @Option(names = "--stage", paramLabel = "NAME", description = "only this REST API stage: prod, or API/prod")
        String stage;

        @Parameters(arity = "0..1", paramLabel = "on|off", description = "on: Active / stage tracing enabled; off: PassThrough / disabled")
        String value;

        @Override
        public Integer call() {
            if (function != null && stage != null) {
                return fail("tracing", new IllegalArgumentException("--function and --stage exclude each other"));
            }
            try (Connection connection = connect.open(); AwsClients clients = new AwsClients(connection)) {
                StackActions actions = new StackActions(() -> clients);
                StackScope scope = StackScope.ofNamePrefix(connect.prefix + "_");
                if (value == null) {
                    return show(actions, scope);
                }
                TracingMode mode = TracingMode.parse(value);
                boolean on = mode == TracingMode.ACTIVE;
                if (stage == null) {
                    List<StackFunction> functions = function != null ? List.of(actions.function(function))
                            : actions.functions(scope);
                    if (functions.isEmpty()) {
                        throw new IllegalStateException("no functions named " + scope.namePrefix().orElse("") + "* in " + connection.label());
                    }
                    for (StackFunction f : functions) {
                        System.out.println("- " + f.name() + ": " + f.tracing().apiValue() + " -> " + mode.apiValue());
                        print(actions.setTracing(f.name(), mode));
                    }
                }
                if (function == null) {
                    List<RestStage> stages = actions.restStages(scope).stream().filter(s -> stage == null
                            || s.stageName().equals(stage) || s.serviceName().equals(stage)).toList();
                    if (stages.isEmpty() && stage != null) {
                        throw new IllegalStateException("no REST API stage " + stage + " of " + scope.namePrefix().orElse("") + "* APIs");
                    }
                    for (RestStage s : stages) {
                        System.out.println("- stage " + s.serviceName() + ": tracing " + onOff(s.tracingEnabled()) + " -> " + onOff(on));
                        print(actions.setStageTracing(s, on));
                    }
                }
                return 0;
            } catch (RuntimeException e) {
                return fail("tracing", e);
            }
        }

        private static int show(StackActions actions, StackScope scope) {
            List<StackFunction> functions = actions.functions(scope);
            Map<String, RoleCheck> checks = actions.checkRoles(functions);
            for (StackFunction f : functions) {
                print(f);
                RoleCheck check = checks.get(f.role());
                if (check != null && !check.canWriteTraces()) {
                    System.out.println("    ! " + check.explanation());
                }
            }
            actions.restStages(scope).forEach(Tracing::print);
            System.out.println("  (" + RestStage.HTTP_API_NOTE + ")");
            return 0;
        }

        private static void print(StackFunction f) {
            System.out.printf(Locale.ROOT, "  %-44s %-11s %5d MB %4d s  %s%n", f.name(), f.tracing().apiValue(), f.memoryMb(),
                    f.timeoutSeconds(), f.role());
        }

        private static void print(RestStage s) {
            System.out.printf(Locale.ROOT, "  stage %-38s tracing %s%n", s.serviceName(), onOff(s.tracingEnabled()));
        }

        private static String onOff(boolean on) {
            return on ? "on" : "off";
        }
    }
}
