package dev.tracedesk.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.sandbox.Sandbox;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Shop-shaped segment documents (DESIGN.md "The shop stack": API stage → accept → SNS → decrypt → SNS → update_db →
 * DynamoDB, plus the failing unit-test function), as the services would send them, for the screenshots until the
 * real shop stack feeds the sandbox. Deterministic for a seed; latencies vary like a warm service with a few cold
 * starts, and a share of requests is rejected (400), throttled (429) or crashes (502).
 */
final class ShopSampleTraffic {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String API = "AMIS_api_gateway/prod";
    static final String ACCEPT = "AMIS_shop_accept";
    static final String DECRYPT = "AMIS_shop_decrypt";
    static final String UPDATE_DB = "AMIS_shop_update_db";
    static final String UNITTEST = "AMIS_unittest_object_under_test_update_db";
    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = "123456789012";

    private final Random random;
    private int nextId;

    ShopSampleTraffic(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} traces spread over the {@code minutes} before {@code end}, each as its documents. */
    List<List<String>> traces(int count, int minutes, Instant end) {
        List<List<String>> out = new ArrayList<>(count);
        long span = minutes * 60_000L;
        for (int i = 0; i < count; i++) {
            long startMs = end.toEpochMilli() - span + span * i / count + random.nextInt(1000);
            out.add(trace(startMs));
        }
        return out;
    }

    /** Feeds the documents to the sandbox as daemon datagrams and waits until they are indexed. */
    static void feed(Sandbox sandbox, List<List<String>> traces) {
        for (List<String> docs : traces) {
            for (String doc : docs) {
                byte[] datagram = ("{\"format\":\"json\",\"version\":1}\n" + doc).getBytes(StandardCharsets.UTF_8);
                sandbox.receiveDatagram(datagram, 0, datagram.length);
            }
        }
        sandbox.flush(java.time.Duration.ofSeconds(30));
    }

    private List<String> trace(long startMs) {
        String traceId = String.format("1-%08x-%024x", startMs / 1000, random.nextLong() & 0xffffffffffffL);
        List<ObjectNode> docs = new ArrayList<>();
        int roll = random.nextInt(100);
        Ctx c = new Ctx(traceId, startMs);
        if (roll < 8) {
            unittest(c, docs);
        } else if (roll < 12) {
            docs.add(api(c, 0, 8 + random.nextInt(6), 429).put("error", true).put("throttle", true));
        } else if (roll < 17) {
            rejected(c, docs);
        } else if (roll < 21) {
            crashed(c, docs);
        } else {
            shop(c, docs);
        }
        List<String> out = new ArrayList<>(docs.size());
        docs.forEach(d -> out.add(d.toString()));
        return out;
    }

    private record Ctx(String traceId, long startMs) {}

