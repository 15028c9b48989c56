package dev.tracedesk.app;

import dev.tracedesk.aws.AwsClients;
import dev.tracedesk.aws.AwsErrors;
import dev.tracedesk.aws.AwsProblem;
import dev.tracedesk.aws.AwsProblemException;
import dev.tracedesk.aws.ProblemKind;
import dev.tracedesk.explore.stack.DeployListener;
import dev.tracedesk.explore.stack.DeployRequest;
import dev.tracedesk.explore.stack.DeployResult;
import dev.tracedesk.explore.stack.StackDeployer;
import dev.tracedesk.explore.stack.StackEvent;
import dev.tracedesk.shop.deploy.CodeLocation;
import dev.tracedesk.shop.deploy.DeployProgress;
import dev.tracedesk.shop.deploy.ShopDeployment;
import dev.tracedesk.shop.deploy.StackEventRecord;
import dev.tracedesk.shop.deploy.StackOutcome;
import dev.tracedesk.shop.deploy.StagingBucket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link StackDeployer} over {@code shop.deploy}: on AWS (and moto) it stages the Lambda zip in
 * {@code tracedesk-staging-<account>-<region>} first; the sandbox has no S3 and runs the handlers in-process, so its
 * stack gets {@link CodeLocation#SANDBOX} and nothing is uploaded.
 */
public final class ShopStackDeployer implements StackDeployer {
    /** Where the Lambda zip is when it is not next to the app jar. */
    public static final String ZIP_PROPERTY = "tracedesk.shopLambdaZip";
    public static final String ZIP_NAME = "tracedesk-shop-lambda.zip";

    private final Supplier<AwsClients> clients;
    private final Supplier<Path> lambdaZip;
    private final Duration pollInterval;

    public ShopStackDeployer(Supplier<AwsClients> clients) {
        this(clients, ShopStackDeployer::locateZip, Duration.ofSeconds(3));
    }

    public ShopStackDeployer(Supplier<AwsClients> clients, Supplier<Path> lambdaZip, Duration pollInterval) {
        this.clients = Objects.requireNonNull(clients);
        this.lambdaZip = Objects.requireNonNull(lambdaZip);
        this.pollInterval = Objects.requireNonNull(pollInterval);
    }

    @Override
    public DeployResult deploy(DeployRequest request, DeployListener listener) {
        return call("deploy stack " + request.stackName(), () -> {
            AwsClients c = clients.get();
            DeployProgress progress = progress(listener);
            CodeLocation code;
            if (c.connection().isSandbox()) {
                progress.step("Sandbox: the handlers run in-process, nothing to upload");
                code = CodeLocation.SANDBOX;
            } else {
                String account = c.callerIdentity().account();
                String region = c.connection().region().id();
                code = new StagingBucket(c.s3(), StagingBucket.name(account, region), region)
                        .upload(lambdaZip.get(), progress);
            }
            return result(new ShopDeployment(c.cloudFormation(), pollInterval)
                    .deploy(request.stackName(), request.prefix(), request.tracing(), code, progress));
        });
    }

    @Override
    public DeployResult delete(String stackName, DeployListener listener) {
        return call("delete stack " + stackName, () -> result(new ShopDeployment(clients.get().cloudFormation(),
                pollInterval).delete(stackName, progress(listener))));
    }

    @Override
    public Optional<DeployResult> describe(String stackName) {
        return call("read stack " + stackName, () -> new ShopDeployment(clients.get().cloudFormation(), pollInterval)
                .describe(stackName).map(ShopStackDeployer::result));
    }

    @Override
    public String whatDeployCreates(DeployRequest request) {
        String p = request.prefix();
        String where = clients.get().connection().isSandbox() ? "in the local sandbox"
                : "in AWS account and region of " + clients.get().connection().label();
        return "Stack " + request.stackName() + " " + where + ": four Lambda functions (" + p + "_shop_accept, "
                + p + "_shop_decrypt, " + p + "_shop_update_db, " + p + "_unittest_object_under_test_update_db) with "
                + "their IAM roles, two SNS topics, the DynamoDB table " + p + "-shop (on demand), the REST API "
                + p + "_api_gateway with stage prod, tracing " + (request.tracing() ? "on" : "off") + "."
                + (clients.get().connection().isSandbox() ? ""
                        : " On AWS it also creates the S3 staging bucket for the code. All of it is billed per request "
                                + "and costs next to nothing while idle; the bucket keeps a few MB (cents a month).");
    }

    /** The zip built by {@code mvn package}: the system property, else next to the app jar (target/). */
    static Path locateZip() {
        String configured = System.getProperty(ZIP_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Path code = Path.of(ShopStackDeployer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/tracedesk-0.1.0.jar or target/classes: either way the zip is in target/.
            return code.getParent().resolve(ZIP_NAME);
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("target", ZIP_NAME);
        }
    }

    private static DeployProgress progress(DeployListener listener) {
        return new DeployProgress() {
            @Override
            public void step(String message) {
                listener.step(message);
            }

            @Override
            public void event(StackEventRecord e) {
                listener.event(ShopStackDeployer.event(e));
            }

            @Override
            public void progress(double fraction) {
                listener.progress(fraction);
            }
        };
    }

    static StackEvent event(StackEventRecord e) {
        return new StackEvent(e.eventId(), e.timestamp() == null ? Instant.EPOCH : e.timestamp(), e.logicalId(),
                e.resourceType(), e.status(), e.reason());
    }

    static DeployResult result(StackOutcome o) {
        return new DeployResult(o.stackName(), o.status(), o.unchanged(), o.outputs(),
                o.failures().stream().map(ShopStackDeployer::event).toList());
    }

    private static <T> T call(String what, Supplier<T> body) {
        try {
            return body.get();
        } catch (AwsProblemException e) {
            throw e;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new AwsProblemException(new AwsProblem(ProblemKind.OTHER, "Cannot " + what + ": " + e.getMessage(),
                    Optional.empty(), String.valueOf(e)), e);
        } catch (RuntimeException e) {
            AwsProblem p = AwsErrors.translate(e);
            throw new AwsProblemException(new AwsProblem(p.kind(), "Cannot " + what + ". " + p.userMessage(),
                    p.missingPermission(), p.detail()), e);
        }
    }
}
