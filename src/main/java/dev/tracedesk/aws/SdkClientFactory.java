package dev.tracedesk.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * Configures SDK v2 sync client builders the same way everywhere: a given shared HTTP client, the standard retry
 * strategy, timeouts, the catalog's profile file (so the SDK never reads a different ~/.aws), and endpoint overrides.
 */
final class SdkClientFactory {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

    private final SdkHttpClient httpClient;
    private final ProfileFile profileFile;
    private final String profileName;

    /** @param httpClient the shared HTTP client, or null for each client to own (and close) a new one */
    SdkClientFactory(SdkHttpClient httpClient, ProfileFile profileFile, String profileName) {
        this.httpClient = httpClient;
        this.profileFile = profileFile;
        this.profileName = profileName;
    }

    /** A new apache5 client with TraceDesk's timeouts; the caller closes it. */
    static SdkHttpClient newHttpClient() {
        return httpClientBuilder().build();
    }

    private static Apache5HttpClient.Builder httpClientBuilder() {
        return Apache5HttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .connectionAcquisitionTimeout(Duration.ofSeconds(10))
                .maxConnections(32);
    }

    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Region region,
            AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        if (httpClient != null) {
            builder.httpClient(httpClient);
        } else {
            builder.httpClientBuilder(httpClientBuilder());
        }
        builder.region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .defaultProfileFileSupplier(() -> profileFile)
                        .defaultProfileName(profileName));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