    private void shop(Ctx c, List<ObjectNode> docs) {
        int init = random.nextInt(10) == 0 ? 250 + random.nextInt(200) : 0;
        int publish = 25 + (int) (random.nextDouble() * random.nextDouble() * 300);
        int db = 15 + random.nextInt(40);
        int a = 20 + init + publish;
        ObjectNode api = api(c, 0, a + 40, 200);
        ObjectNode invoke = invoke(c, 4, a + 36, ACCEPT);
        api.set("subsegments", F.arrayNode().add(invoke));
        docs.add(api);
        ObjectNode acceptSvc = lambdaService(c, ACCEPT, invoke.get("id").asText(), 6, a + 34, 200);
        docs.add(acceptSvc);
        ObjectNode acceptFn = lambdaFunction(c, ACCEPT, acceptSvc.get("id").asText(), 8, a + 32);
        ArrayNode subs = F.arrayNode();
        if (init > 0) {
            subs.add(sub(c, "Initialization", 8, 8 + init));
        }
        ObjectNode invocation = sub(c, "Invocation", 8 + init, a + 28);
        ObjectNode publishAccepted = sns(c, 20 + init, a, "AMIS_shop_accepted");
        invocation.set("subsegments", F.arrayNode().add(sub(c, "validate_order", 10 + init, 14 + init))
                .add(publishAccepted));
        subs.add(invocation).add(sub(c, "Overhead", a + 28, a + 32));
        acceptFn.set("subsegments", subs);
        docs.add(acceptFn);

        int d = 60 + random.nextInt(60); // decrypting takes real CPU time
        ObjectNode decryptSvc = lambdaService(c, DECRYPT, publishAccepted.get("id").asText(), a + 10, a + 30 + d, 202);
        docs.add(decryptSvc);
        ObjectNode decryptFn = lambdaFunction(c, DECRYPT, decryptSvc.get("id").asText(), a + 12, a + 28 + d);
        ObjectNode decryptInvocation = sub(c, "Invocation", a + 12, a + 24 + d);
        ObjectNode publishDecrypted = sns(c, a + d - 10, a + d + 15, "AMIS_shop_decrypted");
        decryptInvocation.set("subsegments", F.arrayNode().add(publishDecrypted));
        decryptFn.set("subsegments", F.arrayNode().add(decryptInvocation)
                .add(sub(c, "Overhead", a + 24 + d, a + 28 + d)));
        docs.add(decryptFn);

        int u = a + d + 20;
        ObjectNode updateSvc = lambdaService(c, UPDATE_DB, publishDecrypted.get("id").asText(), u, u + 60 + db, 202);
        docs.add(updateSvc);
        ObjectNode updateFn = lambdaFunction(c, UPDATE_DB, updateSvc.get("id").asText(), u + 2, u + 58 + db);
        ObjectNode updateInvocation = sub(c, "Invocation", u + 2, u + 54 + db);
        ObjectNode put = sub(c, "DynamoDB", u + 20, u + 20 + db).put("namespace", "aws");
        put.set("aws", F.objectNode().put("operation", "PutItem").put("region", REGION).put("table_name",
                "AMIS-shop"));
        status(put, 200);
        updateInvocation.set("subsegments", F.arrayNode().add(sub(c, "store_order", u + 4, u + 10)).add(put));
        updateFn.set("subsegments", F.arrayNode().add(updateInvocation)
                .add(sub(c, "Overhead", u + 54 + db, u + 58 + db)));
        docs.add(updateFn);
    }

    private void rejected(Ctx c, List<ObjectNode> docs) {
        ObjectNode api = api(c, 0, 50, 400).put("error", true);
        ObjectNode invoke = invoke(c, 4, 46, ACCEPT);
        api.set("subsegments", F.arrayNode().add(invoke));
        docs.add(api);
        ObjectNode svc = lambdaService(c, ACCEPT, invoke.get("id").asText(), 6, 44, 200);
        docs.add(svc);
        ObjectNode fn = lambdaFunction(c, ACCEPT, svc.get("id").asText(), 8, 42);
        fn.set("subsegments", F.arrayNode().add(sub(c, "Invocation", 8, 38)).add(sub(c, "Overhead", 38, 42)));
        docs.add(fn);
    }

    private void crashed(Ctx c, List<ObjectNode> docs) {
        ObjectNode api = api(c, 0, 200, 502).put("fault", true);
        ObjectNode invoke = invoke(c, 4, 196, ACCEPT).put("fault", true);
        api.set("subsegments", F.arrayNode().add(invoke));
        docs.add(api);
        ObjectNode svc = lambdaService(c, ACCEPT, invoke.get("id").asText(), 6, 194, 200).put("fault", true);
        docs.add(svc);
        ObjectNode fn = lambdaFunction(c, ACCEPT, svc.get("id").asText(), 8, 192).put("fault", true);
        fn.set("cause", F.objectNode().set("exceptions", F.arrayNode().add(F.objectNode().put("id", id())
                .put("message", "payload is not valid base64").put("type", "ValueError"))));
        fn.set("subsegments", F.arrayNode().add(sub(c, "Invocation", 8, 188)).add(sub(c, "Overhead", 188, 192)));
        docs.add(fn);
    }

