package dev.tracedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.xray.model.XRayException;

class AwsErrorsTest {
    @TempDir
    Path home;

    private static AwsServiceException xray(int status, String code, String message) {
        return XRayException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .message(message).build();
    }

    @Test
    void accessDeniedOnXRayNamesTheMissingPermissionAndWho() {
        AwsProblem problem = AwsErrors.translate(xray(403, "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/Dev/alice is not authorized to perform: "
                        + "xray:GetTraceSummaries on resource: * because no identity-based policy allows the "
                        + "xray:GetTraceSummaries action"));

        assertThat(problem.kind()).isEqualTo(ProblemKind.ACCESS_DENIED);
        assertThat(problem.missingPermission()).contains("xray:GetTraceSummaries");
        assertThat(problem.userMessage()).contains("xray:GetTraceSummaries",
                "arn:aws:sts::123456789012:assumed-role/Dev/alice", "AWSXrayReadOnlyAccess");
    }

    @Test
    void accessDeniedWithoutActionStillSaysWhatToDo() {
        AwsProblem problem = AwsErrors.translate(xray(403, "AccessDeniedException", "Access denied"));

        assertThat(problem.kind()).isEqualTo(ProblemKind.ACCESS_DENIED);
        assertThat(problem.missingPermission()).isEmpty();
        assertThat(problem.userMessage()).contains("administrator");
    }

    @Test
    void stsAccessDeniedWithoutColonIsParsedToo() {
        AwsProblem problem = AwsErrors.translate(StsException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage(
                        "User: arn:aws:iam::123456789012:user/bob is not authorized to perform sts:AssumeRole on "
                                + "resource: arn:aws:iam::123456789012:role/x").build()).build());

