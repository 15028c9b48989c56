package dev.tracedesk.explore.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.aws.AwsProblem;
import dev.tracedesk.aws.AwsProblemException;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.xray.model.XRayException;

/** The facade's view of failures and profile kinds matches the {@code aws} package's, kind for kind. */
class ProblemsTest {

    @Test
    void everyAwsProblemKindAndProfileKindHasItsCounterpart() {
        assertThat(Arrays.stream(dev.tracedesk.aws.ProblemKind.values()).map(ProblemKind::of).map(Enum::name))
                .containsExactly(Arrays.stream(ProblemKind.values()).map(Enum::name).toArray(String[]::new));
        assertThat(Arrays.stream(dev.tracedesk.aws.ProfileKind.values()).map(ProfileKind::of))
                .allSatisfy(k -> assertThat(k.label()).isNotBlank()).hasSize(ProfileKind.values().length);
        assertThat(ProfileKind.SSO_LEGACY.isSso()).isTrue();
        assertThat(ProfileKind.ASSUME_ROLE_CREDENTIAL_SOURCE.isAssumeRole()).isTrue();
    }

    @Test
    void anExpiredTokenFromAnAwsCallIsASessionExpiry() {
        XRayException expired = (XRayException) XRayException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ExpiredTokenException")
                        .errorMessage("The security token included in the request is expired").build())
                .build();

        Problem problem = Problems.classify(new RuntimeException("loading the map", expired));

        assertThat(problem.kind()).isEqualTo(ProblemKind.CREDENTIALS_EXPIRED);
        assertThat(problem.isSessionExpired()).isTrue();
        assertThat(Problems.isSessionExpired(new AwsProblemException(AwsProblem.of(
                dev.tracedesk.aws.ProblemKind.SSO_TOKEN_EXPIRED, "expired")))).isTrue();
        assertThat(Problems.isSessionExpired(new IllegalStateException("boom"))).isFalse();
    }

    @Test
    void anAccessDeniedNamesTheMissingPermissionAndASignInFailureKeepsItsProblem() {
        XRayException denied = (XRayException) XRayException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").errorMessage(
                        "User: arn:aws:iam::1:user/a is not authorized to perform: xray:GetServiceGraph").build())
                .build();

        assertThat(Problems.classify(denied).missingPermission()).isEqualTo(Optional.of("xray:GetServiceGraph"));
        Problem region = Problem.of(ProblemKind.MISSING_REGION, "Pick a region");
        assertThat(Problems.classify(new SignInException(region, denied))).isSameAs(region);
        assertThat(Problems.isCancellation(new InterruptedException())).isTrue();
    }
}
