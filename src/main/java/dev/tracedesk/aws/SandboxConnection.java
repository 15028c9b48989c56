package dev.tracedesk.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/** The built-in local X-Ray: every service at {@code http://127.0.0.1:PORT}, dummy keys, us-east-1. */
public final class SandboxConnection implements Connection {
    private static final ProfileFile NO_PROFILES = ProfileFile.aggregator().build();

    private final URI endpoint;
    private final AwsCredentialsProvider credentials = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(SandboxDefaults.ACCESS_KEY_ID, SandboxDefaults.SECRET_ACCESS_KEY));

    public SandboxConnection(URI endpoint) {
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException("Sandbox endpoint needs scheme and host: " + endpoint);
        }
        this.endpoint = endpoint;
    }

    /** The sandbox on this machine's loopback. */
    public static SandboxConnection onLocalPort(int port) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("Not a TCP port: " + port);
        }
        return new SandboxConnection(URI.create("http://127.0.0.1:" + port));
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String name() {
        return ProfileInfo.SANDBOX_NAME;
    }

    @Override
    public Region region() {
        return Region.of(SandboxDefaults.REGION);
    }

    @Override
    public AwsCredentialsProvider credentialsProvider() {
        return credentials;
    }

    @Override
    public Optional<URI> endpointOverride(AwsService service) {
        return Optional.of(endpoint);
    }

    /** No profiles, so the user's ~/.aws settings (endpoint_url, ...) cannot redirect sandbox clients. */
    @Override
    public ProfileFile profileFile() {
        return NO_PROFILES;
    }

    @Override
    public boolean isSandbox() {
        return true;
    }

    @Override
    public String label() {
        return name() + " · " + endpoint.getHost() + ":" + endpoint.getPort() + " · " + region().id();
    }

    @Override
    public void close() {
        // Nothing held: the sandbox itself is started and stopped by the app.
    }

    @Override
    public String toString() {
        return "SandboxConnection[" + endpoint + "]";
    }
}
