package dev.tracedesk.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;

/**
 * Builds the credentials provider for a profile, following assume-role chains ({@code source_profile},
 * {@code credential_source}) with the SDK's STS providers, SSO through {@link SsoLogin} and the SDK's
 * {@link SsoCredentialsProvider}, and {@code credential_process} through the SDK's process provider.
 * Every client or provider it creates is added to {@code resources} for the connection to close.
 */
final class CredentialsResolver {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsResolver.class);

    private final ProfileCatalog catalog;
    private final SdkClientFactory clients;
    private final EndpointOverrides endpoints;
    private final SsoLogin ssoLogin;
    private final Region region;
    private final Optional<SsoLoginPrompt> prompt;
    private final MfaCodeProvider mfa;
    private final CancelToken cancel;
    private final List<AutoCloseable> resources;

    CredentialsResolver(ProfileCatalog catalog, SdkClientFactory clients, EndpointOverrides endpoints, SsoLogin ssoLogin,
                        Region region, Optional<SsoLoginPrompt> prompt, MfaCodeProvider mfa, CancelToken cancel,
                        List<AutoCloseable> resources) {
        this.catalog = catalog;
        this.clients = clients;
        this.endpoints = endpoints;
        this.ssoLogin = ssoLogin;
        this.region = region;
        this.prompt = prompt;
        this.mfa = mfa;
        this.cancel = cancel;
        this.resources = resources;
    }

    AwsCredentialsProvider resolve(String profileName) {
        return resolve(profileName, new LinkedHashSet<>());
    }

    private AwsCredentialsProvider resolve(String profileName, Set<String> chain) {
        cancel.check();
        if (!chain.add(profileName)) {
            List<String> loop = new ArrayList<>(chain);
            loop.add(profileName);
            throw invalid("The source_profile chain loops: " + String.join(" → ", loop)
                    + ". Fix source_profile in the AWS config.");
        }
        Profile profile = catalog.rawProfile(profileName);
        Map<String, String> p = profile.properties();
        ProfileKind kind = ProfileCatalog.classify(p);
        LOG.debug("Resolving credentials of profile '{}' ({})", profileName, kind);
        switch (kind) {
            case STATIC_KEYS:
                return staticKeys(profile);
            case SSO_SESSION:
            case SSO_LEGACY:
                return sso(profile);
            case ASSUME_ROLE_SOURCE_PROFILE: {
                String source = p.get("source_profile");
                // A profile naming itself as source uses its own keys, as the AWS CLI allows.
                AwsCredentialsProvider sourceCredentials = source.equals(profileName) && p.containsKey("aws_access_key_id")
                        ? staticKeys(profile) : resolve(requireExisting(source, profileName), chain);
                return assumeRole(profile, sourceCredentials);
            }
            case ASSUME_ROLE_CREDENTIAL_SOURCE:
                return assumeRole(profile, credentialSource(profile));
            case WEB_IDENTITY:
                return webIdentity(profile);
            case CREDENTIAL_PROCESS:
                return track(ProcessCredentialsProvider.builder().command(shellCommand(p.get("credential_process")))
                        .build());
            default:
                throw new AwsProblemException(AwsProblem.of(ProblemKind.NO_CREDENTIALS, "Profile '" + profileName
                        + "' has no credentials (no keys, SSO, role or credential_process). Add them, or run "
                        + "'aws configure' / 'aws configure sso'."));
        }
    }

    private String requireExisting(String source, String from) {
        if (catalog.find(source).isEmpty()) {
            throw invalid("Profile '" + from + "' names source_profile '" + source + "', which does not exist. "
                    + "Fix source_profile in the AWS config.");
        }
        return source;
    }

    private AwsCredentialsProvider staticKeys(Profile profile) {
        String keyId = profile.property("aws_access_key_id").orElse("");
        String secret = profile.property("aws_secret_access_key").orElse("");
        if (keyId.isBlank() || secret.isBlank()) {
            throw invalid("Profile '" + profile.name() + "' has aws_access_key_id without aws_secret_access_key "
                    + "(or the other way round). Fix the credentials file or run 'aws configure'.");
        }
        Optional<String> sessionToken = profile.property("aws_session_token").filter(s -> !s.isBlank());
        return StaticCredentialsProvider.create(sessionToken.isPresent()
                ? AwsSessionCredentials.create(keyId, secret, sessionToken.get())
                : AwsBasicCredentials.create(keyId, secret));
    }

    private AwsCredentialsProvider sso(Profile profile) {
        SsoConfig config = SsoConfig.from(catalog, profile);
        // Interactive now (may open the browser); later refreshes by the SDK provider are not.
        ssoLogin.accessToken(config, prompt, cancel);
        SsoClient ssoClient = track(clients.build(SsoClient.builder(), Region.of(config.ssoRegion()),
                AnonymousCredentialsProvider.create(), endpoints.forService(AwsService.SSO)));
        SsoCredentialsProvider.Builder builder = SsoCredentialsProvider.builder();
        return track(builder
                .ssoClient(ssoClient)
                .asyncCredentialUpdateEnabled(false)
                .refreshRequest(() -> GetRoleCredentialsRequest.builder()
                        .accountId(config.accountId())
                        .roleName(config.roleName())
                        .accessToken(ssoLogin.accessToken(config, Optional.empty(), CancelToken.none()))
                        .build())
                .build());
    }

    private AwsCredentialsProvider assumeRole(Profile profile, AwsCredentialsProvider source) {
        Map<String, String> p = profile.properties();
        StsClient sts = track(clients.build(StsClient.builder(), region, source, endpoints.forService(AwsService.STS)));
        String profileName = profile.name();
        return track(StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .asyncCredentialUpdateEnabled(false)
                .refreshRequest(() -> {
                    AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                            .roleArn(p.get("role_arn"))
                            .roleSessionName(sessionName(p));
                    Optional.ofNullable(p.get("external_id")).ifPresent(request::externalId);
                    durationSeconds(p).ifPresent(request::durationSeconds);
                    String serial = p.get("mfa_serial");
                    if (serial != null && !serial.isBlank()) {
                        String code = mfa.mfaCode(profileName, serial).filter(c -> !c.isBlank())
                                .orElseThrow(() -> new AwsProblemException(AwsProblem.of(ProblemKind.CANCELLED,
                                        "No MFA code was entered for profile '" + profileName + "'.")));
                        request.serialNumber(serial).tokenCode(code.trim());
                    }
                    LOG.info("Assuming role {} for profile '{}'", p.get("role_arn"), profileName);
                    return request.build();
                })
                .build());
    }

    private AwsCredentialsProvider webIdentity(Profile profile) {
        Map<String, String> p = profile.properties();
        Path tokenFile = Path.of(p.get("web_identity_token_file"));
        StsClient sts = track(clients.build(StsClient.builder(), region, AnonymousCredentialsProvider.create(),
                endpoints.forService(AwsService.STS)));
        return track(StsAssumeRoleWithWebIdentityCredentialsProvider.builder()
                .stsClient(sts)
                .asyncCredentialUpdateEnabled(false)
                .refreshRequest(() -> AssumeRoleWithWebIdentityRequest.builder()
                        .roleArn(p.get("role_arn"))
                        .roleSessionName(sessionName(p))
                        .webIdentityToken(readToken(tokenFile, profile.name()))
                        .build())
                .build());
    }

    private AwsCredentialsProvider credentialSource(Profile profile) {
        String source = profile.property("credential_source").orElse("");
        switch (source) {
            case "Environment": {
                AwsEnvironment env = catalog.environment();
                Optional<String> keyId = env.get("AWS_ACCESS_KEY_ID");
                Optional<String> secret = env.get("AWS_SECRET_ACCESS_KEY");
                if (keyId.isEmpty() || secret.isEmpty()) {
                    throw new AwsProblemException(AwsProblem.of(ProblemKind.NO_CREDENTIALS, "Profile '"
                            + profile.name() + "' takes its source credentials from the environment, but "
                            + "AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set."));
                }
                Optional<String> token = env.get("AWS_SESSION_TOKEN");
                return StaticCredentialsProvider.create(token.isPresent()
                        ? AwsSessionCredentials.create(keyId.get(), secret.get(), token.get())
                        : AwsBasicCredentials.create(keyId.get(), secret.get()));
            }
            case "Ec2InstanceMetadata":
                return track(InstanceProfileCredentialsProvider.builder().build());
            case "EcsContainer":
                return track(ContainerCredentialsProvider.builder().build());
            default:
                throw invalid("Profile '" + profile.name() + "' has credential_source '" + source
                        + "'; use Environment, Ec2InstanceMetadata or EcsContainer.");
        }
    }

    /** credential_process is a command line with quoting, as a shell reads it (what the AWS CLI and SDK do too). */
    private static List<String> shellCommand(String commandLine) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return windows ? List.of("cmd.exe", "/C", commandLine) : List.of("sh", "-c", commandLine);
    }

    private static String readToken(Path tokenFile, String profileName) {
        try {
            return Files.readString(tokenFile).trim();
        } catch (IOException e) {
            throw new AwsProblemException(AwsProblem.of(ProblemKind.NO_CREDENTIALS, "The web identity token file "
                    + tokenFile + " of profile '" + profileName + "' cannot be read (" + e.getClass().getSimpleName()
                    + ")."), e);
        }
    }

    private static String sessionName(Map<String, String> p) {
        String configured = p.get("role_session_name");
        return configured != null && !configured.isBlank() ? configured
                : "tracedesk-" + System.currentTimeMillis();
    }

    private static Optional<Integer> durationSeconds(Map<String, String> p) {
        String value = p.get("duration_seconds");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw invalid("duration_seconds '" + value + "' is not a whole number of seconds.");
        }
    }

    private static AwsProblemException invalid(String message) {
        return new AwsProblemException(AwsProblem.of(ProblemKind.INVALID_PROFILE, message));
    }

    private <T> T track(T resource) {
        if (resource instanceof AutoCloseable) {
            resources.add((AutoCloseable) resource);
        }
        return resource;
    }
}
