package dev.tracedesk.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The SDK v2 sync clients for one {@link Connection}, created on first use and sharing one apache5 HTTP client
 * (connection pool), the SDK's standard retry strategy and TraceDesk's timeouts. Thread-safe. Closing closes the
 * clients and the HTTP client, not the connection.
 */
public final class AwsClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AwsClients.class);

    private final Connection connection;
    private final SdkHttpClient httpClient;
    private final SdkClientFactory factory;
    private final List<AutoCloseable> created = new ArrayList<>();
    private boolean closed;
    private XRayClient xray;
    private CloudWatchLogsClient logs;
    private LambdaClient lambda;
    private ApiGatewayClient apiGateway;
    private IamClient iam;
    private StsClient sts;
    private CloudFormationClient cloudFormation;
    private S3Client s3;

    public AwsClients(Connection connection) {
        this.connection = connection;
        this.httpClient = SdkClientFactory.newHttpClient();
        this.factory = new SdkClientFactory(httpClient, connection.profileFile(), connection.name());
    }

    public Connection connection() {
        return connection;
    }

    public synchronized XRayClient xray() {
        if (xray == null) {
            xray = create(() -> factory.build(XRayClient.builder(), connection.region(),
                    connection.credentialsProvider(), connection.endpointOverride(AwsService.XRAY)));
        }
        return xray;
    }

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = create(() -> factory.build(CloudWatchLogsClient.builder(), connection.region(),
                    connection.credentialsProvider(), connection.endpointOverride(AwsService.CLOUDWATCH_LOGS)));
        }
        return logs;
    }

    public synchronized LambdaClient lambda() {
        if (lambda == null) {
            lambda = create(() -> factory.build(LambdaClient.builder(), connection.region(),
                    connection.credentialsProvider(), connection.endpointOverride(AwsService.LAMBDA)));
        }
        return lambda;
    }

    public synchronized ApiGatewayClient apiGateway() {
        if (apiGateway == null) {
            apiGateway = create(() -> factory.build(ApiGatewayClient.builder(), connection.region(),
                    connection.credentialsProvider(), connection.endpointOverride(AwsService.API_GATEWAY)));
        }
        return apiGateway;
    }

    /** IAM is global: the SDK maps any commercial region to the global endpoint. */
    public synchronized IamClient iam() {
        if (iam == null) {
            iam = create(() -> factory.build(IamClient.builder(), connection.region(),
                    connection.credentialsProvider(), connection.endpointOverride(AwsService.IAM)));
        }
        return iam;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = create(() -> factory.build(StsClient.builder(), connection.region(),
                    connection.credentialsProvider(), connection.endpointOverride(AwsService.STS)));
        }
        return sts;
    }

    public synchronized CloudFormationClient cloudFormation() {
        if (cloudFormation == null) {
            cloudFormation = create(() -> factory.build(CloudFormationClient.builder(), connection.region(),
                    connection.credentialsProvider(), connection.endpointOverride(AwsService.CLOUDFORMATION)));
        }
        return cloudFormation;
    }

    /**
     * S3 (for the stack's deployment artefacts). Path-style addressing when the endpoint is overridden, since a local
     * endpoint has no per-bucket host names.
     */
    public synchronized S3Client s3() {
        if (s3 == null) {
            Optional<URI> endpoint = connection.endpointOverride(AwsService.S3);
            S3ClientBuilder builder = S3Client.builder().forcePathStyle(endpoint.isPresent());
            s3 = create(() -> factory.build(builder, connection.region(), connection.credentialsProvider(), endpoint));
        }
        return s3;
    }

    /**
     * STS GetCallerIdentity: account and ARN for the top bar. Failures come as {@link AwsProblemException}
     * (expired token, network, clock skew, ...).
     */
    public CallerIdentity callerIdentity() {
        try {
            GetCallerIdentityResponse response = sts().getCallerIdentity();
            return new CallerIdentity(response.account(), response.arn(), response.userId());
        } catch (RuntimeException e) {
            throw AwsErrors.asException(e);
        }
    }

    private <T extends AutoCloseable> T create(Supplier<T> builder) {
        if (closed) {
            throw new IllegalStateException("AwsClients for " + connection.name() + " is closed");
        }
        T client = builder.get();
        created.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        AwsConnection.closeAll(created);
        httpClient.close();
        LOG.debug("Closed AWS clients of {}", connection.name());
    }
}
