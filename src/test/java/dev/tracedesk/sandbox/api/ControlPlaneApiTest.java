package dev.tracedesk.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.SandboxFixture;
import dev.tracedesk.sandbox.stack.ShopStack;
import dev.tracedesk.shop.ShopTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TracingMode;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Segment;

/** The Lambda, API Gateway, IAM, STS and CloudFormation APIs of the sandbox through the real SDK v2 clients. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlPlaneApiTest {
    static final String ACCEPT = "AMIS_shop_accept";
    static final String UNITTEST = "AMIS_unittest_object_under_test_update_db";
    static final String XRAY_WRITE = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess";

    @TempDir
    static Path dir;
    Sandbox sandbox;
    ShopStack stack;
    LambdaClient lambda;
    ApiGatewayClient apigw;
    IamClient iam;
    StsClient sts;
    CloudFormationClient cfn;
    XRayClient xray;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(URI.create("http://127.0.0.1:" + sandbox.port())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        stack = ShopStack.start(sandbox, ShopStack.Options.defaults());
        lambda = client(LambdaClient.builder());
        apigw = client(ApiGatewayClient.builder());
        iam = client(IamClient.builder());
        sts = client(StsClient.builder());
        cfn = client(CloudFormationClient.builder());
        xray = SandboxFixture.client(sandbox.port());
    }

    @AfterAll
    void stop() {

        lambda.close();
        apigw.close();
        iam.close();
        sts.close();
        cfn.close();
        xray.close();
        stack.close();
        sandbox.close();
    }

    @Test
    void listFunctionsPagesWithMarkerAndShowsTheTemplatesConfiguration() {
        var first = lambda.listFunctions(b -> b.maxItems(3));
        assertThat(first.functions()).hasSize(3);
        assertThat(first.nextMarker()).isNotBlank();
        var second = lambda.listFunctions(b -> b.maxItems(3).marker(first.nextMarker()));
        assertThat(second.functions()).hasSize(1);
        assertThat(second.nextMarker()).isNull();
        var accept = lambda.getFunctionConfiguration(b -> b.functionName(ACCEPT));
        assertThat(accept.handler()).isEqualTo("dev.tracedesk.shop.lambda.AcceptEntry::handleRequest");
        assertThat(accept.runtimeAsString()).isEqualTo("java17");
        assertThat(accept.memorySize()).isEqualTo(256);
        assertThat(accept.tracingConfig().mode()).isEqualTo(TracingMode.ACTIVE);
        assertThat(accept.role()).isEqualTo("arn:aws:iam::000000000000:role/AMIS_shop_accept_role");
        assertThat(accept.environment().variables()).containsEntry("TOPIC_ARN", "arn:aws:sns:us-east-1:000000000000:AMIS_shop_accepted");
    }

    @Test
    void functionNameMayBeNamePartialArnOrFullArnAndUnknownIsResourceNotFound() {
        String arn = "arn:aws:lambda:us-east-1:000000000000:function:" + ACCEPT;
        assertThat(lambda.getFunction(b -> b.functionName(arn)).configuration().functionArn()).isEqualTo(arn);
        assertThat(lambda.getFunction(b -> b.functionName("000000000000:function:" + ACCEPT)).configuration().functionName()).isEqualTo(ACCEPT);
        assertThatThrownBy(() -> lambda.getFunctionConfiguration(b -> b.functionName("nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(404));
    }

    @Test
    void updateFunctionConfigurationGoesInProgressThenSuccessfulAndRefusesAConcurrentUpdate() throws Exception {
        String fn = "AMIS_shop_decrypt";
        var updated = lambda.updateFunctionConfiguration(b -> b.functionName(fn).timeout(12).memorySize(512));
        assertThat(updated.lastUpdateStatusAsString()).isEqualTo("InProgress");
        assertThat(updated.timeout()).isEqualTo(12);
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName(fn).timeout(13)))
                .isInstanceOf(ResourceConflictException.class);
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(fn));
        var after = lambda.getFunctionConfiguration(b -> b.functionName(fn));
        assertThat(after.lastUpdateStatusAsString()).isEqualTo("Successful");
        assertThat(after.memorySize()).isEqualTo(512);
        assertThat(after.revisionId()).isNotEqualTo(null);
        assertThat(stack.lambda().config(fn).memoryMb()).isEqualTo(512);
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName(fn).timeout(100_000)))
                .isInstanceOf(software.amazon.awssdk.services.lambda.model.LambdaException.class)
                .satisfies(e -> assertThat(((software.amazon.awssdk.services.lambda.model.LambdaException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void invokeRunsTheHandlerAndReportsAFunctionError() {
        InvokeResponse r = lambda.invoke(b -> b.functionName(UNITTEST)
                .payload(SdkBytes.fromUtf8String("{\"httpMethod\":\"POST\",\"body\":\"{\\\"shopId\\\":\\\"s\\\",\\\"messageId\\\":\\\"m\\\"}\"}")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(r.payload().asUtf8String()).contains("ResourceNotFoundException");
        var event = lambda.invoke(b -> b.functionName(UNITTEST).invocationType("Event").payload(SdkBytes.fromUtf8String("{}")));
        assertThat(event.statusCode()).isEqualTo(202);
    }

    @Test
    void malformedBodiesGetA4xxInTheServicesShape() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.port()
                        + "/2015-03-31/functions/" + ACCEPT + "/configuration")).PUT(HttpRequest.BodyPublishers.ofString("{not json"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidRequestContentException");
        HttpResponse<String> q = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.port() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=Nope&Version=2010-05-08")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(q.statusCode()).isEqualTo(400);
        assertThat(q.body()).contains("<ErrorResponse").contains("<Type>Sender</Type>").contains("<Code>InvalidAction</Code>");
    }

    @Test
    void restApisAndStagesAreListedAndAnUnknownPatchPathIsABadRequest() {
        var apis = apigw.getRestApis(b -> { });
        assertThat(apis.items()).extracting(a -> a.name()).contains("AMIS_api_gateway");
        String id = apis.items().stream().filter(a -> a.name().equals("AMIS_api_gateway")).findFirst().orElseThrow().id();
        assertThat(apigw.getStages(b -> b.restApiId(id)).item()).extracting(s -> s.stageName()).containsExactly("prod");
        assertThat(apigw.getStage(b -> b.restApiId(id).stageName("prod")).tracingEnabled()).isTrue();
        assertThatThrownBy(() -> apigw.updateStage(b -> b.restApiId(id).stageName("prod")
                .patchOperations(p -> p.op(Op.REPLACE).path("/cacheClusterSize").value("0.5"))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("/cacheClusterSize");
        assertThatThrownBy(() -> apigw.getStage(b -> b.restApiId("nope").stageName("prod")))
                .isInstanceOf(software.amazon.awssdk.services.apigateway.model.NotFoundException.class);
    }

    @Test
    void callerIdentityIsTheSandboxAccount() {
        var id = sts.getCallerIdentity();
        assertThat(id.account()).isEqualTo("000000000000");
        assertThat(id.arn()).startsWith("arn:aws:iam::000000000000:");
    }

    @Test
    void rolePoliciesAreListedAndInlineDocumentsComeBackUrlEncoded() {
        String role = "AMIS_shop_accept_role";
        assertThat(iam.getRole(b -> b.roleName(role)).role().arn()).isEqualTo("arn:aws:iam::000000000000:role/" + role);
        assertThat(iam.listAttachedRolePolicies(b -> b.roleName(role)).attachedPolicies()).extracting(p -> p.policyArn())
                .contains(XRAY_WRITE, "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        assertThat(iam.listRolePolicies(b -> b.roleName(role)).policyNames()).containsExactly("publish-accepted");
        String doc = iam.getRolePolicy(b -> b.roleName(role).policyName("publish-accepted")).policyDocument();
        assertThat(java.net.URLDecoder.decode(doc, java.nio.charset.StandardCharsets.UTF_8)).contains("sns:Publish");
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName("nobody"))).isInstanceOf(NoSuchEntityException.class);
    }

    /** Sends a sampled request to the unit-test route and returns the origins of the trace's segments. */
    private List<String> originsOfASampledUnitTestRequest() throws Exception {
        String root = "1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        http.send(HttpRequest.newBuilder(URI.create(stack.invokeUrl() + "/shop/unittest"))
                .header("X-Amzn-Trace-Id", "Root=" + root + ";Sampled=1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"shopId\":\"s\",\"messageId\":\"" + root + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.currentTimeMillis() + 10_000;
        List<String> origins = List.of();
        while (System.currentTimeMillis() < deadline) {
            sandbox.flush(Duration.ofSeconds(5));
            var traces = xray.batchGetTraces(b -> b.traceIds(root)).traces();
            if (!traces.isEmpty()) {
                origins = traces.get(0).segments().stream().map(Segment::document)
                        .map(d -> d.replaceAll(".*\"origin\":\"([^\"]+)\".*", "$1")).toList();
                if (origins.contains("AWS::Lambda")) {
                    Thread.sleep(200); // the function segment follows the service segment
                    sandbox.flush(Duration.ofSeconds(5));
                    return xray.batchGetTraces(b -> b.traceIds(root)).traces().get(0).segments().stream().map(Segment::document)
                            .map(d -> d.replaceAll(".*\"origin\":\"([^\"]+)\".*", "$1")).toList();
                }
            }
            Thread.sleep(50);
        }
        return origins;
    }

    @Test
    void aRoleWithoutXRayWriteAccessLosesTheFunctionSegmentUntilThePolicyIsAttachedAgain() throws Exception {
        String role = "AMIS_unittest_object_under_test_update_db_role";
        assertThat(originsOfASampledUnitTestRequest()).contains("AWS::Lambda", "AWS::Lambda::Function");
        iam.detachRolePolicy(b -> b.roleName(role).policyArn(XRAY_WRITE));
        try {
            List<String> stripped = originsOfASampledUnitTestRequest();
            assertThat(stripped).contains("AWS::ApiGateway::Stage", "AWS::Lambda").doesNotContain("AWS::Lambda::Function");
            iam.putRolePolicy(b -> b.roleName(role).policyName("xray-wildcard")
                    .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"xray:Put*\",\"Resource\":\"*\"},"
                            + "{\"Effect\":\"Deny\",\"Action\":\"xray:PutTraceSegments\",\"Resource\":\"*\"}]}"));
            assertThat(originsOfASampledUnitTestRequest()).doesNotContain("AWS::Lambda::Function"); // explicit Deny wins
            iam.deleteRolePolicy(b -> b.roleName(role).policyName("xray-wildcard"));
        } finally {
            iam.attachRolePolicy(b -> b.roleName(role).policyArn(XRAY_WRITE));
        }
        assertThat(originsOfASampledUnitTestRequest()).contains("AWS::Lambda", "AWS::Lambda::Function");
    }

    /** Polls DescribeStacks until the stack leaves its _IN_PROGRESS state (the SDK's waiters poll every 30 s). */
    private String settle(String stack) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        String status;
        do {
            status = cfn.describeStacks(b -> b.stackName(stack)).stacks().get(0).stackStatusAsString();
            if (!status.endsWith("_IN_PROGRESS")) return status;
            Thread.sleep(20);
        } while (System.currentTimeMillis() < deadline);
        return status;
    }

    @Test
    void aStackIsCreatedUpdatedAndDeletedWithEvents() throws Exception {
        String name = "tracedesk-shop-T1";
        Consumer<software.amazon.awssdk.services.cloudformation.model.CreateStackRequest.Builder> req = b -> b.stackName(name)
                .templateBody(ShopTemplate.json()).capabilities(Capability.CAPABILITY_NAMED_IAM).parameters(
                        p -> p.parameterKey("Prefix").parameterValue("T1"), p -> p.parameterKey("CodeBucket").parameterValue("b"),
                        p -> p.parameterKey("CodeKey").parameterValue("k"), p -> p.parameterKey("Tracing").parameterValue("off"),
                        p -> p.parameterKey("ShopKey").parameterValue(stack.key()));
        assertThatThrownBy(() -> cfn.createStack(b -> { req.accept(b); b.capabilities(List.of()); }))
                .isInstanceOf(CloudFormationException.class).hasMessageContaining("CAPABILITY_NAMED_IAM");
        String id = cfn.createStack(req).stackId();
        assertThat(id).startsWith("arn:aws:cloudformation:us-east-1:000000000000:stack/" + name + "/");
        assertThat(settle(name)).isEqualTo("CREATE_COMPLETE");
        var described = cfn.describeStacks(b -> b.stackName(name)).stacks().get(0);
        assertThat(described.stackStatus()).isEqualTo(StackStatus.CREATE_COMPLETE);
        assertThat(described.parameters()).anySatisfy(p -> {
            assertThat(p.parameterKey()).isEqualTo("ShopKey");
            assertThat(p.parameterValue()).isEqualTo("****");
        });
        assertThat(described.outputs()).anySatisfy(o -> assertThat(o.outputKey()).isEqualTo("InvokeUrl"));
        List<StackEvent> events = cfn.describeStackEvents(b -> b.stackName(name)).stackEvents();
        assertThat(events.get(0).resourceStatusAsString()).isEqualTo("CREATE_COMPLETE");
        assertThat(events.get(0).logicalResourceId()).isEqualTo(name);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.logicalResourceId()).isEqualTo("AcceptFunction");
            assertThat(e.resourceStatusAsString()).isEqualTo("CREATE_IN_PROGRESS");
        });
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("T1_shop_accept")).tracingConfig().mode()).isEqualTo(TracingMode.PASS_THROUGH);

        cfn.updateStack(b -> b.stackName(name).usePreviousTemplate(true).capabilities(Capability.CAPABILITY_NAMED_IAM).parameters(
                p -> p.parameterKey("Tracing").parameterValue("on"), p -> p.parameterKey("Prefix").usePreviousValue(true),
                p -> p.parameterKey("CodeBucket").usePreviousValue(true), p -> p.parameterKey("CodeKey").usePreviousValue(true),
                p -> p.parameterKey("ShopKey").usePreviousValue(true)));
        assertThat(settle(name)).isEqualTo("UPDATE_COMPLETE");
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("T1_shop_accept")).tracingConfig().mode()).isEqualTo(TracingMode.ACTIVE);
        assertThat(cfn.describeStackEvents(b -> b.stackName(name)).stackEvents())
                .anySatisfy(e -> assertThat(e.resourceStatusAsString()).isEqualTo("UPDATE_IN_PROGRESS"));

        cfn.deleteStack(b -> b.stackName(name));
        assertThat(settle(id)).isEqualTo("DELETE_COMPLETE");
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("T1_shop_accept"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cfn.describeStacks(b -> b.stackName(name))).isInstanceOf(CloudFormationException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void anUnknownHandlerFailsItsResourceAndRollsBack() throws Exception {
        String template = ShopTemplate.json().replace("dev.tracedesk.shop.lambda.AcceptEntry::handleRequest", "com.example.Nope::handle");
        String name = "tracedesk-shop-T2";
        cfn.createStack(b -> b.stackName(name).templateBody(template).capabilities(Capability.CAPABILITY_NAMED_IAM).parameters(
                p -> p.parameterKey("Prefix").parameterValue("T2"), p -> p.parameterKey("CodeBucket").parameterValue("b"),
                p -> p.parameterKey("CodeKey").parameterValue("k"), p -> p.parameterKey("ShopKey").parameterValue(stack.key())));
        assertThat(settle(name)).isEqualTo("ROLLBACK_COMPLETE");
        var events = cfn.describeStackEvents(b -> b.stackName(name)).stackEvents();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.logicalResourceId()).isEqualTo("AcceptFunction");
            assertThat(e.resourceStatusAsString()).isEqualTo("CREATE_FAILED");
            assertThat(e.resourceStatusReason()).contains("com.example.Nope::handle");
        });
        assertThat(iam.listRoles().roles()).extracting(r -> r.roleName()).doesNotContain("T2_shop_accept_role");
        cfn.deleteStack(b -> b.stackName(name));
    }
}