    private void unittest(Ctx c, List<ObjectNode> docs) {
        boolean cold = random.nextInt(4) == 0;
        int init = cold ? 300 : 0;
        int total = cold ? 900 : 90 + random.nextInt(30);
        ObjectNode svc = lambdaService(c, UNITTEST, null, 0, total, 200);
        docs.add(svc);
        ObjectNode fn = lambdaFunction(c, UNITTEST, svc.get("id").asText(), 2, total - 2).put("fault", true);
        ObjectNode invocation = sub(c, "Invocation", 2 + init, total - 6);
        int dbStart = cold ? 610 : 10;
        ObjectNode put = sub(c, "DynamoDB", dbStart, dbStart + 20).put("namespace", "aws").put("fault", true);
        put.set("aws", F.objectNode().put("operation", "PutItem").put("region", REGION)
                .put("table_name", "non-existing-AMIS-unittest-shop"));
        status(put, 400);
        invocation.set("subsegments", F.arrayNode().add(put));
        ArrayNode subs = F.arrayNode();
        if (cold) {
            subs.add(sub(c, "Initialization", 2, 2 + init));
        }
        subs.add(invocation).add(sub(c, "Overhead", total - 6, total - 2));
        fn.set("subsegments", subs);
        docs.add(fn);
    }

    private ObjectNode api(Ctx c, int start, int end, int status) {
        ObjectNode api = segment(c, API, start, end).put("origin", "AWS::ApiGateway::Stage")
                .put("resource_arn", "arn:aws:apigateway:" + REGION + "::/restapis/abc123/stages/prod");
        ObjectNode http = F.objectNode();
        http.set("request", F.objectNode().put("method", "POST")
                .put("url", "https://abc123.execute-api." + REGION + ".amazonaws.com/prod/shop"));
        http.set("response", F.objectNode().put("status", status));
        api.set("http", http);
        return api;
    }

    private ObjectNode invoke(Ctx c, int start, int end, String fn) {
        ObjectNode invoke = sub(c, "Lambda", start, end).put("namespace", "aws");
        ObjectNode aws = F.objectNode().put("operation", "Invoke").put("function_name", fn).put("region", REGION);
        aws.set("resource_names", F.arrayNode().add(fn));
        invoke.set("aws", aws);
        status(invoke, 200);
        return invoke;
    }

    private ObjectNode lambdaService(Ctx c, String fn, String parent, int start, int end, int status) {
        ObjectNode s = segment(c, fn, start, end).put("origin", "AWS::Lambda").put("resource_arn", arn(fn));
        if (parent != null) {
            s.put("parent_id", parent);
        }
        status(s, status);
        return s;
    }

    private ObjectNode lambdaFunction(Ctx c, String fn, String parent, int start, int end) {
        ObjectNode s = segment(c, fn, start, end).put("origin", "AWS::Lambda::Function").put("parent_id", parent);
        ObjectNode aws = F.objectNode().put("function_arn", arn(fn)).put("account_id", ACCOUNT);
        aws.set("resource_names", F.arrayNode().add(fn));
        s.set("aws", aws);
        return s;
    }

    private ObjectNode sns(Ctx c, int start, int end, String topic) {
        ObjectNode s = sub(c, "SNS", start, end).put("namespace", "aws");
        s.set("aws", F.objectNode().put("operation", "Publish").put("region", REGION)
                .put("topic_arn", "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + topic));
        status(s, 200);
        return s;
    }

    private static String arn(String fn) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + fn;
    }

    private static void status(ObjectNode entity, int status) {
        ObjectNode http = F.objectNode();
        http.set("response", F.objectNode().put("status", status));
        entity.set("http", http);
    }

    private ObjectNode segment(Ctx c, String name, int startMs, int endMs) {
        ObjectNode s = sub(c, name, startMs, endMs);
        s.put("trace_id", c.traceId());
        return s;
    }

    private ObjectNode sub(Ctx c, String name, int startMs, int endMs) {
        ObjectNode s = F.objectNode().put("name", name).put("id", id());
        s.set("start_time", F.numberNode(BigDecimal.valueOf(c.startMs() + startMs, 3)));
        s.set("end_time", F.numberNode(BigDecimal.valueOf(c.startMs() + endMs, 3)));
        return s;
    }

    private String id() {
        return String.format("%016x", (random.nextLong() & 0xffffffff00000000L) | ++nextId);
    }
}
