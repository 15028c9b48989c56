package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.aws.AwsClients;
import dev.tracedesk.aws.AwsConnection;
import dev.tracedesk.aws.AwsEnvironment;
import dev.tracedesk.aws.CancelToken;
import dev.tracedesk.aws.MfaCodeProvider;
import dev.tracedesk.aws.SignIn;
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
import dev.tracedesk.testing.MotoServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop stack on moto_server, the nearest thing to AWS here, through the same code paths as AWS: the staging
 * bucket and upload, CloudFormation create/update/delete with events, then the explore.stack actions on what it made.
 * The tests run in order on one stack.
 *
 * <p>moto 5.2.1's CloudFormation leaves out parts of the template (its resource handlers drop the properties):
 * AWS::Lambda::Function TracingConfig (functions come up PassThrough), AWS::IAM::Role ManagedPolicyArns (only
 * inline Policies are attached), AWS::ApiGateway::Deployment StageDescription (stage tracing stays off), and it
 * reports only the stack's own events, none per resource; its UpdateFunctionConfiguration ignores TracingConfig. So these tests set the state they check themselves; the
 * template's own state is checked against the sandbox's CloudFormation. (moto also needs
 * MOTO_IAM_LOAD_MANAGED_POLICIES=true to know AWS managed policies; {@link MotoServer} sets it.)
 */
