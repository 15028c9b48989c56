package dev.tracedesk.shop.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.shop.AwsServiceException;
import dev.tracedesk.shop.OrderCrypto;
import dev.tracedesk.shop.ShopBackend;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class LambdaEntryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "1-6650a1b2-3c4d5e6f708192a3b4c5d6e7";
    private static final String FUNCTION_SEGMENT = "53995c3f42cd8ad8";
    private static final String SAMPLED = "Root=" + ROOT + ";Parent=" + FUNCTION_SEGMENT + ";Sampled=1";
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:AMIS_shop_accepted";

    private final List<String[]> published = new ArrayList<>();
    private final Map<String, Map<String, String>> table = new ConcurrentHashMap<>();
    private final List<String> sent = new ArrayList<>();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    private final ShopBackend backend = new ShopBackend() {
        @Override
        public Reply publish(String topicArn, String message, String traceHeader) {
            published.add(new String[] {topicArn, message, traceHeader});
            return new Reply("sns-req-" + published.size(), 200, "msg-" + published.size());
        }

        @Override
        public Reply putItem(String t, Map<String, String> item, String cond) {
            if (!t.equals("AMIS-shop")) {
                throw new AwsServiceException("ResourceNotFoundException", 400, "Requested resource not found", "ddb-404");
            }
            if (cond != null && table.containsKey(item.get(cond))) {
                throw new AwsServiceException("ConditionalCheckFailedException", 400, "The conditional request failed", "ddb-dup");
            }
            table.put(item.get(cond), item);
            return new Reply("ddb-req", 200, null);
        }

        @Override
        public Map<String, String> getItem(String t, String k, String v) {
            return table.get(v);
        }
    };

    private static Context context(String requestId) {
        return (Context) java.lang.reflect.Proxy.newProxyInstance(LambdaEntryTest.class.getClassLoader(),
                new Class<?>[] {Context.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getRemainingTimeInMillis" -> 9_000;
                    case "getFunctionName" -> "AMIS_shop_accept";
                    default -> null;
                });
    }

    private JsonNode invoke(LambdaEntry entry, String event, String requestId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entry.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context(requestId));
        return JSON.readTree(out.toByteArray());
    }

    private static String proxyEvent(String body) throws Exception {
        return JSON.createObjectNode().put("httpMethod", "POST").put("path", "/shop").put("body", body).toString();
    }

    private static String snsEvent(String message) {
        return JSON.createObjectNode().set("Records", JSON.createArrayNode().add(JSON.createObjectNode()
                .set("Sns", JSON.createObjectNode().put("Message", message)))).toString();
    }

    private static String validBody(String messageId) {
        return "{\"shopId\":\"s1\",\"messageId\":\"" + messageId + "\",\"payload\":\""
                + new OrderCrypto(new byte[32]).encrypt("s1", messageId, "{\"item\":\"tea\"}") + "\"}";
    }

    private AcceptEntry accept(String header) {
        return new AcceptEntry(Map.of("TOPIC_ARN", TOPIC, "AWS_REGION", "eu-west-1"), backend, sent::add, () -> header, log);
    }

    @Test
    void acceptPublishesAValidOrderAndSendsItsSnsSubsegmentUnderTheFunctionSegment() throws Exception {
        String body = "{\"shopId\":\"s1\",\"messageId\":\"m1\",\"payload\":\"" + new OrderCrypto(new byte[32])
                .encrypt("s1", "m1", "{\"item\":\"tea\"}") + "\"}";
        JsonNode response = invoke(accept(SAMPLED), proxyEvent(body), "req-1");

        assertThat(response.get("statusCode").asInt()).isEqualTo(202);
        assertThat(JSON.readTree(response.get("body").asText()).get("status").asText()).isEqualTo("accepted");
        assertThat(published).singleElement().satisfies(p -> {
            assertThat(p[0]).isEqualTo(TOPIC);
            assertThat(p[2]).startsWith("Root=" + ROOT + ";Parent=").endsWith(";Sampled=1");
        });
        assertThat(sent).singleElement().satisfies(doc -> {
            JsonNode sub = JSON.readTree(doc);
            assertThat(sub.get("trace_id").asText()).isEqualTo(ROOT);
            assertThat(sub.get("parent_id").asText()).isEqualTo(FUNCTION_SEGMENT);
            assertThat(sub.get("type").asText()).isEqualTo("subsegment");
            assertThat(sub.get("name").asText()).isEqualTo("SNS");
            assertThat(sub.at("/aws/operation").asText()).isEqualTo("Publish");
            assertThat(sub.at("/aws/region").asText()).isEqualTo("eu-west-1");
            // The SNS call's own header names this subsegment as the parent of what SNS delivers.
            assertThat(published.get(0)[2]).contains("Parent=" + sub.get("id").asText());
        });
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("\treq-1\tINFO\taccepted message m1 of shop s1");
    }

    @Test
    void anUnsampledInvocationSendsNothing() throws Exception {
        JsonNode response = invoke(accept("Root=" + ROOT + ";Parent=" + FUNCTION_SEGMENT + ";Sampled=0"),
                proxyEvent(validBody("m2")), "req-2");
        assertThat(response.get("statusCode").asInt()).isEqualTo(202);
        assertThat(published).hasSize(1);
        assertThat(published.get(0)[2]).endsWith("Sampled=0");
        assertThat(sent).isEmpty();
        assertThat(invoke(accept(null), proxyEvent(validBody("m3")), "r")
                .get("statusCode").asInt()).isEqualTo(202);
        assertThat(sent).isEmpty();
    }

    @Test
    void aBadRequestIsA400WithTheReason() throws Exception {
        JsonNode response = invoke(accept(SAMPLED), proxyEvent("not json"), "req-3");
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(response.get("body").asText()).contains("not JSON");
        assertThat(published).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void decryptForwardsTheDecryptedOrder() throws Exception {
        String key = OrderCrypto.newKey();
        String payload = OrderCrypto.fromBase64(key).encrypt("s1", "m9", "{\"item\":\"tea\"}");
        DecryptEntry entry = new DecryptEntry(Map.of("TOPIC_ARN", TOPIC, "SHOP_KEY", key), backend, sent::add,
                () -> SAMPLED, log);
        String message = JSON.createObjectNode().put("shopId", "s1").put("messageId", "m9").put("payload", payload).toString();
        JsonNode result = invoke(entry, snsEvent(message), "req-4");
        assertThat(result.get("forwarded").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(published.get(0)[1]).at("/order/item").asText()).isEqualTo("tea");
        assertThat(sent).hasSize(1);
    }

    @Test
    void updateDbWritesOnceAndAMissingTableIsAFaultySubsegmentAndAFunctionError() throws Exception {
        String order = "{\"shopId\":\"s1\",\"messageId\":\"m5\",\"order\":{\"item\":\"tea\"}}";
        UpdateDbEntry db = new UpdateDbEntry(Map.of("TABLE_NAME", "AMIS-shop"), backend, sent::add, () -> SAMPLED, log);
        assertThat(invoke(db, snsEvent(order), "req-5").get("written").asInt()).isEqualTo(1);
        assertThat(invoke(db, snsEvent(order), "req-6").get("duplicates").asInt()).isEqualTo(1);
        assertThat(table.get("m5")).containsEntry("writtenBy", "req-5");

        sent.clear();
        UpdateDbEntry missing = new UpdateDbEntry(Map.of("TABLE_NAME", "non-existing-AMIS-unittest-shop"), backend,
                sent::add, () -> SAMPLED, log);
        assertThatThrownBy(() -> invoke(missing, proxyEvent(order), "req-7")).isInstanceOf(AwsServiceException.class)
                .hasMessageContaining("Requested resource not found");
        assertThat(sent).singleElement().satisfies(doc -> {
            JsonNode sub = JSON.readTree(doc);
            assertThat(sub.get("name").asText()).isEqualTo("DynamoDB");
            assertThat(sub.get("fault").asBoolean()).isTrue();
            assertThat(sub.at("/aws/table_name").asText()).isEqualTo("non-existing-AMIS-unittest-shop");
            assertThat(sub.at("/http/response/status").asInt()).isEqualTo(400);
        });
    }

    @Test
    void aMissingVariableFailsInitialisation() {
        assertThatThrownBy(() -> new AcceptEntry(Map.of(), backend, sent::add, () -> SAMPLED, log))
                .hasMessageContaining("TOPIC_ARN");
    }

    @Test
    void udpSenderWritesTheDaemonHeaderAndReadsTheDaemonAddress() throws Exception {
        assertThat(UdpSegmentSender.udpAddress("169.254.79.129:2000").getPort()).isEqualTo(2000);
        assertThat(UdpSegmentSender.udpAddress("tcp:127.0.0.1:2001 udp:127.0.0.2:2002").getHostString()).isEqualTo("127.0.0.2");
        assertThat(UdpSegmentSender.udpAddress(null).getPort()).isEqualTo(2000);
        assertThatThrownBy(() -> UdpSegmentSender.udpAddress("nonsense")).isInstanceOf(IllegalArgumentException.class);
        try (DatagramSocket daemon = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             UdpSegmentSender sender = new UdpSegmentSender(new InetSocketAddress("127.0.0.1", daemon.getLocalPort()))) {
            daemon.setSoTimeout(5_000);
            sender.send("{\"id\":\"1\"}");
            DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
            daemon.receive(packet);
            assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"format\": \"json\", \"version\": 1}\n{\"id\":\"1\"}");
        }
    }
}
