package dev.tracedesk.explore.stack;

import dev.tracedesk.aws.AwsClients;
import dev.tracedesk.aws.AwsErrors;
import dev.tracedesk.aws.AwsProblem;
import dev.tracedesk.aws.AwsProblemException;
import dev.tracedesk.aws.CallerIdentity;
import dev.tracedesk.aws.ProblemKind;
import dev.tracedesk.explore.Session;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;
import software.amazon.awssdk.services.apigateway.model.UpdateStageResponse;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * The stack's controls over SDK v2 clients, the same code for AWS and the sandbox (spec §7): list functions and REST
 * stages, switch tracing, change timeout and memory, check and fix the functions' roles, identity. Every method
 * blocks (call it off the FX thread) and fails with an {@link AwsProblemException} that says what to do (an
 * AccessDenied names the missing permission).
 */
public final class StackActions {
    private static final Logger LOG = LoggerFactory.getLogger(StackActions.class);
    private static final String FUNCTION_TYPE = "AWS::Lambda::Function";
    private static final String REST_API_TYPE = "AWS::ApiGateway::RestApi";
    /** How long an update may stay InProgress (Lambda takes seconds; VPC functions can take a minute). */
    static final Duration UPDATE_WAIT = Duration.ofMinutes(3);

    private final Supplier<AwsClients> clients;
    private final Sleeper sleeper;

    /** Sleeps between polls; tests pass one that does not wait. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public StackActions(Session session) {
        this(session::clients);
    }

    public StackActions(Supplier<AwsClients> clients) {
        this(clients, d -> Thread.sleep(d.toMillis()));
    }

    StackActions(Supplier<AwsClients> clients, Sleeper sleeper) {
        this.clients = Objects.requireNonNull(clients);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    /** STS GetCallerIdentity of the connection. */
    public CallerIdentity identity() {
        return clients.get().callerIdentity();
    }

    // ---- functions -------------------------------------------------------------------------------------------

    /** The functions of the scope, by name. */
    public List<StackFunction> functions(StackScope scope) {
        return call("list the functions of " + scope, () -> {
            LambdaClient lambda = clients.get().lambda();
            List<StackFunction> out = new ArrayList<>();
            if (scope.stackName().isPresent()) {
                for (String name : stackResources(scope.stackName().get(), FUNCTION_TYPE)) {
                    out.add(toFunction(lambda.getFunctionConfiguration(r -> r.functionName(name))));
                }
            } else {
                lambda.listFunctionsPaginator(r -> { }).functions().stream()
                        .filter(f -> scope.matchesName(f.functionName()))
                        .forEach(f -> out.add(toFunction(f)));
            }
            out.sort(Comparator.comparing(StackFunction::name));
            return List.copyOf(out);
        });
    }

    /** One function's configuration, read now. */
    public StackFunction function(String name) {
        return call("read function " + name,
                () -> toFunction(clients.get().lambda().getFunctionConfiguration(r -> r.functionName(name))));
    }

    /** Switches the function's tracing mode; returns the configuration read back once the update is done. */
    public StackFunction setTracing(String function, TracingMode mode) {
        Objects.requireNonNull(mode, "mode");
        return update(function, "set tracing of " + function + " to " + mode.apiValue(),
                b -> b.tracingConfig(t -> t.mode(mode.apiValue())));
    }

    /** Sets the timeout (1..900 s, Lambda's range). */
    public StackFunction setTimeout(String function, int seconds) {
        if (seconds < 1 || seconds > 900) {
            throw new IllegalArgumentException("A Lambda timeout is 1 to 900 seconds, not " + seconds);
        }
        return update(function, "set the timeout of " + function + " to " + seconds + " s", b -> b.timeout(seconds));
    }

    /** Sets the memory size (128..10240 MB, Lambda's range). */
    public StackFunction setMemory(String function, int megabytes) {
        if (megabytes < 128 || megabytes > 10240) {
            throw new IllegalArgumentException("Lambda memory is 128 to 10240 MB, not " + megabytes);
        }
        return update(function, "set the memory of " + function + " to " + megabytes + " MB",
                b -> b.memorySize(megabytes));
    }