@Tag("moto")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopStackMotoTest {
    private static final String PREFIX = "AMIS";
    private static final DeployRequest REQUEST = DeployRequest.of(PREFIX, true);

    private static MotoServer moto;
    private static AwsConnection connection;
    private static AwsClients clients;
    private static ShopStackDeployer deployer;
    private static StackActions actions;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        moto = MotoServer.startOrSkip(dir);
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[moto]\naws_access_key_id = AKIDMOTO\naws_secret_access_key = moto-secret\n");
        Files.writeString(home.resolve(".aws/config"), "[profile moto]\nregion = eu-west-1\n");
        SignIn signIn = new SignIn(new AwsEnvironment(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString()), home));
        connection = signIn.connect("moto", Optional.empty(), null, MfaCodeProvider.none(), new CancelToken());
        clients = new AwsClients(connection);
        Path zip = lambdaZip(dir.resolve("tracedesk-shop-lambda.zip"));
        deployer = new ShopStackDeployer(() -> clients, () -> zip, Duration.ofMillis(200));
        actions = new StackActions(() -> clients);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (clients != null) {
            clients.close();
        }
        if (connection != null) {
            connection.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    /** A stand-in for the Maven-built zip: moto stores the code but does not run Java. */
    private static Path lambdaZip(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("dev/tracedesk/shop/lambda/AcceptEntry.class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            zip.closeEntry();
        }
        return file;
    }

    private static final class Recorder implements DeployListener {
        final List<String> steps = new ArrayList<>();
        final List<StackEvent> events = new ArrayList<>();
        double progress;

        @Override
        public void step(String message) {
            steps.add(message);
        }

        @Override
        public void event(StackEvent event) {
            events.add(event);
        }

        @Override
        public void progress(double fraction) {
            progress = fraction;
        }
    }

    @Test
    @Order(1)
    void deployCreatesTheStagingBucketUploadsTheZipAndCreatesTheStack() {
        Recorder recorder = new Recorder();
        DeployResult result = deployer.deploy(REQUEST, recorder);

        assertThat(result.status()).isEqualTo("CREATE_COMPLETE");
        assertThat(result.succeeded()).isTrue();
        assertThat(result.invokeUrl()).hasValueSatisfying(url -> assertThat(url).startsWith("https://").endsWith("/prod"));
        assertThat(result.outputs()).containsEntry("AcceptFunctionName", "AMIS_shop_accept");
        assertThat(recorder.steps).anySatisfy(s -> assertThat(s).startsWith("Creating the staging bucket tracedesk-staging-123456789012-eu-west-1"))
                .anySatisfy(s -> assertThat(s).startsWith("Uploading tracedesk-shop-lambda.zip"));
        assertThat(recorder.events).first().satisfies(e -> assertThat(e.status()).isEqualTo("CREATE_IN_PROGRESS"));
        assertThat(recorder.events).last().satisfies(e -> {
            assertThat(e.logicalId()).isEqualTo(REQUEST.stackName());
            assertThat(e.status()).isEqualTo("CREATE_COMPLETE");
        });
        assertThat(recorder.progress).isEqualTo(1.0);
        assertThat(clients.s3().listObjectsV2(b -> b.bucket("tracedesk-staging-123456789012-eu-west-1")).contents())
                .singleElement().satisfies(o -> assertThat(o.key()).startsWith("tracedesk/shop/tracedesk-shop-lambda-"));
    }

    @Test
    @Order(2)
    void deployingTheSameAgainUploadsNothingAndChangesNothing() {
        Recorder recorder = new Recorder();
        DeployResult result = deployer.deploy(REQUEST, recorder);
        assertThat(recorder.steps).anySatisfy(s -> assertThat(s).contains("not uploaded again"));
        assertThat(result.succeeded()).isTrue();
        assertThat(result.outputs()).containsKey("InvokeUrl");
        assertThat(deployer.describe(REQUEST.stackName())).hasValueSatisfying(d ->
                assertThat(d.status()).isIn("CREATE_COMPLETE", "UPDATE_COMPLETE"));
    }

    @Test
    @Order(3)
    void listsTheStacksFunctionsByStackAndByPrefix() {
        List<StackFunction> byStack = actions.functions(StackScope.ofStack(REQUEST.stackName()));
        assertThat(byStack).extracting(StackFunction::name).containsExactly("AMIS_shop_accept", "AMIS_shop_decrypt",
                "AMIS_shop_update_db", "AMIS_unittest_object_under_test_update_db");
        assertThat(byStack).allSatisfy(f -> {
            assertThat(f.runtime()).isEqualTo("java17");
            assertThat(f.role()).startsWith("arn:aws:iam::123456789012:role/");
        });
        assertThat(byStack.get(0).handler()).isEqualTo("dev.tracedesk.shop.lambda.AcceptEntry::handleRequest");
        assertThat(byStack.get(0).memoryMb()).isEqualTo(256);
        assertThat(actions.functions(StackScope.ofNamePrefix("AMIS_"))).isEqualTo(byStack);
    }

    @Test
    @Order(4)
    void changesTimeoutAndMemoryAndReadsThemBack() {
        StackFunction changed = actions.setTimeout("AMIS_shop_accept", 25);
        assertThat(changed.timeoutSeconds()).isEqualTo(25);
        assertThat(changed.lastUpdateStatus()).hasValue("Successful");
        assertThat(actions.setMemory("AMIS_shop_accept", 512).memoryMb()).isEqualTo(512);
        assertThat(actions.function("AMIS_shop_accept").memoryMb()).isEqualTo(512);
        assertThat(actions.function("AMIS_shop_decrypt").memoryMb()).isEqualTo(256);
    }

    @Test
    @Order(4)
    void switchesFunctionTracingAndReadsItBack() {
        StackFunction on = actions.setTracing("AMIS_shop_accept", TracingMode.ACTIVE);
        Assumptions.assumeTrue(on.tracing() == TracingMode.ACTIVE,
                "this moto_server ignores TracingConfig in UpdateFunctionConfiguration (moto 5.2.1 does)");
        assertThat(actions.function("AMIS_shop_accept").tracing()).isEqualTo(TracingMode.ACTIVE);
        assertThat(actions.setTracing("AMIS_shop_accept", TracingMode.PASS_THROUGH).tracing())
                .isEqualTo(TracingMode.PASS_THROUGH);
    }

    @Test
    @Order(5)
    void switchesTheStagesTracingAndReadsItBack() {
        List<RestStage> stages = actions.restStages(StackScope.ofStack(REQUEST.stackName()));
        assertThat(stages).singleElement().satisfies(s -> {
            assertThat(s.apiName()).isEqualTo("AMIS_api_gateway");
            assertThat(s.stageName()).isEqualTo("prod");
            assertThat(s.stageArn()).isEqualTo("arn:aws:apigateway:eu-west-1::/restapis/" + s.apiId() + "/stages/prod");
        });
        RestStage on = actions.setStageTracing(stages.get(0), true);
        assertThat(on.tracingEnabled()).isTrue();
        assertThat(actions.restStages(StackScope.ofNamePrefix("AMIS_"))).singleElement()
                .satisfies(s -> assertThat(s.tracingEnabled()).isTrue());
        assertThat(actions.setStageTracing(on, false).tracingEnabled()).isFalse();
        assertThat(actions.restStages(StackScope.ofNamePrefix("AMIS_")).get(0).tracingEnabled()).isFalse();
    }

    @Test
    @Order(6)
    void theIamCheckFollowsAttachingAndDetachingTheXRayPolicy() {
        StackFunction accept = actions.function("AMIS_shop_accept");
        RoleCheck before = actions.checkRole(accept.role());
        assertThat(before.roleName()).isEqualTo("AMIS_shop_accept_role");
        assertThat(before.policies()).extracting(p -> p.label()).contains("publish-accepted (inline)");

        RoleCheck attached = actions.attachXRayWriteAccess(accept.role());
        assertThat(attached.canWriteTraces()).isTrue();
        assertThat(attached.hasDaemonWriteAccess()).isTrue();
        assertThat(attached.decisions()).allSatisfy(d -> assertThat(d.allowedBy())
                .containsExactly("AWSXRayDaemonWriteAccess (AWS managed)"));
        assertThat(actions.checkRoles(actions.functions(StackScope.ofNamePrefix("AMIS_")))).hasSize(4)
                .containsEntry(accept.role(), attached);

        // Detached again, the role is as moto's CloudFormation made it, so the stack can be deleted.
        RoleCheck stripped = actions.detachXRayWriteAccess(accept.role());
        assertThat(stripped.canWriteTraces()).isFalse();
        assertThat(stripped.missingActions()).containsExactly("xray:PutTraceSegments", "xray:PutTelemetryRecords");
        assertThat(stripped.attachWouldHelp()).isTrue();
        assertThat(stripped.explanation()).contains("may not send traces");
        assertThat(actions.identity().account()).isEqualTo("123456789012");
    }

    @Test
    @Order(7)
    void deleteRemovesTheStackAndASecondDeleteIsANoOp() {
        Recorder recorder = new Recorder();
        DeployResult deleted = deployer.delete(REQUEST.stackName(), recorder);
        assertThat(deleted.status()).isEqualTo("DELETE_COMPLETE");
        assertThat(deleted.unchanged()).isFalse();
        assertThat(deployer.describe(REQUEST.stackName())).isEmpty();
        assertThat(actions.functions(StackScope.ofNamePrefix("AMIS_"))).isEmpty();
        assertThat(deployer.delete(REQUEST.stackName(), DeployListener.none()).unchanged()).isTrue();
    }
}
