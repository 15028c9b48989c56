package dev.tracedesk.shop.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.shop.AwsCalls;
import dev.tracedesk.shop.AwsServiceException;
import dev.tracedesk.shop.FunctionEnvironment;
import dev.tracedesk.shop.Invocation;
import dev.tracedesk.shop.OrderCrypto;
import dev.tracedesk.shop.ShopBackend;
import dev.tracedesk.shop.ShopMessage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShopHandlersTest {
    static final String KEY = OrderCrypto.newKey();
    /** DynamoDB's PutItem semantics for one table keyed by messageId (the sandbox's real table has its own test). */
    final Map<String, Map<String, String>> table = new java.util.concurrent.ConcurrentHashMap<>();
    final List<String[]> published = new ArrayList<>();
    ShopBackend backend;

    @BeforeEach
    void setUp() throws Exception {
        backend = new ShopBackend() {
            @Override
            public Reply publish(String topicArn, String message, String traceHeader) {
                published.add(new String[] {topicArn, message, traceHeader});
                return new Reply("req-" + published.size(), 200, "msg-" + published.size());
            }

            @Override
            public Reply putItem(String t, Map<String, String> item, String cond) {
                if (!t.equals("orders")) throw new AwsServiceException("ResourceNotFoundException", 400, "Requested resource not found", "ddb-req");
                if (cond != null && table.containsKey(item.get(cond))) {
                    throw new AwsServiceException("ConditionalCheckFailedException", 400, "The conditional request failed", "ddb-req");
                }
                table.put(item.get(UpdateDbHandler.KEY), item);
                return new Reply("ddb-req", 200, null);
            }

            @Override
            public Map<String, String> getItem(String t, String k, String v) { return table.get(v); }
        };
    }

    private record Inv(AwsCalls aws, List<String> lines) implements Invocation {
        @Override
        public String requestId() { return "r-1"; }

        @Override
        public void log(String message) { lines.add(message); }

        @Override
        public String traceHeader() { return "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"; }

        @Override
        public long remainingMillis() { return 1000; }
    }

    private Inv inv() {
        return new Inv(new AwsCalls(backend, "1-5759e988-bd862e3fe1be46a994272793", true), new ArrayList<>());
    }

    private static FunctionEnvironment env(Map<String, String> vars) {
        return new FunctionEnvironment() {
            @Override
            public String functionName() { return "fn"; }

            @Override
            public Map<String, String> variables() { return vars; }

            @Override
            public void log(String line) {}
        };
    }

    private static JsonNode sns(String message) {
        ObjectNode rec = ShopMessage.JSON.createObjectNode();
        rec.set("Sns", ShopMessage.JSON.createObjectNode().put("Message", message));
        ObjectNode e = ShopMessage.JSON.createObjectNode();
        e.set("Records", ShopMessage.JSON.createArrayNode().add(rec));
        return e;
    }

    private static ObjectNode validMessage(String shop, String id) {
        String payload = OrderCrypto.fromBase64(KEY).encrypt(shop, id, "{\"item\":\"book\",\"quantity\":2}");
        return new ShopMessage(shop, id, payload).toJson();
    }

    @Test
    void aesGcmRejectsTamperingWrongIdsAndWrongKeys() throws Exception {
        OrderCrypto c = OrderCrypto.fromBase64(KEY);
        String p = c.encrypt("s1", "m1", "secret order");
        assertThat(c.decrypt("s1", "m1", p)).isEqualTo("secret order");
        byte[] raw = Base64.getDecoder().decode(p);
        raw[OrderCrypto.IV_BYTES] ^= 0x01;
        String flipped = Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> c.decrypt("s1", "m1", flipped)).isInstanceOf(OrderCrypto.TamperedException.class);
        assertThatThrownBy(() -> c.decrypt("s2", "m1", p)).isInstanceOf(OrderCrypto.TamperedException.class);
        assertThatThrownBy(() -> OrderCrypto.fromBase64(OrderCrypto.newKey()).decrypt("s1", "m1", p))
                .isInstanceOf(OrderCrypto.TamperedException.class);
        assertThat(c.encrypt("s1", "m1", "x")).isNotEqualTo(c.encrypt("s1", "m1", "x")); // fresh IV every time
    }

    @Test
    void acceptRejectsBadRequestsWith400AndAReasonAndPublishesGoodOnes() throws Exception {
        AcceptHandler h = new AcceptHandler();
        h.init(env(Map.of("TOPIC_ARN", "arn:topic1")));
        JsonNode bad = h.handle(ShopMessage.JSON.createObjectNode().put("body", "{\"shopId\":\"s\",\"messageId\":\"m\"}"), inv());
        assertThat(bad.get("statusCode").asInt()).isEqualTo(400);
        assertThat(bad.get("body").asText()).contains("payload is required");
        assertThat(published).isEmpty();

        Inv inv = inv();
        JsonNode ok = h.handle(ShopMessage.JSON.createObjectNode().put("body", validMessage("s1", "m1").toString()), inv);
        assertThat(ok.get("statusCode").asInt()).isEqualTo(202);
        assertThat(published).hasSize(1);
        assertThat(published.get(0)[0]).isEqualTo("arn:topic1");
        JsonNode sub = inv.aws().recorded().get(0);
        assertThat(sub.get("name").asText()).isEqualTo("SNS");
        assertThat(sub.get("namespace").asText()).isEqualTo("aws");
        assertThat(sub.get("aws").get("operation").asText()).isEqualTo("Publish");
        assertThat(sub.get("aws").get("topic_arn").asText()).isEqualTo("arn:topic1");
        assertThat(sub.get("aws").get("request_id").asText()).isEqualTo("req-1");
        assertThat(sub.get("http").get("response").get("status").asInt()).isEqualTo(200);
        // The delivery carries the trace on, with the SNS subsegment as parent.
        assertThat(published.get(0)[2]).contains("Parent=" + sub.get("id").asText()).contains("Sampled=1");
    }

    @Test
    void decryptDropsTamperedMessagesAndForwardsGoodOnes() throws Exception {
        DecryptHandler h = new DecryptHandler();
        h.init(env(Map.of("TOPIC_ARN", "arn:topic2", "SHOP_KEY", KEY)));
        ObjectNode tampered = validMessage("s1", "m1");
        tampered.put("messageId", "m2"); // authenticated data no longer matches
        Inv inv = inv();
        JsonNode r = h.handle(sns(tampered.toString()), inv);
        assertThat(r.get("rejected").asInt()).isEqualTo(1);
        assertThat(published).isEmpty();
        assertThat(inv.lines()).anyMatch(l -> l.startsWith("REJECTED message m2"));

        h.handle(sns(validMessage("s1", "m3").toString()), inv());
        assertThat(published).hasSize(1);
        JsonNode forwarded = ShopMessage.JSON.readTree(published.get(0)[1]);
        assertThat(forwarded.get("order").get("item").asText()).isEqualTo("book");
        assertThat(forwarded.get("messageId").asText()).isEqualTo("m3");
    }

    @Test
    void updateDbWritesOnceWhenSnsDeliversTwice() throws Exception {
        UpdateDbHandler h = new UpdateDbHandler();
        h.init(env(Map.of("TABLE_NAME", "orders")));
        String msg = "{\"shopId\":\"s1\",\"messageId\":\"m1\",\"order\":{\"item\":\"book\"}}";
        assertThat(h.handle(sns(msg), inv()).get("written").asInt()).isEqualTo(1);
        Inv second = inv();
        JsonNode again = h.handle(sns(msg), second);
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        assertThat(table).hasSize(1);
        assertThat(table.get("m1")).containsEntry("shopId", "s1").containsEntry("writtenBy", "r-1");
        JsonNode sub = second.aws().recorded().get(0);
        assertThat(sub.get("aws").get("table_name").asText()).isEqualTo("orders");
        assertThat(sub.get("http").get("response").get("status").asInt()).isEqualTo(400);
        assertThat(sub.get("cause").get("exceptions").get(0).get("type").asText()).isEqualTo("ConditionalCheckFailedException");
    }

    @Test
    void writingToAMissingTableFailsLikeDynamoDbAndMarksTheSubsegmentFaulty() throws Exception {
        UpdateDbHandler h = new UpdateDbHandler();
        h.init(env(Map.of("TABLE_NAME", "non-existing-AMIS-unittest-shop")));
        Inv inv = inv();
        assertThatThrownBy(() -> h.handle(sns("{\"shopId\":\"s1\",\"messageId\":\"m1\"}"), inv))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        JsonNode sub = inv.aws().recorded().get(0);
        assertThat(sub.get("name").asText()).isEqualTo("DynamoDB");
        assertThat(sub.get("fault").asBoolean()).isTrue();
        assertThat(sub.get("aws").get("operation").asText()).isEqualTo("PutItem");
        assertThat(sub.get("cause").get("exceptions").get(0).get("remote").asBoolean()).isTrue();
    }

    @Test
    void missingConfigurationFailsInitialisation() {
        assertThatThrownBy(() -> new DecryptHandler().init(env(Map.of("TOPIC_ARN", "t"))))
                .hasMessageContaining("SHOP_KEY");
    }
}
