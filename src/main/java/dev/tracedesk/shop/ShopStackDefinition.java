package dev.tracedesk.shop;

import dev.tracedesk.shop.handlers.AcceptHandler;
import dev.tracedesk.shop.handlers.DecryptHandler;
import dev.tracedesk.shop.handlers.UpdateDbHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The shop stack by name, from a prefix (default {@code AMIS}): REST API, stage, functions, topics, table. Both the
 * sandbox's local stack and a deployment read their names and settings from here.
 */
public record ShopStackDefinition(String prefix, String region, String account) {
    public static final String DEFAULT_PREFIX = "AMIS";
    public static final String STAGE = "prod";
    public static final String RESOURCE = "/shop";
    /** The unit-test function's own route on the stage. */
    public static final String UNITTEST_RESOURCE = "/shop/unittest";

    /** One function: name, handler class, memory (MB), timeout, environment. */
    public record FunctionSpec(String name, String handler, int memoryMb, Duration timeout, Map<String, String> environment) {}

    /**
     * The Lambda handler strings of the template (the packaged entry classes in {@code shop.lambda}) and the handler
     * class each runs: the sandbox's runtime loads the class directly instead of the packaged zip.
     */
    public static final Map<String, Class<? extends ShopFunction>> HANDLERS = Map.of(
            "dev.tracedesk.shop.lambda.AcceptEntry::handleRequest", AcceptHandler.class,
            "dev.tracedesk.shop.lambda.DecryptEntry::handleRequest", DecryptHandler.class,
            "dev.tracedesk.shop.lambda.UpdateDbEntry::handleRequest", UpdateDbHandler.class);

    /** The handler class a template's Lambda {@code Handler} string runs, if it is one of the shop's. */
    public static java.util.Optional<Class<? extends ShopFunction>> handlerClass(String lambdaHandler) {
        return java.util.Optional.ofNullable(lambdaHandler == null ? null : HANDLERS.get(lambdaHandler));
    }

    public static ShopStackDefinition local(String prefix) {
        return new ShopStackDefinition(prefix, ShopBackend.REGION, "000000000000");
    }

    public String apiName() { return prefix + "_api_gateway"; }

    public String stageServiceName() { return apiName() + "/" + STAGE; }

    public String acceptFunction() { return prefix + "_shop_accept"; }

    public String decryptFunction() { return prefix + "_shop_decrypt"; }

    public String updateDbFunction() { return prefix + "_shop_update_db"; }

    public String unitTestFunction() { return prefix + "_unittest_object_under_test_update_db"; }

    public String acceptedTopic() { return prefix + "_shop_accepted"; }

    public String decryptedTopic() { return prefix + "_shop_decrypted"; }

    public String topicArn(String topic) { return "arn:aws:sns:" + region + ":" + account + ":" + topic; }

    public String table() { return prefix + "-shop"; }

    public String missingTable() { return "non-existing-" + prefix + "-unittest-shop"; }

    public List<String> functionNames() {
        return List.of(acceptFunction(), decryptFunction(), updateDbFunction(), unitTestFunction());
    }

    /** The four functions with their configuration; {@code key} is the base64 AES-256 key decrypt uses. */
    public List<FunctionSpec> functions(String key) {
        Duration timeout = Duration.ofSeconds(10);
        return List.of(
                new FunctionSpec(acceptFunction(), AcceptHandler.class.getName(), 256, timeout,
                        Map.of("TOPIC_ARN", topicArn(acceptedTopic()))),
                new FunctionSpec(decryptFunction(), DecryptHandler.class.getName(), 256, timeout,
                        Map.of("TOPIC_ARN", topicArn(decryptedTopic()), "SHOP_KEY", key)),
                new FunctionSpec(updateDbFunction(), UpdateDbHandler.class.getName(), 256, timeout,
                        Map.of("TABLE_NAME", table())),
                new FunctionSpec(unitTestFunction(), UpdateDbHandler.class.getName(), 128, timeout,
                        Map.of("TABLE_NAME", missingTable())));
    }
}
