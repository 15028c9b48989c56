package dev.tracedesk.ui.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.aws.AwsProblem;
import dev.tracedesk.aws.AwsProblemException;
import dev.tracedesk.aws.ProblemKind;
import dev.tracedesk.explore.stack.PolicyKind;
import dev.tracedesk.explore.stack.RestStage;
import dev.tracedesk.explore.stack.RoleCheck;
import dev.tracedesk.explore.stack.RolePolicy;
import dev.tracedesk.explore.stack.StackFunction;
import dev.tracedesk.explore.stack.TracingMode;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The switches and the role check without a toolkit, on an in-memory stack; work runs inline. */
class TracingViewModelTest {

    static final String ROLE = "arn:aws:iam::000000000000:role/AMIS_shop_lambda_role";
    static final String XRAY_ARN = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess";

    /** A stack in memory: switches change it, the role's policies can be stripped and attached. */
    static final class FakeStack implements StackControls {
        final Map<String, StackFunction> functions = new LinkedHashMap<>();
        RestStage stage = new RestStage("abc123", "AMIS_api_gateway", "prod", true,
                "arn:aws:apigateway:us-east-1::/restapis/abc123/stages/prod");
        boolean roleHasXRay = true;
        RuntimeException failNextSwitch;
        /** What the service reports after a switch, when it does not do what was asked. */
        TracingMode stuckAt;
        final List<String> calls = new ArrayList<>();

        FakeStack() {
            for (String n : List.of("AMIS_shop_accept", "AMIS_shop_decrypt")) {
                functions.put(n, fn(n, TracingMode.ACTIVE));
            }
        }

        static StackFunction fn(String name, TracingMode mode) {
            return new StackFunction(name, "arn:aws:lambda:us-east-1:000000000000:function:" + name, "java17",
                    "h", 256, 10, mode, ROLE, "2026-11-28T05:00:00.000+0000", Optional.of("Successful"));
        }

        @Override
        public String describe() {
            return "functions and REST APIs named AMIS_…";
        }

        @Override
        public List<StackFunction> functions() {
            return List.copyOf(functions.values());
        }

        @Override
        public List<RestStage> stages() {
            return List.of(stage);
        }

        @Override
        public StackFunction setTracing(String function, TracingMode mode) {
            calls.add("tracing " + function + " " + mode.apiValue());
            if (failNextSwitch != null) {
                RuntimeException e = failNextSwitch;
                failNextSwitch = null;
                throw e;
            }
            functions.put(function, fn(function, stuckAt != null ? stuckAt : mode));
            return functions.get(function);
        }

        @Override
        public RestStage setStageTracing(RestStage s, boolean enabled) {
            calls.add("stage " + enabled);
            stage = new RestStage(s.apiId(), s.apiName(), s.stageName(), enabled, s.stageArn());
            return stage;
        }

        @Override
        public RoleCheck checkRole(String roleArn) {
            calls.add("check " + roleArn);
            List<RolePolicy> policies = new ArrayList<>();
            policies.add(RolePolicy.readable("AWSLambdaBasicExecutionRole",
                    "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", PolicyKind.AWS_MANAGED,
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"logs:*\"],\"Resource\":\"*\"}]}"));
            if (roleHasXRay) {
                policies.add(RolePolicy.readable("AWSXRayDaemonWriteAccess", XRAY_ARN, PolicyKind.AWS_MANAGED,
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                                + "[\"xray:PutTraceSegments\",\"xray:PutTelemetryRecords\"],\"Resource\":[\"*\"]}]}"));
            }
            return RoleCheck.of(roleArn, "AMIS_shop_lambda_role", policies);
        }

        @Override
        public RoleCheck attachXRayWriteAccess(String roleArn) {
            calls.add("attach " + roleArn);
            roleHasXRay = true;
            return checkRole(roleArn);
        }
    }

    private final FakeStack stack = new FakeStack();
    private final TracingViewModel model = new TracingViewModel(Strings.bundle(), stack,
            BackgroundTasks.currentThread(new TaskMonitor(), new ErrorReporter(Clock.systemUTC())));

    @BeforeEach
    void load() {
        model.reload();
    }

