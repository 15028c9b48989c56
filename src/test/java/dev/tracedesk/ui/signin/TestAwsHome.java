package dev.tracedesk.ui.signin;

import dev.tracedesk.aws.AwsEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A temporary home with AWS config and credentials files for sign-in tests (never the real ~/.aws). */
public final class TestAwsHome {
    public static final String STATIC_KEY_ID = "AKIDSTATICKEY";
    public static final String STATIC_SECRET = "STATIC-SECRET-s3cr3t";
    public static final String MFA_SERIAL = "arn:aws:iam::111122223333:mfa/alice";
    public static final String START_URL = "https://corp.awsapps.com/start";

    private TestAwsHome() {
    }

    /** Profiles: static (eu-west-1), noregion, mfa (assume role from static with MFA, us-east-1), sso (eu-west-1). */
    public static void write(Path home) throws IOException {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("config"), String.join("\n",
                "[profile static]",
                "region = eu-west-1",
                "",
                "[profile noregion]",
                "",
                "[profile mfa]",
                "role_arn = arn:aws:iam::444455556666:role/XRayReadOnly",
                "source_profile = static",
                "mfa_serial = " + MFA_SERIAL,
                "region = us-east-1",
                "",
                "[profile sso]",
                "sso_session = corp",
                "sso_account_id = 111122223333",
                "sso_role_name = ReadOnly",
                "region = eu-west-1",
                "",
                "[sso-session corp]",
                "sso_start_url = " + START_URL,
                "sso_region = us-east-1",
                ""));
        Files.writeString(aws.resolve("credentials"), String.join("\n",
                "[static]",
                "aws_access_key_id = " + STATIC_KEY_ID,
                "aws_secret_access_key = " + STATIC_SECRET,
                "",
                "[noregion]",
                "aws_access_key_id = AKIDNOREGION",
                "aws_secret_access_key = NOREGION-SECRET-s3cr3t",
                ""));
    }

    /** An environment whose STS (and SSO, when given) calls go to local fakes. */
    public static AwsEnvironment environment(Path home, URI sts, URI sso, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("AWS_ENDPOINT_URL_STS", sts.toString());
        if (sso != null) {
            env.put("AWS_ENDPOINT_URL_SSO_OIDC", sso.toString());
            env.put("AWS_ENDPOINT_URL_SSO", sso.toString());
        }
        return new AwsEnvironment(env, home);
    }
}