    private StackFunction update(String function, String what, Consumer<UpdateFunctionConfigurationRequest.Builder> change) {
        return call(what, () -> {
            LambdaClient lambda = clients.get().lambda();
            // A previous update still running makes this one fail with ResourceConflictException: wait it out first.
            awaitUpdated(lambda, function);
            for (int attempt = 1; ; attempt++) {
                try {
                    lambda.updateFunctionConfiguration(b -> change.accept(b.functionName(function)));
                    break;
                } catch (ResourceConflictException e) {
                    if (attempt >= 3) {
                        throw e;
                    }
                    awaitUpdated(lambda, function);
                }
            }
            StackFunction after = awaitUpdated(lambda, function);
            LOG.info("{}: done ({})", what, after.lastUpdateStatus().orElse("no status"));
            return after;
        });
    }

    private StackFunction awaitUpdated(LambdaClient lambda, String function) {
        return awaitUpdated(function, () -> lambda.getFunctionConfiguration(r -> r.functionName(function)), sleeper,
                UPDATE_WAIT);
    }

    /**
     * Reads the configuration until LastUpdateStatus is no longer InProgress, backing off from 250 ms to 2 s, for at
     * most {@code maxWait}; a Failed update is a problem carrying Lambda's reason.
     */
    static StackFunction awaitUpdated(String function, Supplier<GetFunctionConfigurationResponse> read, Sleeper sleeper,
                                      Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        Duration delay = Duration.ofMillis(250);
        while (true) {
            GetFunctionConfigurationResponse config = read.get();
            if (config.lastUpdateStatus() == LastUpdateStatus.FAILED) {
                String reason = Objects.toString(config.lastUpdateStatusReason(), "no reason given")
                        .replaceAll("[.\\s]+$", "");
                throw new AwsProblemException(AwsProblem.of(ProblemKind.OTHER, "The last update of " + function
                        + " failed: " + reason + ". Fix the cause and change the setting again."));
            }
            if (config.lastUpdateStatus() != LastUpdateStatus.IN_PROGRESS) {
                return toFunction(config);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AwsProblemException(AwsProblem.of(ProblemKind.OTHER, "The update of " + function
                        + " is still in progress after " + maxWait.toSeconds() + " s. Read it again later."));
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AwsProblemException(AwsProblem.of(ProblemKind.CANCELLED, "Cancelled."), e);
            }
            Duration doubled = delay.multipliedBy(2);
            delay = doubled.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : doubled;
        }
    }

    static StackFunction toFunction(GetFunctionConfigurationResponse c) {
        return new StackFunction(c.functionName(), c.functionArn(), c.runtimeAsString(), c.handler(),
                c.memorySize() == null ? 0 : c.memorySize(), c.timeout() == null ? 0 : c.timeout(),
                TracingMode.fromApi(c.tracingConfig() == null ? null : c.tracingConfig().modeAsString()), c.role(),
                c.lastModified(), Optional.ofNullable(c.lastUpdateStatusAsString()));
    }

    static StackFunction toFunction(FunctionConfiguration c) {
        return new StackFunction(c.functionName(), c.functionArn(), c.runtimeAsString(), c.handler(),
                c.memorySize() == null ? 0 : c.memorySize(), c.timeout() == null ? 0 : c.timeout(),
                TracingMode.fromApi(c.tracingConfig() == null ? null : c.tracingConfig().modeAsString()), c.role(),
                c.lastModified(), Optional.ofNullable(c.lastUpdateStatusAsString()));
    }

    // ---- REST API stages ------------------------------------------------------------------------------------

