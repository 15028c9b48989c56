package dev.tracedesk.sandbox.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalIamTest {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    static String allow(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}}";
    }

    @Test
    void theXRayDaemonPolicyAllowsPutTraceSegmentsAndBasicExecutionDoesNot() {
        LocalIam iam = new LocalIam("000000000000");
        LocalIam.Role r = iam.createRole("fn_role", "/", TRUST, null);
        iam.attach("fn_role", LocalIam.LAMBDA_BASIC);
        assertThat(iam.allows(r.arn, "xray:PutTraceSegments")).isFalse();
        iam.attach("fn_role", LocalIam.XRAY_WRITE);
        assertThat(iam.allows(r.arn, "xray:PutTraceSegments")).isTrue();
        iam.detach("fn_role", LocalIam.XRAY_WRITE);
        assertThat(iam.allows(r.arn, "xray:PutTraceSegments")).isFalse();
    }

    @Test
    void inlineWildcardsAllowAndAnExplicitDenyWins() {
        assertThat(LocalIam.allows(List.of(allow("xray:*")), "xray:PutTraceSegments")).isTrue();
        assertThat(LocalIam.allows(List.of(allow("XRay:Put*")), "xray:PutTraceSegments")).isTrue();
        assertThat(LocalIam.allows(List.of(allow("xray:Get*")), "xray:PutTraceSegments")).isFalse();
        assertThat(LocalIam.allows(List.of(allow("*"), "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"xray:PutTrace*\"],\"Resource\":\"*\"}]}"),
                "xray:PutTraceSegments")).isFalse();
        assertThat(LocalIam.allows(List.of("{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}]}"),
                "xray:PutTraceSegments")).isTrue();
    }

    @Test
    void unknownRolesAndPoliciesAreNoSuchEntityAndBadDocumentsAreMalformed() {
        LocalIam iam = new LocalIam("000000000000");
        assertThat(iam.allows("arn:aws:iam::000000000000:role/nobody", "xray:PutTraceSegments")).isFalse();
        assertThatThrownBy(() -> iam.role("nobody")).isInstanceOf(LocalIam.IamError.class).hasMessageContaining("nobody");
        iam.createRole("r", "/", TRUST, null);
        assertThatThrownBy(() -> iam.attach("r", "arn:aws:iam::aws:policy/NoSuchPolicy"))
                .isInstanceOfSatisfying(LocalIam.IamError.class, e -> assertThat(e.code).isEqualTo("NoSuchEntity"));
        assertThatThrownBy(() -> iam.putInline("r", "p", "{not json"))
                .isInstanceOfSatisfying(LocalIam.IamError.class, e -> assertThat(e.code).isEqualTo("MalformedPolicyDocument"));
        assertThatThrownBy(() -> iam.createRole("r", "/", TRUST, null))
                .isInstanceOfSatisfying(LocalIam.IamError.class, e -> assertThat(e.status).isEqualTo(409));
    }
}
