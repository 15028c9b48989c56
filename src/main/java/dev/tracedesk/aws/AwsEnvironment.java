package dev.tracedesk.aws;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The process environment and home directory that AWS configuration is read from. Injected (never read from
 * {@link System#getenv()} below this point) so that tests run against a temporary home.
 */
public final class AwsEnvironment {
    private final Map<String, String> env;
    private final Path home;

    public AwsEnvironment(Map<String, String> env, Path home) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.home = Objects.requireNonNull(home, "home");
    }

    /** The real environment of this process and the user's home directory. */
    public static AwsEnvironment fromSystem() {
        return new AwsEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public Path home() {
        return home;
    }

    /** A variable's value; blank values count as unset, as the AWS CLI does. */
    public Optional<String> get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public Path configFile() {
        return get("AWS_CONFIG_FILE").map(this::expand).orElse(home.resolve(".aws").resolve("config"));
    }

    public Path credentialsFile() {
        return get("AWS_SHARED_CREDENTIALS_FILE").map(this::expand).orElse(home.resolve(".aws").resolve("credentials"));
    }

    /** Where the AWS CLI v2 keeps SSO tokens; TraceDesk shares it so a CLI login works here and vice versa. */
    public Path ssoCacheDir() {
        return home.resolve(".aws").resolve("sso").resolve("cache");
    }

    /** {@code AWS_PROFILE} (or the older {@code AWS_DEFAULT_PROFILE}), if set. */
    public Optional<String> selectedProfile() {
        return get("AWS_PROFILE").or(() -> get("AWS_DEFAULT_PROFILE"));
    }

    /** {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}: both override the profile's region, as in the SDK and CLI. */
    public Optional<String> regionOverride() {
        return get("AWS_REGION").or(() -> get("AWS_DEFAULT_REGION"));
    }

    private Path expand(String path) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }
}
