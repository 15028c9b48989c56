package dev.tracedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

class CredentialProcessTest {
    @TempDir
    Path home;

    private SignIn withProcess(String script) throws IOException {
        Path exe = home.resolve("creds.sh");
        Files.writeString(exe, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"),
                "[profile proc]\nregion = eu-west-1\ncredential_process = " + exe + " --profile proc\n");
        return new SignIn(new AwsEnvironment(Map.of(), home));
    }

    @Test
    void credentialProcessOutputBecomesTheCredentials() throws IOException {
        SignIn signIn = withProcess("echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", "
                + "\"SecretAccessKey\": \"proc-secret\", \"SessionToken\": \"proc-token\", "
                + "\"Expiration\": \"2099-01-01T00:00:00Z\"}'");

        try (AwsConnection connection = signIn.connect("proc", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken())) {
            AwsCredentials credentials = connection.credentialsProvider().resolveCredentials();
            assertThat(credentials.accessKeyId()).isEqualTo("AKIDPROC");
            assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("proc-token");
            assertThat(connection.profile().kind()).isEqualTo(ProfileKind.CREDENTIAL_PROCESS);
        }
    }

    @Test
    void aFailingCredentialProcessIsASignInError() throws IOException {
        SignIn signIn = withProcess("echo 'token expired, run login' >&2; exit 1");

        assertThatThrownBy(() -> signIn.connect("proc", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken())).isInstanceOfSatisfying(AwsProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.NO_CREDENTIALS);
                    assertThat(e.getMessage()).contains("credential_process", "'proc'");
                });
    }
}
