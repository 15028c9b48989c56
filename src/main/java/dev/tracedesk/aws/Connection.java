package dev.tracedesk.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * Where TraceDesk talks to: an AWS profile in a region, or the local sandbox. {@link AwsClients} builds the same SDK
 * clients for either; nothing above this package needs to know which. Closing releases the credential providers'
 * clients (the connection's {@link AwsClients} are closed separately).
 */
public sealed interface Connection extends AutoCloseable permits AwsConnection, SandboxConnection {
    /** The profile name, or "Local sandbox". */
    String name();

    Region region();

    AwsCredentialsProvider credentialsProvider();

    /** The endpoint every client of this service must use instead of AWS's, if any. */
    Optional<URI> endpointOverride(AwsService service);

    /** The profile file and profile the SDK clients read their other settings from. */
    ProfileFile profileFile();

    boolean isSandbox();

    /** The part of the top bar this connection knows by itself: "profile · region". */
    default String label() {
        return name() + " · " + region().id();
    }

    /** "profile · account · region" for the top bar, once the caller identity is known. */
    default String label(CallerIdentity identity) {
        return name() + " · " + identity.account() + " · " + region().id();
    }

    @Override
    void close();
}