    private FunctionRow row(String name) {
        return model.functions().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void functionsAndTheStageAreListedWithTheirSwitchesAndOneCheckPerRole() {
        assertThat(model.getState()).isEqualTo(TracingViewModel.State.READY);
        assertThat(model.functions()).extracting(FunctionRow::name).containsExactly("AMIS_shop_accept",
                "AMIS_shop_decrypt");
        assertThat(model.functions()).allMatch(r -> r.tracing().isOn());
        assertThat(model.stages()).singleElement().satisfies(s -> assertThat(s.tracing().isOn()).isTrue());
        assertThat(stack.calls).containsExactly("check " + ROLE);
        assertThat(row("AMIS_shop_accept").iamTextProperty().get())
                .isEqualTo("Role AMIS_shop_lambda_role may send traces (xray:PutTraceSegments and xray:PutTelemetryRecords).");
        assertThat(row("AMIS_shop_accept").hasIamProblem()).isFalse();
        assertThat(model.scopeProperty().get()).isEqualTo("The functions and REST APIs named AMIS_…, read from the connection.");
    }

    @Test
    void aSwitchShowsTheStateReadBackAndExplainsAPassThroughFunctionBehindASamplingStage() {
        FunctionRow accept = row("AMIS_shop_accept");

        model.setTracing(accept, false);

        assertThat(stack.calls).contains("tracing AMIS_shop_accept PassThrough");
        assertThat(accept.tracing().isOn()).isFalse();
        assertThat(accept.tracing().getPhase()).isEqualTo(SwitchState.Phase.READY);
        assertThat(accept.tracing().getMessage()).isEqualTo("Read back: PassThrough");
        assertThat(accept.getFunction().tracing()).isEqualTo(TracingMode.PASS_THROUGH);
        assertThat(accept.noteProperty().get()).startsWith("PassThrough, yet traced for the requests the stage samples");

        model.setStageTracing(model.stages().get(0), false);

        assertThat(model.stages().get(0).tracing().isOn()).isFalse();
        assertThat(model.stages().get(0).tracing().getMessage()).isEqualTo("Read back: off");
        assertThat(accept.noteProperty().get())
                .isEqualTo("PassThrough with the stage off: no traces unless a caller sends Sampled=1.");
        assertThat(row("AMIS_shop_decrypt").noteProperty().get()).startsWith("Active: Lambda samples requests");
    }

    @Test
    void aFailedSwitchKeepsTheOldStateAndSaysWhyAndCanBeTriedAgain() {
        FunctionRow accept = row("AMIS_shop_accept");
        stack.failNextSwitch = new AwsProblemException(AwsProblem.of(ProblemKind.ACCESS_DENIED,
                "Access denied: lambda:UpdateFunctionConfiguration is missing"), null);

        model.setTracing(accept, false);

        assertThat(accept.tracing().getPhase()).isEqualTo(SwitchState.Phase.FAILED);
        assertThat(accept.tracing().isOn()).as("still Active: nothing changed").isTrue();
        assertThat(accept.tracing().getMessage()).contains("lambda:UpdateFunctionConfiguration");

        model.setTracing(accept, false);

        assertThat(accept.tracing().getPhase()).isEqualTo(SwitchState.Phase.READY);
        assertThat(accept.tracing().isOn()).isFalse();
    }

    @Test
    void aReadBackThatDiffersFromTheRequestIsShownAsIs() {
        stack.stuckAt = TracingMode.ACTIVE;

        model.setTracing(row("AMIS_shop_accept"), false);

        assertThat(row("AMIS_shop_accept").tracing().isOn()).isTrue();
        assertThat(row("AMIS_shop_accept").tracing().getMessage())
                .isEqualTo("Asked for PassThrough, but the service reports Active.");
    }

    @Test
    void switchingToTheShownStateDoesNothing() {
        model.setTracing(row("AMIS_shop_accept"), true);

        assertThat(stack.calls).containsExactly("check " + ROLE);
    }

    @Test
    void aRoleWithoutTheXRayPermissionIsWarnedAboutAndAttachingTheManagedPolicyFixesEveryFunctionWithIt() {
        stack.roleHasXRay = false;
        model.reload();
        FunctionRow accept = row("AMIS_shop_accept");

        assertThat(accept.hasIamProblem()).isTrue();
        assertThat(accept.canAttachProperty().get()).isTrue();
        assertThat(accept.iamTextProperty().get()).isEqualTo("Role AMIS_shop_lambda_role lacks xray:PutTraceSegments, "
                + "xray:PutTelemetryRecords. With Active tracing, Lambda needs xray:PutTraceSegments on the execution "
                + "role; without it the function's own segments are dropped while the Lambda service node still "
                + "appears. Attaching the AWS managed policy AWSXRayDaemonWriteAccess allows both.");

        model.attachXRayWriteAccess(accept);

        assertThat(stack.calls).contains("attach " + ROLE);
        assertThat(model.functions()).allSatisfy(r -> {
            assertThat(r.hasIamProblem()).isFalse();
            assertThat(r.canAttachProperty().get()).isFalse();
            assertThat(r.attachingProperty().get()).isFalse();
        });
    }

    @Test
    void switchStateAllowsOneSwitchAtATime() {
        SwitchState s = new SwitchState(false, on -> on ? "on" : "off");

        assertThat(s.begin(true, "Switching to on…")).isTrue();
        assertThat(s.begin(false, "again")).isFalse();
        assertThat(s.getMessage()).isEqualTo("Switching to on…");
        assertThat(s.isOn()).as("shown value waits for the read-back").isFalse();
        s.refreshed(false);
        assertThat(s.getPhase()).as("a reload does not interrupt a switch").isEqualTo(SwitchState.Phase.SWITCHING);
        s.succeeded(true, "Read back: on", "mismatch");
        assertThat(s.isOn()).isTrue();
        assertThat(s.getMessage()).isEqualTo("Read back: on");
        s.refreshed(false);
        assertThat(s.isOn()).isFalse();
        assertThat(s.getMessage()).isEmpty();
    }
}