        assertThat(problem.missingPermission()).contains("sts:AssumeRole");
        assertThat(problem.userMessage()).doesNotContain("AWSXrayReadOnlyAccess");
    }

    @Test
    void clockSkewSaysToFixTheClock() {
        AwsProblem skewed = AwsErrors.translate(xray(403, "InvalidSignatureException",
                "Signature expired: 20261128T010000Z is now earlier than 20261128T020000Z"));
        AwsProblem tooSkewed = AwsErrors.translate(StsException.builder().statusCode(403).awsErrorDetails(
                AwsErrorDetails.builder().errorCode("RequestTimeTooSkewed").errorMessage("too skewed").build())
                .build());

        assertThat(skewed.kind()).isEqualTo(ProblemKind.CLOCK_SKEW);
        assertThat(tooSkewed.kind()).isEqualTo(ProblemKind.CLOCK_SKEW);
        assertThat(skewed.userMessage()).contains("clock", "time synchronisation");
    }

    @Test
    void expiredAndInvalidCredentialsAreTold() {
        AwsProblem expired = AwsErrors.translate(StsException.builder().statusCode(400).awsErrorDetails(
                AwsErrorDetails.builder().errorCode("ExpiredToken").errorMessage("The security token included in "
                        + "the request is expired").build()).build());
        AwsProblem invalid = AwsErrors.translate(xray(403, "UnrecognizedClientException",
                "The security token included in the request is invalid."));

        assertThat(expired.kind()).isEqualTo(ProblemKind.CREDENTIALS_EXPIRED);
        assertThat(invalid.kind()).isEqualTo(ProblemKind.INVALID_CREDENTIALS);
        assertThat(invalid.missingPermission()).isEmpty();
    }

    @Test
    void anSsoPortalRejectionMeansSignInAgain() {
        AwsProblem problem = AwsErrors.translate(SdkClientException.create("Unable to load credentials",
                UnauthorizedException.builder().statusCode(401).message("Session token not found or invalid")
                        .build()));

        assertThat(problem.kind()).isEqualTo(ProblemKind.SSO_TOKEN_EXPIRED);
        assertThat(problem.userMessage()).contains("Sign in again");
    }

    @Test
    void throttlingIsRecognised() {
        assertThat(AwsErrors.translate(xray(429, "ThrottledException", "Rate exceeded")).kind())
                .isEqualTo(ProblemKind.THROTTLED);
    }

    @Test
    void networkFailuresSayToCheckTheConnection() {
        AwsProblem dns = AwsErrors.translate(SdkClientException.create("Unable to execute HTTP request",
                new UnknownHostException("xray.eu-west-1.amazonaws.com")));
        AwsProblem refused = AwsErrors.translate(SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused")));

        assertThat(dns.kind()).isEqualTo(ProblemKind.NETWORK_UNREACHABLE);
        assertThat(dns.userMessage()).contains("xray.eu-west-1.amazonaws.com", "network");
        assertThat(refused.kind()).isEqualTo(ProblemKind.NETWORK_UNREACHABLE);
    }

    @Test
    void anUnreachableEndpointIsANetworkProblemEndToEnd() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (AwsClients clients = new AwsClients(SandboxConnection.onLocalPort(closedPort))) {
            assertThatThrownBy(clients::callerIdentity).isInstanceOfSatisfying(AwsProblemException.class,
                    e -> assertThat(e.kind()).isEqualTo(ProblemKind.NETWORK_UNREACHABLE));
            assertThatThrownBy(() -> clients.xray().getSamplingRules())
                    .satisfies(e -> assertThat(AwsErrors.translate(e).kind())
                            .isEqualTo(ProblemKind.NETWORK_UNREACHABLE));
        }
    }

    @Test
    void cancellationAndPassThrough() {
        AwsProblemException own = new AwsProblemException(AwsProblem.of(ProblemKind.MISSING_REGION, "pick one"));

        assertThat(AwsErrors.isCancellation(AbortedException.create("aborted"))).isTrue();
        assertThat(AwsErrors.asException(own)).isSameAs(own);
        assertThat(AwsErrors.translate(new RuntimeException("wrapped", own)).kind())
                .isEqualTo(ProblemKind.MISSING_REGION);
        assertThat(AwsErrors.translate(new IllegalStateException("boom")).kind()).isEqualTo(ProblemKind.OTHER);
    }

    @Test
    void sdkMissingRegionAndCredentialsMessagesAreTranslated() {
        assertThat(AwsErrors.translate(SdkClientException.create("Unable to load region from any of the providers "
                + "in the chain")).kind()).isEqualTo(ProblemKind.MISSING_REGION);
        assertThat(AwsErrors.translate(SdkClientException.create("Unable to load credentials from any of the "
                + "providers in the chain")).kind()).isEqualTo(ProblemKind.NO_CREDENTIALS);
    }

    @Test
    void signInWithoutRegionAsksForOne() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[noregion]\naws_access_key_id = A\naws_secret_access_key = B\n");
        SignIn signIn = new SignIn(new AwsEnvironment(Map.of(), home));

        assertThatThrownBy(() -> signIn.connect("noregion", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken())).isInstanceOfSatisfying(AwsProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.MISSING_REGION);
                    assertThat(e.getMessage()).contains("Pick a region");
                });
    }

    @Test
    void signInWithAProfileWithoutCredentialsSaysSo() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile bare]\nregion = eu-west-1\n"
                + "[profile halfkeys]\nregion = eu-west-1\naws_access_key_id = AKIDONLY\n"
                + "[profile envrole]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Environment\n"
                + "region = eu-west-1\n");
        SignIn signIn = new SignIn(new AwsEnvironment(Map.of(), home));

        assertThatThrownBy(() -> signIn.connect("bare", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken())).isInstanceOfSatisfying(AwsProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProblemKind.NO_CREDENTIALS));
        assertThatThrownBy(() -> signIn.connect("halfkeys", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken())).isInstanceOfSatisfying(AwsProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_PROFILE));
        assertThatThrownBy(() -> signIn.connect("envrole", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken())).isInstanceOfSatisfying(AwsProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.NO_CREDENTIALS);
                    assertThat(e.getMessage()).contains("AWS_ACCESS_KEY_ID");
                });
        assertThatThrownBy(() -> signIn.connect("nosuch", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken())).isInstanceOfSatisfying(AwsProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProblemKind.PROFILE_NOT_FOUND));
    }

    @Test
    void aBadEndpointVariableIsAProfileProblem() {
        EndpointOverrides overrides = new EndpointOverrides(new AwsEnvironment(Map.of("AWS_ENDPOINT_URL_XRAY", "::nope"),
                home));
        assertThatThrownBy(() -> overrides.forService(AwsService.XRAY)).isInstanceOfSatisfying(
                AwsProblemException.class, e -> assertThat(e.getMessage()).contains("AWS_ENDPOINT_URL_XRAY"));
    }
}
