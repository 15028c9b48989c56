package dev.tracedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCatalogTest {
    @TempDir
    Path home;

    private static final String CONFIG = String.join("\n",
            "# comment line",
            "; another comment",
            "[default]",
            "region = eu-west-1",
            "",
            "[profile   sso-new  ]",
            "sso_session=corp",
            "sso_account_id   =   111122223333   ",
            "sso_role_name = ReadOnly",
            "region = us-west-2",
            "",
            "[sso-session corp]",
            "sso_start_url = https://corp.awsapps.com/start",
            "sso_region = us-east-1",
            "sso_registration_scopes = sso:account:access",
            "",
            "[profile sso-old]",
            "sso_start_url = https://old.awsapps.com/start",
            "sso_region = eu-central-1",
            "sso_account_id = 444455556666",
            "sso_role_name = Admin",
            "",
            "[profile admin]",
            "role_arn = arn:aws:iam::123456789012:role/admin",
            "source_profile = default",
            "mfa_serial = arn:aws:iam::123456789012:mfa/alice   ; inline comment",
            "",
            "[profile ec2role]",
            "role_arn = arn:aws:iam::123456789012:role/ec2",
            "credential_source = Ec2InstanceMetadata",
            "region = ap-southeast-2",
            "",
            "[profile proc]",
            "credential_process = /usr/local/bin/get-creds --secret abc",
            "",
            "[profile web]",
            "role_arn = arn:aws:iam::123456789012:role/web",
            "web_identity_token_file = /var/run/token",
            "",
            "[profile region-only]",
            "region = sa-east-1",
            "",
            "[profile services-demo]",
            "aws_access_key_id = AKIDCONFIG",
            "aws_secret_access_key = configsecret",
            "");

    private static final String CREDENTIALS = String.join("\n",
            "[default]",
            "aws_access_key_id=AKIDDEFAULT",
            "aws_secret_access_key=defaultsecret",
            "",
            "[ temp ]   ",
            "aws_access_key_id = ASIATEMP",
            "aws_secret_access_key = tempsecret",
            "aws_session_token = temptoken",
            "");

    private ProfileCatalog load(Map<String, String> env) {
        return ProfileCatalog.load(new AwsEnvironment(env, home));
    }

    private void writeDefaultFiles() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), CONFIG);
        Files.writeString(home.resolve(".aws/credentials"), CREDENTIALS);
    }

    @Test
    void classifiesEveryKindOfProfile() throws IOException {
        writeDefaultFiles();
        ProfileCatalog catalog = load(Map.of());

        assertThat(catalog.profiles()).extracting(ProfileInfo::name, ProfileInfo::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("default", ProfileKind.STATIC_KEYS),
                org.assertj.core.groups.Tuple.tuple("admin", ProfileKind.ASSUME_ROLE_SOURCE_PROFILE),
                org.assertj.core.groups.Tuple.tuple("ec2role", ProfileKind.ASSUME_ROLE_CREDENTIAL_SOURCE),
                org.assertj.core.groups.Tuple.tuple("proc", ProfileKind.CREDENTIAL_PROCESS),
                org.assertj.core.groups.Tuple.tuple("region-only", ProfileKind.NO_CREDENTIALS),
                org.assertj.core.groups.Tuple.tuple("services-demo", ProfileKind.STATIC_KEYS),
                org.assertj.core.groups.Tuple.tuple("sso-new", ProfileKind.SSO_SESSION),
                org.assertj.core.groups.Tuple.tuple("sso-old", ProfileKind.SSO_LEGACY),
                org.assertj.core.groups.Tuple.tuple("temp", ProfileKind.STATIC_KEYS),
                org.assertj.core.groups.Tuple.tuple("web", ProfileKind.WEB_IDENTITY));
    }

    @Test
    void readsRegionsAndMergesBothFilesIntoOneProfile() throws IOException {
        writeDefaultFiles();
        ProfileCatalog catalog = load(Map.of());

        ProfileInfo dflt = catalog.require("default");
        assertThat(dflt.kind()).isEqualTo(ProfileKind.STATIC_KEYS); // keys from credentials, region from config
        assertThat(dflt.region()).contains("eu-west-1");
        assertThat(catalog.require("sso-new").region()).contains("us-west-2");
        assertThat(catalog.require("ec2role").region()).contains("ap-southeast-2");
        assertThat(catalog.require("proc").region()).isEmpty();
        assertThat(catalog.require("temp").description()).isEqualTo("Temporary access keys");
    }

    @Test
    void describesProfilesWithoutSecrets() throws IOException {
        writeDefaultFiles();
        ProfileCatalog catalog = load(Map.of());

        assertThat(catalog.require("admin").description())
                .contains("arn:aws:iam::123456789012:role/admin", "from profile default", "MFA");
        assertThat(catalog.require("sso-new").description()).contains("sso-session corp", "111122223333", "ReadOnly");
        assertThat(catalog.require("sso-old").description()).contains("https://old.awsapps.com/start");
        assertThat(catalog.require("proc").description()).doesNotContain("--secret");
        assertThat(catalog.profiles()).allSatisfy(p -> assertThat(p.description())
                .doesNotContain("defaultsecret", "tempsecret", "temptoken", "configsecret"));
    }

    @Test
    void resolvesSsoSessionSectionAndLegacySettings() throws IOException {
        writeDefaultFiles();
        ProfileCatalog catalog = load(Map.of());

        SsoConfig session = SsoConfig.from(catalog, catalog.rawProfile("sso-new"));
        assertThat(session.sessionName()).contains("corp");
        assertThat(session.startUrl()).isEqualTo("https://corp.awsapps.com/start");
        assertThat(session.ssoRegion()).isEqualTo("us-east-1");
        assertThat(session.accountId()).isEqualTo("111122223333");
        assertThat(session.roleName()).isEqualTo("ReadOnly");
        assertThat(session.registrationScopes()).containsExactly("sso:account:access");
        assertThat(session.cacheKeySource()).isEqualTo("corp");

        SsoConfig legacy = SsoConfig.from(catalog, catalog.rawProfile("sso-old"));
        assertThat(legacy.sessionName()).isEmpty();
        assertThat(legacy.cacheKeySource()).isEqualTo("https://old.awsapps.com/start");
        assertThat(legacy.ssoRegion()).isEqualTo("eu-central-1");
    }

    @Test
    void reportsAMissingSsoSessionSection() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"),
                "[profile broken]\nsso_session = nowhere\nsso_account_id = 1\nsso_role_name = R\n");
        ProfileCatalog catalog = load(Map.of());

        assertThat(catalog.require("broken").kind()).isEqualTo(ProfileKind.SSO_SESSION);
        assertThatThrownBy(() -> SsoConfig.from(catalog, catalog.rawProfile("broken")))
                .isInstanceOfSatisfying(AwsProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_PROFILE);
                    assertThat(e.getMessage()).contains("[sso-session nowhere]");
                });
    }

    @Test
    void missingFilesGiveOnlyTheLocalSandboxAsDefault() {
        ProfileCatalog catalog = load(Map.of());

        assertThat(catalog.profiles()).isEmpty();
        assertThat(catalog.hasAwsConfiguration()).isFalse();
        assertThat(catalog.entries()).extracting(ProfileInfo::kind).containsExactly(ProfileKind.LOCAL_SANDBOX);
        assertThat(catalog.defaultChoice().isSandbox()).isTrue();
        assertThat(catalog.defaultRegion(catalog.defaultChoice())).contains("us-east-1");
    }

    @Test
    void onlyACredentialsFileIsEnough() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), CREDENTIALS);
        ProfileCatalog catalog = load(Map.of());

        assertThat(catalog.profiles()).extracting(ProfileInfo::name).containsExactly("default", "temp");
        assertThat(catalog.defaultChoice().name()).isEqualTo("default");
    }

    @Test
    void environmentVariablesPickFilesProfileAndRegion() throws IOException {
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("cfg"), "[profile work]\nregion = eu-north-1\ncredential_process = x\n");
        Files.writeString(elsewhere.resolve("creds"), "[personal]\naws_access_key_id = A\naws_secret_access_key = B\n");
        Map<String, String> env = new HashMap<>();
        env.put("AWS_CONFIG_FILE", elsewhere.resolve("cfg").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", elsewhere.resolve("creds").toString());
        env.put("AWS_PROFILE", "work");

        ProfileCatalog catalog = load(env);
        assertThat(catalog.profiles()).extracting(ProfileInfo::name).containsExactly("personal", "work");
        assertThat(catalog.defaultChoice().name()).isEqualTo("work");
        assertThat(catalog.defaultRegion(catalog.require("work"))).contains("eu-north-1");

        env.put("AWS_DEFAULT_REGION", "ca-central-1");
        assertThat(load(env).defaultRegion(catalog.require("work"))).contains("ca-central-1");
        env.put("AWS_REGION", "af-south-1");
        assertThat(load(env).defaultRegion(catalog.require("work"))).contains("af-south-1");
        assertThat(load(env).defaultRegion(catalog.require("personal"))).contains("af-south-1");
    }

    @Test
    void tildeInFileVariablesMeansTheInjectedHome() throws IOException {
        Files.writeString(home.resolve("my-config"), "[profile t]\nregion = eu-west-3\n");
        ProfileCatalog catalog = load(Map.of("AWS_CONFIG_FILE", "~/my-config"));

        assertThat(catalog.require("t").region()).contains("eu-west-3");
    }

    @Test
    void unknownAwsProfileFallsBackToDefault() throws IOException {
        writeDefaultFiles();
        ProfileCatalog catalog = load(Map.of("AWS_PROFILE", "nope"));

        assertThat(catalog.defaultChoice().name()).isEqualTo("default");
        assertThatThrownBy(() -> catalog.require("nope")).isInstanceOfSatisfying(AwsProblemException.class,
                e -> assertThat(e.kind()).isEqualTo(ProblemKind.PROFILE_NOT_FOUND));
    }

    @Test
    void withoutDefaultProfileTheSandboxIsPreselected() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile a]\nregion = eu-west-1\n");
        ProfileCatalog catalog = load(Map.of());

        assertThat(catalog.defaultChoice().isSandbox()).isTrue();
        assertThat(catalog.entries()).extracting(ProfileInfo::name).containsExactly("a", ProfileInfo.SANDBOX_NAME);
        assertThat(catalog.find(ProfileInfo.SANDBOX_NAME)).map(ProfileInfo::kind).contains(ProfileKind.LOCAL_SANDBOX);
    }

    @Test
    void classificationFollowsSdkPrecedence() {
        assertThat(ProfileCatalog.classify(Map.of("role_arn", "r", "source_profile", "x", "aws_access_key_id", "k")))
                .isEqualTo(ProfileKind.ASSUME_ROLE_SOURCE_PROFILE);
        assertThat(ProfileCatalog.classify(Map.of("sso_session", "s", "credential_process", "p")))
                .isEqualTo(ProfileKind.SSO_SESSION);
        assertThat(ProfileCatalog.classify(Map.of("credential_process", "p", "aws_access_key_id", "k")))
                .isEqualTo(ProfileKind.CREDENTIAL_PROCESS);
        assertThat(ProfileCatalog.classify(Map.of("role_arn", "r"))).isEqualTo(ProfileKind.NO_CREDENTIALS);
        assertThat(ProfileCatalog.classify(Map.of())).isEqualTo(ProfileKind.NO_CREDENTIALS);
    }

    @Test
    void blankEnvironmentValuesCountAsUnset() {
        AwsEnvironment env = new AwsEnvironment(Map.of("AWS_PROFILE", "  ", "AWS_REGION", ""), home);
        assertThat(env.selectedProfile()).isEmpty();
        assertThat(env.regionOverride()).isEqualTo(Optional.empty());
        assertThat(env.configFile()).isEqualTo(home.resolve(".aws/config"));
    }
}
