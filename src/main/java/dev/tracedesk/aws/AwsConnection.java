package dev.tracedesk.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/** A signed-in AWS profile in a region. Made by {@link SignIn#connect}. */
public final class AwsConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(AwsConnection.class);

    private final ProfileInfo profile;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final EndpointOverrides endpoints;
    private final ProfileFile profileFile;
    private final List<AutoCloseable> resources;

    AwsConnection(ProfileInfo profile, Region region, AwsCredentialsProvider credentials, EndpointOverrides endpoints,
                  ProfileFile profileFile, List<AutoCloseable> resources) {
        this.profile = Objects.requireNonNull(profile);
        this.region = Objects.requireNonNull(region);
        this.credentials = Objects.requireNonNull(credentials);
        this.endpoints = endpoints;
        this.profileFile = profileFile;
        this.resources = new ArrayList<>(resources);
    }

    public ProfileInfo profile() {
        return profile;
    }

    @Override
    public String name() {
        return profile.name();
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public AwsCredentialsProvider credentialsProvider() {
        return credentials;
    }

    @Override
    public Optional<URI> endpointOverride(AwsService service) {
        return endpoints.forService(service);
    }

    @Override
    public ProfileFile profileFile() {
        return profileFile;
    }

    @Override
    public boolean isSandbox() {
        return false;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    /** Closes in reverse order of creation (providers before the clients they use); failures are logged, not thrown. */
    static void closeAll(List<AutoCloseable> resources) {
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        resources.clear();
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("Closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "AwsConnection[" + label() + "]";
    }
}
