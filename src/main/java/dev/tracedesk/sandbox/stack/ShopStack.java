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
import dev.tracedesk.shop.ShopTemplate;
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
    private final LocalCloud cloud;
    private final ApiStage stage;
    private final String key;

    private ShopStack(ShopStackDefinition definition, LocalCloud cloud, ApiStage stage, String key) {
        this.definition = definition;
        this.cloud = cloud;
        this.stage = stage;
        this.key = key;
    }

    /**
     * Deploys {@code shop-stack.json} through the sandbox's CloudFormation (stack {@code tracedesk-shop-<prefix>}) and
     * waits for CREATE_COMPLETE. The payload key is kept across restarts in {@code shop.json}.
     */
    public static ShopStack start(Sandbox sandbox, Options options) throws IOException {
        ShopStackDefinition def = ShopStackDefinition.local(options.prefix());
        Path dir = sandbox.dataDir();
        ObjectNode state = readState(dir);
        String key = state.path("key").asText(null);
        if (key == null) key = OrderCrypto.newKey();

        LocalCloud cloud = sandbox.cloud(LocalLambda.Settings.defaults().idleExpiry(options.idleExpiry())
                .asyncRetryDelays(options.asyncRetryDelays()));
        cloud.apis().preferPort(def.apiName(), ShopStackDefinition.STAGE, options.stagePort());
        CloudFormation cf = cloud.cloudFormation();
        String stackName = ShopTemplate.stackName(def.prefix());
        Map<String, String> params = new LinkedHashMap<>();
        params.put(ShopTemplate.PREFIX, def.prefix());
        params.put(ShopTemplate.TRACING, ShopTemplate.tracing(options.tracing()));
        params.put(ShopTemplate.CODE_BUCKET, "sandbox");
        params.put(ShopTemplate.CODE_KEY, "class-path");
        params.put(ShopTemplate.SHOP_KEY, key);
        String status;
        try {
            cf.createStack(stackName, ShopTemplate.json(), params, List.of("CAPABILITY_NAMED_IAM"));
            status = cf.await(stackName, Duration.ofSeconds(60));
        } catch (CloudFormation.CfnError e) {
            throw new IOException("cannot deploy the shop stack: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while deploying the shop stack", e);
        }
        CloudFormation.Stack stack = cf.stack(stackName);
        if (!"CREATE_COMPLETE".equals(status)) {
            String failures = stack.events().stream().filter(e -> e.status().endsWith("_FAILED"))
                    .map(e -> e.logicalId() + ": " + e.reason()).reduce((a, b) -> a + "; " + b).orElse(String.valueOf(stack.reason()));
            throw new IOException("cannot deploy the shop stack (" + status + "): " + failures);
        }
        String apiId = stack.outputs().get(ShopTemplate.OUT_REST_API_ID);
        ApiStage stage = cloud.apis().api(apiId).flatMap(a -> a.stage(ShopStackDefinition.STAGE))
                .orElseThrow(() -> new IOException("the shop stack has no stage " + ShopStackDefinition.STAGE));
        ShopStack shop = new ShopStack(def, cloud, stage, key);
        ObjectNode out = JSON.createObjectNode().put("prefix", def.prefix()).put("stackName", stackName).put("restApiId", apiId).put("key", key)
                .put("invokeUrl", shop.invokeUrl()).put("sandboxEndpoint", "http://" + sandbox.host() + ":" + sandbox.port());
        Files.writeString(dir.resolve(STATE_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        LOG.info("shop stack {} up: POST {}{}", stackName, shop.invokeUrl(), ShopStackDefinition.RESOURCE);
        return shop;
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

    public LocalLambda lambda() { return cloud.lambda(); }

    public LocalTable tables() { return cloud.tables(); }

    public LocalTopics topics() { return cloud.topics(); }

    /** The sandbox's control-plane services the stack was deployed into. */
    public LocalCloud cloud() { return cloud; }

    public ApiStage stage() { return stage; }

    /** The base64 AES-256 key the decrypt function is configured with. */
    public String key() { return key; }

    @Override
    public void close() {
        cloud.close();
    }
}
