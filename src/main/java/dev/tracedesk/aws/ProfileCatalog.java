package dev.tracedesk.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The profiles of the shared AWS config and credentials files, parsed by the SDK's {@link ProfileFile} and classified
 * here by how they get credentials. A snapshot: build a new catalog to see file changes.
 */
public final class ProfileCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileCatalog.class);
    static final String SSO_SESSION_SECTION = "sso-session";

    private final AwsEnvironment environment;
    private final ProfileFile profileFile;

    private ProfileCatalog(AwsEnvironment environment, ProfileFile profileFile) {
        this.environment = environment;
        this.profileFile = profileFile;
    }

    /**
     * Reads the config and credentials files named by the environment. Missing files are simply absent profiles;
     * a file the SDK cannot parse gives an {@link AwsProblemException} naming the file.
     */
    public static ProfileCatalog load(AwsEnvironment environment) {
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        // Config first, credentials second: for a profile in both, the credentials file wins, as in the AWS CLI.
        parse(environment.configFile(), ProfileFile.Type.CONFIGURATION).ifPresent(aggregator::addFile);
        parse(environment.credentialsFile(), ProfileFile.Type.CREDENTIALS).ifPresent(aggregator::addFile);
        ProfileFile file = aggregator.build();
        LOG.debug("Loaded {} AWS profiles", file.profiles().size());
        return new ProfileCatalog(environment, file);
    }

    private static Optional<ProfileFile> parse(Path path, ProfileFile.Type type) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProfileFile.builder().content(path).type(type).build());
        } catch (RuntimeException e) {
            throw new AwsProblemException(AwsProblem.of(ProblemKind.INVALID_PROFILE,
                    "The AWS file " + path + " cannot be read: " + e.getMessage()
                            + ". Fix the file (or point AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE elsewhere)."), e);
        }
    }

    public AwsEnvironment environment() {
        return environment;
    }

    /** The SDK's merged view, handed to SDK clients so they read the same files TraceDesk lists. */
    public ProfileFile profileFile() {
        return profileFile;
    }

    /** The AWS profiles, {@code default} first, then by name. */
    public List<ProfileInfo> profiles() {
        List<ProfileInfo> result = new ArrayList<>();
        for (Profile profile : profileFile.profiles().values()) {
            result.add(describe(profile));
        }
        result.sort(Comparator.comparing((ProfileInfo p) -> !p.name().equals("default")).thenComparing(ProfileInfo::name));
        return result;
    }

    /** What the sign-in list shows: the AWS profiles, then the local sandbox. */
    public List<ProfileInfo> entries() {
        List<ProfileInfo> result = new ArrayList<>(profiles());
        result.add(ProfileInfo.sandbox());
        return result;
    }

    public boolean hasAwsConfiguration() {
        return !profileFile.profiles().isEmpty();
    }

    /**
     * The entry preselected on the sign-in screen: {@code AWS_PROFILE} when it names a profile, else {@code default},
     * else the local sandbox (also when there is no AWS configuration at all).
     */
    public ProfileInfo defaultChoice() {
        Optional<String> selected = environment.selectedProfile();
        if (selected.isPresent()) {
            Optional<ProfileInfo> named = find(selected.get());
            if (named.isPresent()) {
                return named.get();
            }
            LOG.warn("AWS_PROFILE names profile '{}', which is not in the AWS config files", selected.get());
        }
        return find("default").orElse(ProfileInfo.sandbox());
    }

    public Optional<ProfileInfo> find(String name) {
        if (ProfileInfo.SANDBOX_NAME.equals(name)) {
            return Optional.of(ProfileInfo.sandbox());
        }
        return profileFile.profile(name).map(ProfileCatalog::describe);
    }

    /** The named profile, or a PROFILE_NOT_FOUND problem. */
    public ProfileInfo require(String name) {
        return find(name).orElseThrow(() -> new AwsProblemException(AwsProblem.of(ProblemKind.PROFILE_NOT_FOUND,
                "There is no AWS profile named '" + name + "' in " + environment.configFile() + " or "
                        + environment.credentialsFile() + ". Pick another profile or add it with 'aws configure'.")));
    }

    Profile rawProfile(String name) {
        return profileFile.profile(name).orElseThrow(() -> {
            require(name);
            return new IllegalStateException(name);
        });
    }

    Optional<Profile> ssoSession(String name) {
        return profileFile.getSection(SSO_SESSION_SECTION, name);
    }

    /**
     * The region a connection with this profile uses unless the user picks another: {@code AWS_REGION} /
     * {@code AWS_DEFAULT_REGION}, else the profile's {@code region}.
     */
    public Optional<String> defaultRegion(ProfileInfo profile) {
        if (profile.isSandbox()) {
            return Optional.of(SandboxDefaults.REGION);
        }
        return environment.regionOverride().or(profile::region);
    }

    static ProfileInfo describe(Profile profile) {
        Map<String, String> p = profile.properties();
        ProfileKind kind = classify(p);
        Optional<String> region = Optional.ofNullable(p.get("region")).filter(r -> !r.isBlank());
        return new ProfileInfo(profile.name(), kind, region, description(kind, p));
    }

    /** Same precedence as the SDK's profile credentials resolution. */
    static ProfileKind classify(Map<String, String> p) {
        if (p.containsKey("role_arn")) {
            if (p.containsKey("web_identity_token_file")) {
                return ProfileKind.WEB_IDENTITY;
            }
            if (p.containsKey("source_profile")) {
                return ProfileKind.ASSUME_ROLE_SOURCE_PROFILE;
            }
            if (p.containsKey("credential_source")) {
                return ProfileKind.ASSUME_ROLE_CREDENTIAL_SOURCE;
            }
            return ProfileKind.NO_CREDENTIALS;
        }
        if (p.containsKey("sso_session")) {
            return ProfileKind.SSO_SESSION;
        }
        if (p.containsKey("sso_start_url") || p.containsKey("sso_account_id") || p.containsKey("sso_role_name")) {
            return ProfileKind.SSO_LEGACY;
        }
        if (p.containsKey("credential_process")) {
            return ProfileKind.CREDENTIAL_PROCESS;
        }
        if (p.containsKey("aws_access_key_id")) {
            return ProfileKind.STATIC_KEYS;
        }
        return ProfileKind.NO_CREDENTIALS;
    }

    private static String description(ProfileKind kind, Map<String, String> p) {
        switch (kind) {
            case STATIC_KEYS:
                return p.containsKey("aws_session_token") ? "Temporary access keys" : "Access keys";
            case SSO_SESSION:
                return join("sso-session " + p.get("sso_session"), account(p), role(p));
            case SSO_LEGACY:
                return join(p.getOrDefault("sso_start_url", ""), account(p), role(p));
            case ASSUME_ROLE_SOURCE_PROFILE:
                return join(p.get("role_arn"), "from profile " + p.get("source_profile"), mfa(p));
            case ASSUME_ROLE_CREDENTIAL_SOURCE:
                return join(p.get("role_arn"), "from " + p.get("credential_source"), mfa(p));
            case WEB_IDENTITY:
                return join(p.get("role_arn"), "with a web identity token file");
            case CREDENTIAL_PROCESS:
                // The command line itself may carry secrets; do not show it.
                return "Credentials from an external process";
            case NO_CREDENTIALS:
                return p.containsKey("role_arn") ? "role_arn without source_profile or credential_source"
                        : "No credentials configured";
            default:
                return "";
        }
    }

    private static String account(Map<String, String> p) {
        return p.containsKey("sso_account_id") ? "account " + p.get("sso_account_id") : "";
    }

    private static String role(Map<String, String> p) {
        return p.containsKey("sso_role_name") ? "role " + p.get("sso_role_name") : "";
    }

    private static String mfa(Map<String, String> p) {
        return p.containsKey("mfa_serial") ? "MFA" : "";
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (sb.length() > 0) {
                    sb.append(" · ");
                }
                sb.append(part);
            }
        }
        return sb.toString();
    }
}
