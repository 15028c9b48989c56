package dev.tracedesk.sandbox.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.runtime.FunctionConfig;
import dev.tracedesk.sandbox.runtime.LocalLambda;
import dev.tracedesk.sandbox.runtime.SegmentEmitter;
import dev.tracedesk.sandbox.runtime.TracingMode;
import dev.tracedesk.shop.OrderCrypto;
import dev.tracedesk.shop.ShopStackDefinition;
import dev.tracedesk.shop.handlers.UpdateDbHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop stack running inside a sandbox: the four functions in the local Lambda runtime (tracing Active), the two
 * topics with their subscriptions, the orders table, and the {@code <prefix>_api_gateway/prod} stage (tracing on)
 * with {@code POST /shop} → accept and {@code POST /shop/unittest} → the unit-test function. Its invoke URL, the
 * sandbox endpoint and the payload key are written to {@code shop.json} in the data dir for the {@code shop} commands.
 */
public final class ShopStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShopStack.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String STATE_FILE = "shop.json";

    /**
     * Stack prefix, stage port (0 = free), container idle expiry, async retry delays, and tracing (on: stage tracing
     * enabled and functions Active; off: stage tracing disabled and functions PassThrough).
     */
    public record Options(String prefix, int stagePort, Duration idleExpiry, List<Duration> asyncRetryDelays, boolean tracing) {
        public static Options defaults() {
            LocalLambda.Settings s = LocalLambda.Settings.defaults();
            return new Options(ShopStackDefinition.DEFAULT_PREFIX, 0, s.idleExpiry(), s.asyncRetryDelays(), true);
        }

        public Options stagePort(int p) { return new Options(prefix, p, idleExpiry, asyncRetryDelays, tracing); }

        public Options idleExpiry(Duration d) { return new Options(prefix, stagePort, d, asyncRetryDelays, tracing); }

        public Options asyncRetryDelays(List<Duration> d) { return new Options(prefix, stagePort, idleExpiry, d, tracing); }

        public Options tracing(boolean on) { return new Options(prefix, stagePort, idleExpiry, asyncRetryDelays, on); }
    }

    private final ShopStackDefinition definition;
    private final LocalLambda lambda;
    private final LocalTable tables;
    private final LocalTopics topics;
    private final ApiStage stage;
    private final SegmentEmitter emitter;
    private final String key;

    private ShopStack(ShopStackDefinition definition, LocalLambda lambda, LocalTable tables, LocalTopics topics, ApiStage stage,
                      SegmentEmitter emitter, String key) {
        this.definition = definition;
        this.lambda = lambda;
        this.tables = tables;
        this.topics = topics;
        this.stage = stage;
        this.emitter = emitter;
        this.key = key;
    }

    public static ShopStack start(Sandbox sandbox, Options options) throws IOException {
        ShopStackDefinition def = ShopStackDefinition.local(options.prefix());
        Path dir = sandbox.dataDir();
        ObjectNode state = readState(dir);
        String key = state.path("key").asText(null);
        String apiId = state.path("restApiId").asText(null);
        if (key == null) key = OrderCrypto.newKey();
        if (apiId == null) apiId = newApiId();

        SegmentEmitter emitter = new SegmentEmitter(new InetSocketAddress(sandbox.host(), sandbox.port()));
        LocalTable tables = new LocalTable(dir);
        tables.ensureTable(def.table(), UpdateDbHandler.KEY);
        LocalBackend backend = new LocalBackend(tables);
        LocalLambda lambda = new LocalLambda(LocalLambda.Settings.defaults().idleExpiry(options.idleExpiry())
                .asyncRetryDelays(options.asyncRetryDelays()), backend, sandbox.logs(), emitter);
        LocalTopics topics = new LocalTopics(lambda);
        backend.topics(topics);
        for (ShopStackDefinition.FunctionSpec f : def.functions(key)) {
            lambda.deploy(new FunctionConfig(f.name(), f.handler(), f.memoryMb(), f.timeout(), f.environment(),
                    "arn:aws:iam::" + def.account() + ":role/" + def.prefix() + "_shop_lambda_role", options.tracing() ? TracingMode.ACTIVE : TracingMode.PASS_THROUGH));
        }
        topics.createTopic(def.topicArn(def.acceptedTopic()));
        topics.createTopic(def.topicArn(def.decryptedTopic()));
        topics.subscribe(def.topicArn(def.acceptedTopic()), def.decryptFunction());
        topics.subscribe(def.topicArn(def.decryptedTopic()), def.updateDbFunction());

        Map<String, String> routes = new LinkedHashMap<>();
        routes.put(ShopStackDefinition.RESOURCE, def.acceptFunction());
        routes.put(ShopStackDefinition.UNITTEST_RESOURCE, def.unitTestFunction());
        StageSampler sampler = new StageSampler(sandbox.samplingRules()::records, System::currentTimeMillis, new SecureRandom());
        ApiStage stage;
        try {
            stage = new ApiStage(def.apiName(), apiId, ShopStackDefinition.STAGE, def.region(), def.account(), routes, lambda,
                    sampler, emitter, sandbox.host(), options.stagePort());
        } catch (IOException e) {
            lambda.close();
            tables.close();
            emitter.close();
            throw new IOException("cannot open the API stage on port " + options.stagePort() + ": " + e.getMessage(), e);
        }
        stage.tracingEnabled(options.tracing());
        ShopStack stack = new ShopStack(def, lambda, tables, topics, stage, emitter, key);
        ObjectNode out = JSON.createObjectNode().put("prefix", def.prefix()).put("restApiId", apiId).put("key", key)
                .put("invokeUrl", stack.invokeUrl()).put("sandboxEndpoint", "http://" + sandbox.host() + ":" + sandbox.port());
        Files.writeString(dir.resolve(STATE_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        LOG.info("shop stack up: POST {}{}", stack.invokeUrl(), ShopStackDefinition.RESOURCE);
        return stack;
    }

    private static ObjectNode readState(Path dir) {
        Path f = dir.resolve(STATE_FILE);
        if (!Files.isRegularFile(f)) return JSON.createObjectNode();
        try {
            JsonNode n = JSON.readTree(f.toFile());
            return n instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (IOException e) {
            LOG.warn("ignoring unreadable {}: {}", f, e.getMessage());
            return JSON.createObjectNode();
        }
    }

    private static String newApiId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        Random r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }

    /** {@code http://127.0.0.1:<port>/prod}; the routes are {@code /shop} and {@code /shop/unittest} below it. */
    public String invokeUrl() { return stage.invokeUrl(); }

    public ShopStackDefinition definition() { return definition; }

    public LocalLambda lambda() { return lambda; }

    public LocalTable tables() { return tables; }

    public LocalTopics topics() { return topics; }

    public ApiStage stage() { return stage; }

    /** The base64 AES-256 key the decrypt function is configured with. */
    public String key() { return key; }

    @Override
    public void close() {
        stage.close();
        lambda.close();
        tables.close();
        emitter.close();
    }
}