    /** The stages of the scope's REST APIs, by API name then stage. */
    public List<RestStage> restStages(StackScope scope) {
        return call("list the REST API stages of " + scope, () -> {
            ApiGatewayClient api = clients.get().apiGateway();
            List<RestApi> apis = new ArrayList<>();
            List<String> stackApiIds = scope.stackName().isPresent()
                    ? stackResources(scope.stackName().get(), REST_API_TYPE) : null;
            api.getRestApisPaginator(r -> { }).items().forEach(a -> {
                if (stackApiIds != null ? stackApiIds.contains(a.id()) : scope.matchesName(a.name())) {
                    apis.add(a);
                }
            });
            List<RestStage> out = new ArrayList<>();
            for (RestApi a : apis) {
                for (Stage s : api.getStages(r -> r.restApiId(a.id())).item()) {
                    out.add(toStage(a.id(), a.name(), s.stageName(), s.tracingEnabled()));
                }
            }
            out.sort(Comparator.comparing(RestStage::apiName).thenComparing(RestStage::stageName));
            return List.copyOf(out);
        });
    }

    /** Switches X-Ray tracing of a REST API stage (UpdateStage replace /tracingEnabled); returns the stage read back. */
    public RestStage setStageTracing(RestStage stage, boolean enabled) {
        return call("switch tracing of stage " + stage.serviceName() + (enabled ? " on" : " off"), () -> {
            ApiGatewayClient api = clients.get().apiGateway();
            UpdateStageResponse updated = api.updateStage(r -> r.restApiId(stage.apiId()).stageName(stage.stageName())
                    .patchOperations(p -> p.op(Op.REPLACE).path("/tracingEnabled").value(Boolean.toString(enabled))));
            GetStageResponse read = api.getStage(r -> r.restApiId(stage.apiId()).stageName(stage.stageName()));
            LOG.info("stage {} tracing {} (UpdateStage answered {})", stage.serviceName(),
                    Boolean.TRUE.equals(read.tracingEnabled()), updated.tracingEnabled());
            return toStage(stage.apiId(), stage.apiName(), read.stageName(), read.tracingEnabled());
        });
    }

    private RestStage toStage(String apiId, String apiName, String stageName, Boolean tracingEnabled) {
        return new RestStage(apiId, apiName, stageName, Boolean.TRUE.equals(tracingEnabled),
                "arn:" + partition() + ":apigateway:" + clients.get().connection().region().id() + "::/restapis/"
                        + apiId + "/stages/" + stageName);
    }

