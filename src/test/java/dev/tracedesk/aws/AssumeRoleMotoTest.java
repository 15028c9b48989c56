package dev.tracedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.tracedesk.testing.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;

/** Assume-role chains with MFA against moto's STS, then STS and X-Ray calls with the assumed credentials. */
@Tag("moto")
class AssumeRoleMotoTest {
    private static MotoServer moto;
    private static URI endpoint;

    @TempDir
    Path home;
    private final List<String> mfaRequests = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startMoto(@TempDir Path logDir) throws Exception {
        moto = MotoServer.startOrSkip(logDir);
        endpoint = moto.endpoint();
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void writeProfiles() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), String.join("\n",
                "[base]",
                "aws_access_key_id = AKIDBASEUSER",
                "aws_secret_access_key = base-secret-key",
                ""));
        Files.writeString(home.resolve(".aws/config"), String.join("\n",
                "[profile base]",
                "region = us-east-1",
                "",
                "[profile reader]",
                "role_arn = arn:aws:iam::123456789012:role/tracedesk-reader",
                "source_profile = base",
                "mfa_serial = arn:aws:iam::123456789012:mfa/alice",
                "role_session_name = tracedesk-test",
                "region = us-east-1",
                "",
                "[profile chained]",
                "role_arn = arn:aws:iam::210987654321:role/xray-viewer",
                "source_profile = reader",
                "external_id = shop-42",
                "",
                "[profile web]",
                "role_arn = arn:aws:iam::123456789012:role/web-role",
                "web_identity_token_file = " + home.resolve("token.jwt"),
                "role_session_name = web-session",
                "region = us-east-1",
                "",
                "[profile from-env]",
                "role_arn = arn:aws:iam::123456789012:role/env-role",
                "credential_source = Environment",
                "region = us-east-1",
                "",
                "[profile loop-a]",
                "role_arn = arn:aws:iam::123456789012:role/a",
                "source_profile = loop-b",
                "",
                "[profile loop-b]",
                "role_arn = arn:aws:iam::123456789012:role/b",
                "source_profile = loop-a",
                ""));
    }

    private SignIn signIn() {
        return new SignIn(new AwsEnvironment(Map.of("AWS_ENDPOINT_URL", endpoint.toString()), home));
    }

    private MfaCodeProvider mfa(String code) {
        return (profile, serial) -> {
            mfaRequests.add(profile + " " + serial);
            return Optional.ofNullable(code);
        };
    }

    @Test
    void assumesARoleWithMfaAndCallsStsAndXRayWithTheRoleCredentials() {
        try (AwsConnection connection = signIn().connect("reader", Optional.empty(), null, mfa("123456"),
                new CancelToken()); AwsClients clients = new AwsClients(connection)) {
            AwsCredentials credentials = connection.credentialsProvider().resolveCredentials();
            assertThat(credentials.accessKeyId()).isNotEqualTo("AKIDBASEUSER");
            assertThat(mfaRequests).containsExactly("reader arn:aws:iam::123456789012:mfa/alice");

            CallerIdentity identity = clients.callerIdentity();
            assertThat(identity.account()).isEqualTo("123456789012");
            assertThat(identity.arn()).contains("assumed-role/tracedesk-reader/tracedesk-test");
            assertThat(connection.label(identity)).isEqualTo("reader · 123456789012 · us-east-1");

            String traceId = "1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-0123456789abcdef01234567";
            String segment = "{\"trace_id\":\"" + traceId + "\",\"id\":\"70de5b6f19ff9a0a\",\"name\":\"shop\","
                    + "\"start_time\":" + (Instant.now().getEpochSecond() - 1) + ",\"end_time\":"
                    + Instant.now().getEpochSecond() + "}";
            clients.xray().putTraceSegments(b -> b.traceSegmentDocuments(segment));
            BatchGetTracesResponse traces = clients.xray().batchGetTraces(b -> b.traceIds(traceId));
            assertThat(traces.traces()).singleElement().satisfies(t -> assertThat(t.id()).isEqualTo(traceId));
        }
    }

    @Test
    void followsARoleChainThroughAnotherRole() {
        try (AwsConnection connection = signIn().connect("chained", Optional.of("eu-west-1"), null, mfa("654321"),
                new CancelToken()); AwsClients clients = new AwsClients(connection)) {
            CallerIdentity identity = clients.callerIdentity();
            assertThat(identity.arn()).contains("assumed-role/xray-viewer/");
            assertThat(identity.account()).isEqualTo("210987654321");
            assertThat(mfaRequests).containsExactly("reader arn:aws:iam::123456789012:mfa/alice");
        }
    }

    @Test
    void webIdentityProfilesAssumeTheirRoleWithTheTokenFile() throws IOException {
        Files.writeString(home.resolve("token.jwt"), "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0In0.\n");
        try (AwsConnection connection = signIn().connect("web", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken()); AwsClients clients = new AwsClients(connection)) {
            assertThat(clients.callerIdentity().arn()).contains("web-role");
        }
    }

    @Test
    void aMissingWebIdentityTokenFileIsReported() {
        assertThatThrownBy(() -> signIn().connect("web", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken())).isInstanceOfSatisfying(AwsProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.NO_CREDENTIALS);
                    assertThat(e.getMessage()).contains("token.jwt");
                });
    }

    @Test
    void credentialSourceEnvironmentUsesTheInjectedEnvironmentKeys() {
        SignIn signIn = new SignIn(new AwsEnvironment(Map.of("AWS_ENDPOINT_URL", endpoint.toString(),
                "AWS_ACCESS_KEY_ID", "AKIDFROMENV", "AWS_SECRET_ACCESS_KEY", "env-secret"), home));
        try (AwsConnection connection = signIn.connect("from-env", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken()); AwsClients clients = new AwsClients(connection)) {
            assertThat(clients.callerIdentity().arn()).contains("assumed-role/env-role/");
        }
    }

    @Test
    void aDeclinedMfaPromptCancelsTheSignIn() {
        assertThatThrownBy(() -> signIn().connect("reader", Optional.empty(), null, mfa(null), new CancelToken()))
                .isInstanceOfSatisfying(AwsProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.CANCELLED);
                    assertThat(e.getMessage()).contains("MFA");
                });
    }

    @Test
    void aSourceProfileLoopIsReportedNotFollowedForever() {
        assertThatThrownBy(() -> signIn().connect("loop-a", Optional.of("us-east-1"), null, mfa("1"),
                new CancelToken())).isInstanceOfSatisfying(AwsProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_PROFILE);
                    assertThat(e.getMessage()).contains("loop-a → loop-b → loop-a");
                });
    }

    @Test
    void staticKeysWorkDirectly() {
        try (AwsConnection connection = signIn().connect("base", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken()); AwsClients clients = new AwsClients(connection)) {
            assertThat(clients.callerIdentity().account()).isEqualTo("123456789012");
            assertThat(connection.credentialsProvider().resolveCredentials().accessKeyId()).isEqualTo("AKIDBASEUSER");
        }
    }
}
