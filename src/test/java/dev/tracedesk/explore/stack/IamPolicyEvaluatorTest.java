package dev.tracedesk.explore.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IamPolicyEvaluatorTest {
    private static final String PUT = "xray:PutTraceSegments";
    private static final String ROLE = "arn:aws:iam::123456789012:role/service/AMIS_shop_accept-role";

    private static RolePolicy inline(String name, String document) {
        return RolePolicy.readable(name, "", PolicyKind.INLINE, document);
    }

    private static RolePolicy managed(String name) {
        String arn = "arn:aws:iam::aws:policy/" + name;
        return RolePolicy.readable(name, arn, PolicyKind.AWS_MANAGED, ManagedPolicies.knownDocument(arn).orElseThrow());
    }

    private static String statement(String effect, String actionKey, String actions, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"" + effect + "\",\"" + actionKey + "\":" + actions
                + ",\"Resource\":" + resource + "}}";
    }

    @Test
    void theDaemonWriteAccessPolicyAllowsBothWriteActions() {
        RoleCheck check = RoleCheck.of(ROLE, "AMIS_shop_accept-role", List.of(managed("AWSXRayDaemonWriteAccess")));
        assertThat(check.canWriteTraces()).isTrue();
        assertThat(check.hasDaemonWriteAccess()).isTrue();
        assertThat(check.decisions()).allSatisfy(d -> assertThat(d.allowedBy())
                .containsExactly("AWSXRayDaemonWriteAccess (AWS managed)"));
    }

    @Test
    void aRoleWithOnlyTheBasicExecutionPolicyMayNotSendTraces() {
        RolePolicy basic = RolePolicy.readable("AWSLambdaBasicExecutionRole",
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", PolicyKind.AWS_MANAGED,
                statement("Allow", "Action", "[\"logs:CreateLogGroup\",\"logs:CreateLogStream\",\"logs:PutLogEvents\"]", "\"*\""));
        RoleCheck check = RoleCheck.of(ROLE, "r", List.of(basic));
        assertThat(check.canWriteTraces()).isFalse();
        assertThat(check.missingActions()).containsExactly(PUT, "xray:PutTelemetryRecords");
        assertThat(check.attachWouldHelp()).isTrue();
        assertThat(check.explanation()).contains("may not send traces").contains("AWSXRayDaemonWriteAccess");
    }

    @Test
    void wildcardsInInlineActionsMatchCaseInsensitively() {
        RoleCheck check = RoleCheck.of(ROLE, "r", List.of(inline("tracing", statement("Allow", "Action", "\"XRay:Put*\"", "\"*\""))));
        assertThat(check.canWriteTraces()).isTrue();
        RoleCheck single = RoleCheck.of(ROLE, "r", List.of(inline("one", statement("Allow", "Action", "\"xray:PutTrace?egments\"", "[\"*\"]"))));
        assertThat(single.decisions().get(0).decision()).isEqualTo(Decision.ALLOWED);
        assertThat(single.decisions().get(1).decision()).isEqualTo(Decision.NOT_ALLOWED);
        assertThat(single.missingActions()).containsExactly("xray:PutTelemetryRecords");
    }

    @Test
    void anExplicitDenyWinsOverAnAllowAndAttachingCannotHelp() {
        RoleCheck check = RoleCheck.of(ROLE, "r", List.of(managed("AWSXrayFullAccess"),
                inline("no-traces", statement("Deny", "Action", "\"xray:PutTraceSegments\"", "\"*\""))));
        ActionDecision put = check.decisions().get(0);
        assertThat(put.decision()).isEqualTo(Decision.DENIED);
        assertThat(put.deniedBy()).containsExactly("no-traces (inline)");
        assertThat(put.explanation()).contains("explicitly denied by no-traces (inline)");
        assertThat(check.decisions().get(1).decision()).isEqualTo(Decision.ALLOWED);
        assertThat(check.attachWouldHelp()).isFalse();
    }

    @Test
    void notActionAllowsEverythingElse() {
        RolePolicy allButIam = inline("all-but-iam", statement("Allow", "NotAction", "[\"iam:*\"]", "\"*\""));
        assertThat(RoleCheck.of(ROLE, "r", List.of(allButIam)).canWriteTraces()).isTrue();
        RolePolicy allButXray = inline("all-but-xray", statement("Allow", "NotAction", "\"xray:*\"", "\"*\""));
        assertThat(RoleCheck.of(ROLE, "r", List.of(allButXray)).canWriteTraces()).isFalse();
        RolePolicy denyAllButLogs = inline("deny", statement("Deny", "NotAction", "\"logs:*\"", "\"*\""));
        assertThat(IamPolicyEvaluator.evaluate(PUT, List.of(managed("AdministratorAccess"), denyAllButLogs)).decision())
                .isEqualTo(Decision.DENIED);
    }

    @Test
    void aResourceScopedStatementDoesNotCoverTheWriteActions() {
        RolePolicy scoped = inline("scoped", statement("Allow", "Action", "\"xray:*\"", "\"arn:aws:xray:us-east-1:1:group/*\""));
        assertThat(IamPolicyEvaluator.evaluate(PUT, List.of(scoped)).decision()).isEqualTo(Decision.NOT_ALLOWED);
        RolePolicy notResource = inline("nr", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"xray:*\","
                + "\"NotResource\":\"arn:aws:s3:::*\"}]}");
        assertThat(IamPolicyEvaluator.evaluate(PUT, List.of(notResource)).decision()).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void conditionalStatementsAreReportedNotCounted() {
        RolePolicy conditional = inline("vpc-only", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"xray:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpc\":\"vpc-1\"}}}]}");
        ActionDecision d = IamPolicyEvaluator.evaluate(PUT, List.of(conditional));
        assertThat(d.decision()).isEqualTo(Decision.NOT_ALLOWED);
        assertThat(d.conditional()).containsExactly("vpc-only (inline)");
        assertThat(d.explanation()).contains("only under conditions");
    }

    @Test
    void unreadableAndMalformedPoliciesAreSkippedAndNamed() {
        RolePolicy unreadable = RolePolicy.unreadable("Custom", "arn:aws:iam::123456789012:policy/Custom",
                PolicyKind.CUSTOMER_MANAGED, "iam:GetPolicyVersion is missing");
        RolePolicy malformed = inline("broken", "{not json");
        RoleCheck check = RoleCheck.of(ROLE, "r", List.of(unreadable, malformed, managed("AWSXRayDaemonWriteAccess")));
        assertThat(check.canWriteTraces()).isTrue();
        assertThat(check.explanation()).contains("Not read: Custom (customer managed) (iam:GetPolicyVersion is missing)");
    }

    @Test
    void roleNamesComeFromTheLastPathPartAndPartitionsAreKept() {
        assertThat(StackActions.roleName(ROLE)).isEqualTo("AMIS_shop_accept-role");
        assertThat(StackActions.roleName("arn:aws:iam::1:role/plain")).isEqualTo("plain");
        assertThat(ManagedPolicies.daemonWriteAccessArn("arn:aws-cn:iam::1:role/x"))
                .isEqualTo("arn:aws-cn:iam::aws:policy/AWSXRayDaemonWriteAccess");
        assertThat(ManagedPolicies.isAwsManaged("arn:aws:iam::123456789012:policy/AWSXRayDaemonWriteAccess")).isFalse();
    }

    @Test
    void iamDocumentsAreUrlDecoded() {
        String encoded = "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22xray%3A%2A%22%2C"
                + "%22Resource%22%3A%22%2A%22%7D%5D%7D";
        assertThat(StackActions.decode(encoded)).isEqualTo("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"xray:*\",\"Resource\":\"*\"}]}");
        assertThat(StackActions.decode(" {\"a\":1}")).isEqualTo("{\"a\":1}");
    }
}
