package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.aws.AwsClients;
import dev.tracedesk.aws.SandboxConnection;
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
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.stack.ShopStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explore.stack actions and the deployer against the sandbox through SDK v2 clients, as the GUI uses them: the
 * sandbox's shop stack comes from the same template, so here its state is the template's (tracing on, the X-Ray
 * policy attached), which moto does not reproduce.
 */
class ShopStackSandboxTest {
    private static final String STACK = DeployRequest.defaultStackName("AMIS");

    private Sandbox sandbox;
    private AwsClients clients;
    private StackActions actions;
    private ShopStackDeployer deployer;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        ShopStack.start(sandbox, ShopStack.Options.defaults());
        clients = new AwsClients(SandboxConnection.onLocalPort(sandbox.port()));
        actions = new StackActions(() -> clients);
        deployer = new ShopStackDeployer(() -> clients, () -> {
            throw new AssertionError("the sandbox needs no Lambda zip");
        }, Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theTemplatesFunctionsAreActiveWithRolesThatMaySendTraces() {
        List<StackFunction> functions = actions.functions(StackScope.ofStack(STACK));
        assertThat(functions).extracting(StackFunction::name).containsExactly("AMIS_shop_accept", "AMIS_shop_decrypt",
                "AMIS_shop_update_db", "AMIS_unittest_object_under_test_update_db");
        assertThat(functions).allSatisfy(f -> {
            assertThat(f.tracing()).isEqualTo(TracingMode.ACTIVE);
            assertThat(f.lastUpdateStatus()).hasValue("Successful");
        });
        assertThat(actions.functions(StackScope.ofNamePrefix("AMIS_"))).isEqualTo(functions);
        assertThat(actions.checkRoles(functions)).hasSize(4).allSatisfy((role, check) -> {
            assertThat(check.canWriteTraces()).as(check.explanation()).isTrue();
            assertThat(check.hasDaemonWriteAccess()).isTrue();
            assertThat(check.unreadablePolicies()).isEmpty();
        });
        assertThat(actions.identity().account()).isNotBlank();
    }

    @Test
    void switchesFunctionTracingTimeoutAndMemoryAndReadsThemBack() {
        assertThat(actions.setTracing("AMIS_shop_accept", TracingMode.PASS_THROUGH).tracing())
                .isEqualTo(TracingMode.PASS_THROUGH);
        assertThat(actions.function("AMIS_shop_accept").tracing()).isEqualTo(TracingMode.PASS_THROUGH);
        assertThat(actions.function("AMIS_shop_decrypt").tracing()).isEqualTo(TracingMode.ACTIVE);
        assertThat(actions.setTracing("AMIS_shop_accept", TracingMode.ACTIVE).isActive()).isTrue();
        assertThat(actions.setTimeout("AMIS_shop_accept", 30).timeoutSeconds()).isEqualTo(30);
        assertThat(actions.setMemory("AMIS_shop_accept", 1024).memoryMb()).isEqualTo(1024);
    }

    @Test
    void switchesTheStagesTracingAndReadsItBack() {
        RestStage stage = actions.restStages(StackScope.ofStack(STACK)).get(0);
        assertThat(stage.serviceName()).isEqualTo("AMIS_api_gateway/prod");
        assertThat(stage.tracingEnabled()).isTrue();
        assertThat(actions.setStageTracing(stage, false).tracingEnabled()).isFalse();
        assertThat(actions.restStages(StackScope.ofNamePrefix("AMIS_"))).singleElement()
                .satisfies(s -> assertThat(s.tracingEnabled()).isFalse());
        assertThat(actions.setStageTracing(stage, true).tracingEnabled()).isTrue();
    }

    @Test
    void theIamCheckFindsAStrippedRoleAndAttachingFixesIt() {
        String role = actions.function("AMIS_shop_update_db").role();
        RoleCheck stripped = actions.detachXRayWriteAccess(role);
        assertThat(stripped.canWriteTraces()).isFalse();
        assertThat(stripped.missingActions()).containsExactly("xray:PutTraceSegments", "xray:PutTelemetryRecords");
        assertThat(stripped.policies()).extracting(p -> p.label()).contains("AWSLambdaBasicExecutionRole (AWS managed)");
        assertThat(actions.attachXRayWriteAccess(role).canWriteTraces()).isTrue();
    }

    @Test
    void deploysUpdatesAndDeletesTheStackThroughTheSandboxsCloudFormation() {
        List<StackEvent> events = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        DeployListener listener = new DeployListener() {
            @Override
            public void step(String message) {
                steps.add(message);
            }

            @Override
            public void event(StackEvent event) {
                events.add(event);
            }
        };
        DeployResult off = deployer.deploy(DeployRequest.of("AMIS", false), listener);
        assertThat(off.status()).isEqualTo("UPDATE_COMPLETE");
        assertThat(steps).anySatisfy(s -> assertThat(s).contains("nothing to upload"));
        assertThat(events).isNotEmpty().last().satisfies(e -> assertThat(e.status()).isEqualTo("UPDATE_COMPLETE"));
        assertThat(actions.functions(StackScope.ofStack(STACK))).allSatisfy(f ->
                assertThat(f.tracing()).isEqualTo(TracingMode.PASS_THROUGH));
        assertThat(actions.restStages(StackScope.ofStack(STACK)).get(0).tracingEnabled()).isFalse();

        DeployResult again = deployer.deploy(DeployRequest.of("AMIS", false), DeployListener.none());
        assertThat(again.unchanged()).isTrue();
        assertThat(again.succeeded()).isTrue();

        DeployResult deleted = deployer.delete(STACK, DeployListener.none());
        assertThat(deleted.status()).isEqualTo("DELETE_COMPLETE");
        assertThat(actions.functions(StackScope.ofNamePrefix("AMIS_"))).isEmpty();

        events.clear();
        DeployResult created = deployer.deploy(DeployRequest.of("AMIS", true), listener);
        assertThat(created.status()).isEqualTo("CREATE_COMPLETE");
        assertThat(created.invokeUrl()).isPresent();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.logicalId()).isEqualTo("AcceptFunction");
            assertThat(e.status()).isEqualTo("CREATE_COMPLETE");
        });
        assertThat(actions.function("AMIS_shop_accept").tracing()).isEqualTo(TracingMode.ACTIVE);
    }
}
