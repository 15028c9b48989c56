package dev.tracedesk.app;

import dev.tracedesk.aws.RecentConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An example AWS configuration (one profile of each credential kind, no keys) in a throwaway home, so that
 * {@code tracedesk screenshots} shows a filled sign-in dialog without reading, or showing, the user's own profiles.
 */
final class DemoAwsConfig {
    static final String RECENT_PROFILE = "dev";

    private DemoAwsConfig() {
    }

    /** Writes {@code <home>/.aws/config} and a recent connection under {@code configDir}. */
    static void write(Path home, Path configDir) throws IOException {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("config"), String.join("\n",
                "[profile dev]",
                "sso_session = example",
                "sso_account_id = 111122223333",
                "sso_role_name = XRayReadOnly",
                "region = eu-west-1",
                "",
                "[sso-session example]",
                "sso_start_url = https://example.awsapps.com/start",
                "sso_region = eu-west-1",
                "",
                "[profile prod]",
                "role_arn = arn:aws:iam::444455556666:role/XRayReadOnly",
                "credential_source = Environment",
                "mfa_serial = arn:aws:iam::111122223333:mfa/alice",
                "region = us-east-1",
                "",
                "[profile ci]",
                "credential_process = /usr/local/bin/fetch-ci-credentials",
                "region = us-west-2",
                "",
                "[profile eks]",
                "role_arn = arn:aws:iam::444455556666:role/Tracing",
                "web_identity_token_file = /var/run/secrets/token",
                "",
                "[profile legacy]",
                "sso_start_url = https://legacy.awsapps.com/start",
                "sso_region = us-east-1",
                "sso_account_id = 777788889999",
                "sso_role_name = Developer",
                "region = ap-southeast-2",
                ""));
        new RecentConnections(configDir).remember(RECENT_PROFILE, "eu-west-1");
    }
}