    private String partition() {
        String region = clients.get().connection().region().id();
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /**
     * DescribeStackResources rather than ListStackResources: it answers up to 100 resources in one call (the shop has
     * 21) and every CloudFormation TraceDesk talks to (AWS, moto, the sandbox) implements it.
     */
    private List<String> stackResources(String stackName, String type) {
        List<String> ids = new ArrayList<>();
        for (StackResource r : clients.get().cloudFormation()
                .describeStackResources(b -> b.stackName(stackName)).stackResources()) {
            if (type.equals(r.resourceType()) && r.physicalResourceId() != null && !r.physicalResourceId().isBlank()) {
                ids.add(r.physicalResourceId());
            }
        }
        return ids;
    }

    // ---- IAM --------------------------------------------------------------------------------------------------

    /** The tracing check of each distinct role of {@code functions}, by role ARN. */
    public Map<String, RoleCheck> checkRoles(List<StackFunction> functions) {
        Map<String, RoleCheck> out = new LinkedHashMap<>();
        for (StackFunction f : functions) {
            if (!f.role().isEmpty() && !out.containsKey(f.role())) {
                out.put(f.role(), checkRole(f.role()));
            }
        }
        return out;
    }

    /** Reads the role's attached and inline policies and evaluates the X-Ray write actions. */
    public RoleCheck checkRole(String roleArn) {
        String roleName = roleName(roleArn);
        return call("check the policies of role " + roleName, () -> {
            IamClient iam = clients.get().iam();
            List<RolePolicy> policies = new ArrayList<>();
            for (AttachedPolicy attached : iam.listAttachedRolePoliciesPaginator(r -> r.roleName(roleName))
                    .attachedPolicies()) {
                policies.add(attachedPolicy(iam, attached));
            }
            for (String name : iam.listRolePoliciesPaginator(r -> r.roleName(roleName)).policyNames()) {
                String document = iam.getRolePolicy(r -> r.roleName(roleName).policyName(name)).policyDocument();
                policies.add(RolePolicy.readable(name, "", PolicyKind.INLINE, decode(document)));
            }
            return RoleCheck.of(roleArn, roleName, policies);
        });
    }

    private static RolePolicy attachedPolicy(IamClient iam, AttachedPolicy attached) {
        String arn = attached.policyArn();
        PolicyKind kind = ManagedPolicies.isAwsManaged(arn) ? PolicyKind.AWS_MANAGED : PolicyKind.CUSTOMER_MANAGED;
        Optional<String> known = ManagedPolicies.knownDocument(arn);
        if (known.isPresent()) {
            return RolePolicy.readable(attached.policyName(), arn, kind, known.get());
        }
        try {
            Policy policy = iam.getPolicy(r -> r.policyArn(arn)).policy();
            String document = iam.getPolicyVersion(r -> r.policyArn(arn).versionId(policy.defaultVersionId()))
                    .policyVersion().document();
            return RolePolicy.readable(attached.policyName(), arn, kind, decode(document));
        } catch (NoSuchEntityException e) {
            return RolePolicy.unreadable(attached.policyName(), arn, kind, "IAM has no such policy version");
        } catch (AwsServiceException e) {
            // One unreadable policy should not hide the rest of the check: say why it could not be read.
            AwsProblem problem = AwsErrors.translate(e);
            return RolePolicy.unreadable(attached.policyName(), arn, kind, problem.missingPermission()
                    .map(p -> p + " is missing").orElse(problem.userMessage()));
        }
    }

    /** Attaches AWSXRayDaemonWriteAccess to the role and returns the check read again. */
    public RoleCheck attachXRayWriteAccess(String roleArn) {
        String roleName = roleName(roleArn);
        String policyArn = ManagedPolicies.daemonWriteAccessArn(roleArn);
        run("attach " + ManagedPolicies.XRAY_DAEMON_WRITE_ACCESS + " to role " + roleName,
                () -> clients.get().iam().attachRolePolicy(r -> r.roleName(roleName).policyArn(policyArn)));
        LOG.info("attached {} to {}", policyArn, roleName);
        return checkRole(roleArn);
    }

    /** Detaches AWSXRayDaemonWriteAccess from the role (to show what a role without it does); returns the check. */
    public RoleCheck detachXRayWriteAccess(String roleArn) {
        String roleName = roleName(roleArn);
        String policyArn = ManagedPolicies.daemonWriteAccessArn(roleArn);
        run("detach " + ManagedPolicies.XRAY_DAEMON_WRITE_ACCESS + " from role " + roleName,
                () -> clients.get().iam().detachRolePolicy(r -> r.roleName(roleName).policyArn(policyArn)));
        LOG.info("detached {} from {}", policyArn, roleName);
        return checkRole(roleArn);
    }

    /** The role name of a role ARN: the last part of its path ({@code arn:aws:iam::1:role/path/name} → name). */
    public static String roleName(String roleArn) {
        if (roleArn == null || roleArn.isBlank()) {
            throw new IllegalArgumentException("No role ARN");
        }
        int slash = roleArn.lastIndexOf('/');
        if (roleArn.startsWith("arn:") && slash < 0) {
            throw new IllegalArgumentException("Not a role ARN: " + roleArn);
        }
        return roleArn.substring(slash + 1);
    }

    /** IAM returns policy documents URL-encoded (RFC 3986); a literal JSON document passes through. */
    static String decode(String document) {
        if (document == null) {
            return "";
        }
        String trimmed = document.trim();
        if (trimmed.startsWith("{")) {
            return trimmed;
        }
        return URLDecoder.decode(trimmed.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static <T> T call(String what, Supplier<T> body) {
        try {
            return body.get();
        } catch (AwsProblemException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            AwsProblem problem = AwsErrors.translate(e);
            LOG.warn("cannot {}: {}", what, problem.detail());
            throw new AwsProblemException(new AwsProblem(problem.kind(), "Cannot " + what + ". "
                    + problem.userMessage(), problem.missingPermission(), problem.detail()), e);
        }
    }

    private static void run(String what, Runnable body) {
        call(what, () -> {
            body.run();
            return null;
        });
    }
}
