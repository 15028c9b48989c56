package dev.tracedesk.sandbox.stack;

import dev.tracedesk.sandbox.api.LogStore;
import dev.tracedesk.sandbox.api.SamplingRules;
import dev.tracedesk.sandbox.runtime.LocalLambda;
import dev.tracedesk.sandbox.runtime.SegmentEmitter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The sandbox's control-plane services in one place: IAM, Lambda (local runtime), SNS topics, tables, REST APIs
 * and CloudFormation over them. The AWS APIs on the sandbox port and the shop stack both work on this.
 */
public final class LocalCloud implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private final SegmentEmitter emitter;
    private final LocalTable tables;
    private final LocalLambda lambda;
    private final LocalTopics topics;
    private final LocalIam iam;
    private final LocalApis apis;
    private final CloudFormation cloudFormation;

    public LocalCloud(String host, int daemonPort, Path dataDir, LogStore logs, SamplingRules rules, LocalLambda.Settings settings)
            throws IOException {
        this.emitter = new SegmentEmitter(new InetSocketAddress(host, daemonPort));
        this.tables = new LocalTable(dataDir);
        LocalBackend backend = new LocalBackend(tables);
        this.lambda = new LocalLambda(settings, backend, logs, emitter);
        this.topics = new LocalTopics(lambda);
        backend.topics(topics);
        this.iam = new LocalIam(ACCOUNT);
        lambda.permissions(iam::allows);
        StageSampler sampler = new StageSampler(rules::records, System::currentTimeMillis, new SecureRandom());
        this.apis = new LocalApis(lambda, sampler, emitter, host, REGION, ACCOUNT);
        this.cloudFormation = new CloudFormation(iam, lambda, topics, tables, apis, REGION, ACCOUNT);
    }

    public LocalLambda lambda() { return lambda; }

    public LocalTable tables() { return tables; }

    public LocalTopics topics() { return topics; }

    public LocalIam iam() { return iam; }

    public LocalApis apis() { return apis; }

    public CloudFormation cloudFormation() { return cloudFormation; }

    public SegmentEmitter emitter() { return emitter; }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        cloudFormation.close();
        apis.close();
        lambda.close();
        tables.close();
        emitter.close();
    }
}
