package dev.tracedesk.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.segment.AnnotationValue;
import dev.tracedesk.xray.segment.Cause;
import dev.tracedesk.xray.segment.Http;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.trace.Trace;
import dev.tracedesk.xray.trace.TraceAssembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates assembled shop-shaped traces for benchmarks, deterministically from a seed: the api stage → accept →
 * (SNS) → decrypt → (SNS) → update_db → DynamoDB chain with random timings, cold starts, client ips and order
 * annotations; some traces are rejected (400), throttled (429), crash in decrypt (fault) or are unittest traces that
 * write to a missing table.
 */
final class ShopLikeTraces {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String ACCOUNT = "123456789012";
    private static final String URL = "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/shop";

    private final Random random;
    private long counter;

    ShopLikeTraces(long seed) {
        this(seed, 0);
    }

    /** A generator whose traces are numbered from {@code first} (for deterministic parallel chunks). */
    ShopLikeTraces(long seed, long first) {
        this.random = new Random(seed);
        this.counter = first;
    }

    Trace next() {
        long n = counter++;
        long start = 1_764_000_000L + n / 50;
        String traceId = "1-" + Long.toHexString(start) + "-00000000" + id(n * 2654435761L, (int) n);
        List<Segment> docs = new ArrayList<>(10);
        double t0 = start + (n % 50) / 50.0;
        int kind = random.nextInt(100);
        if (kind < 5) unittest(docs, traceId, t0, n);
        else if (kind < 8) api(docs, traceId, t0, n, 0.004 + random.nextDouble() * 0.01, 429, false);
        else if (kind < 14) rejected(docs, traceId, t0, n);
        else shop(docs, traceId, t0, n, kind < 18);
        return TraceAssembler.assemble(TraceId.of(traceId), docs);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** 16 hex digits: 8 for the trace number, 8 for the entity (String.format is too slow for a million traces). */
    private static String id(long n, int k) {
        char[] c = new char[16];
        long v = ((n & 0xffffffffL) << 32) | (k & 0xffffffffL);
        for (int i = 15; i >= 0; i--) {
            c[i] = HEX[(int) (v & 0xf)];
            v >>>= 4;
        }
        return new String(c);
    }

    private static final Http OK_200 = Http.of(null, Http.Response.of(200));
    private static final Http BAD_400 = Http.of(null, Http.Response.of(400));

    private static Http status(int status) {
        return status == 200 ? OK_200 : status == 400 ? BAD_400 : Http.of(null, Http.Response.of(status));
    }

    private Segment.Builder api(List<Segment> docs, String traceId, double t0, long n, double rt, int status,
                                boolean withInvoke) {
        Segment.Builder api = Segment.builder().id(id(n, 1)).name("AMIS_api_gateway/prod").traceId(traceId)
                .origin("AWS::ApiGateway::Stage").startTime(t0).endTime(t0 + rt)
                .resourceArn("arn:aws:apigateway:eu-west-1::/restapis/abc123/stages/prod")
                .http(Http.of(new Http.Request("POST", URL, "tracedesk-loadgen/1.0",
                        "198.51.100." + random.nextInt(250), true, null, null), Http.Response.of(status)))
                .error(status >= 400 && status < 500).throttle(status == 429).fault(status >= 500);
        if (withInvoke) {
            api.subsegment(Segment.builder().id(id(n, 2)).name("Lambda").namespace("aws").startTime(t0 + 0.004)
                    .endTime(t0 + rt - 0.004).aws(invoke("AMIS_shop_accept")).http(status(200)).build());
        } else {
            docs.add(api.build());
        }
        return api;
    }

    private ObjectNode invoke(String fn) {
        ObjectNode aws = F.objectNode().put("operation", "Invoke").put("function_name", fn);
        aws.set("resource_names", F.arrayNode().add(fn));
        return aws;
    }

    private void rejected(List<Segment> docs, String traceId, double t0, long n) {
        double rt = 0.03 + random.nextDouble() * 0.05;
        docs.add(api(docs, traceId, t0, n, rt, 400, true).build());
        lambda(docs, traceId, n, 3, "AMIS_shop_accept", id(n, 2), t0 + 0.006, t0 + rt - 0.006, false, List.of());
    }

    private void shop(List<Segment> docs, String traceId, double t0, long n, boolean decryptFault) {
        double init = random.nextInt(10) == 0 ? 0.2 + random.nextDouble() * 0.2 : 0;
        double publish = 0.02 + random.nextDouble() * (random.nextInt(20) == 0 ? 0.4 : 0.06);
        double a = 0.02 + init + publish;
        docs.add(api(docs, traceId, t0, n, a + 0.04, decryptFault ? 200 : 200, true).build());
        Segment validate = Segment.builder().id(id(n, 7)).name("validate_order").startTime(t0 + 0.010 + init)
                .endTime(t0 + 0.014 + init).annotation("order_id", AnnotationValue.of("o-" + n))
                .annotation("amount", AnnotationValue.of(5 + random.nextInt(200) / 4.0))
                .annotation("express", AnnotationValue.of(random.nextBoolean())).build();
        Segment publishAccepted = sns(n, 8, t0 + 0.02 + init, t0 + a, "AMIS_shop_accepted");
        List<Segment> acceptSubs = new ArrayList<>();
        if (init > 0) acceptSubs.add(sub(n, 5, "Initialization", t0 + 0.008, t0 + 0.008 + init));
        acceptSubs.add(Segment.builder().id(id(n, 6)).name("Invocation").startTime(t0 + 0.008 + init)
                .endTime(t0 + a + 0.028).subsegment(validate).subsegment(publishAccepted).build());
        acceptSubs.add(sub(n, 9, "Overhead", t0 + a + 0.028, t0 + a + 0.032));
        lambda(docs, traceId, n, 3, "AMIS_shop_accept", id(n, 2), t0 + 0.006, t0 + a + 0.034, false, acceptSubs);

        double d0 = t0 + a + 0.010;
        double work = 0.05 + random.nextDouble() * 0.1;
        List<Segment> decryptSubs = List.of(
                Segment.builder().id(id(n, 12)).name("Invocation").startTime(d0 + 0.002).endTime(d0 + work - 0.006)
                        .subsegment(sns(n, 13, d0 + work / 2, d0 + work - 0.01, "AMIS_shop_decrypted")).build(),
                sub(n, 14, "Overhead", d0 + work - 0.006, d0 + work - 0.002));
        lambda(docs, traceId, n, 10, "AMIS_shop_decrypt", id(n, 8), d0, d0 + work, decryptFault, decryptSubs);

        double u0 = d0 + work - 0.01 + 0.01;
        double db = 0.01 + random.nextDouble() * 0.07;
        Segment put = Segment.builder().id(id(n, 19)).name("DynamoDB").namespace("aws").startTime(u0 + 0.02)
                .endTime(u0 + 0.02 + db).aws(F.objectNode().put("operation", "PutItem").put("table_name", "AMIS-shop"))
                .http(status(200)).build();
        List<Segment> updateSubs = List.of(
                Segment.builder().id(id(n, 17)).name("Invocation").startTime(u0 + 0.002).endTime(u0 + db + 0.09)
                        .subsegment(sub(n, 18, "store_order", u0 + 0.004, u0 + 0.01)).subsegment(put).build(),
                sub(n, 20, "Overhead", u0 + db + 0.09, u0 + db + 0.094));
        lambda(docs, traceId, n, 15, "AMIS_shop_update_db", id(n, 13), u0, u0 + db + 0.1, false, updateSubs);
    }

    private void unittest(List<Segment> docs, String traceId, double t0, long n) {
        double init = random.nextBoolean() ? 0.3 : 0;
        double total = 0.1 + init + random.nextDouble() * 0.05;
        Segment put = Segment.builder().id(id(n, 5)).name("DynamoDB").namespace("aws").startTime(t0 + 0.01 + init)
                .endTime(t0 + 0.03 + init).fault(true).http(status(400))
                .aws(F.objectNode().put("operation", "PutItem").put("table_name", "non-existing-AMIS-unittest-shop"))
                .cause(Cause.of(List.of(Cause.ExceptionInfo.of(id(n, 92), "ResourceNotFoundException",
                        "Requested resource not found", true)))).build();
        List<Segment> subs = new ArrayList<>();
        if (init > 0) subs.add(sub(n, 3, "Initialization", t0 + 0.002, t0 + 0.002 + init));
        subs.add(Segment.builder().id(id(n, 4)).name("Invocation").startTime(t0 + 0.002 + init)
                .endTime(t0 + total - 0.006).subsegment(put).build());
        lambda(docs, traceId, n, 1, "AMIS_unittest_object_under_test_update_db", null, t0, t0 + total, true, subs);
    }

    /** Lambda service segment (id k) and function segment (id k+1) with the given subsegments. */
    private void lambda(List<Segment> docs, String traceId, long n, int k, String fn, String parent, double start,
                        double end, boolean fault, List<Segment> subs) {
        String arn = "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:" + fn;
        docs.add(Segment.builder().id(id(n, k)).name(fn).traceId(traceId).parentId(parent).origin("AWS::Lambda")
                .resourceArn(arn).startTime(start).endTime(end).http(status(200)).build());
        docs.add(Segment.builder().id(id(n, k + 1)).name(fn).traceId(traceId).parentId(id(n, k))
                .origin("AWS::Lambda::Function").startTime(start + 0.002).endTime(end - 0.002).fault(fault)
                .aws(F.objectNode().put("function_arn", arn).put("account_id", ACCOUNT)).subsegments(subs).build());
    }

    private Segment sns(long n, int k, double start, double end, String topic) {
        return Segment.builder().id(id(n, k)).name("SNS").namespace("aws").startTime(start).endTime(end)
                .aws(F.objectNode().put("operation", "Publish")
                        .put("topic_arn", "arn:aws:sns:eu-west-1:" + ACCOUNT + ":" + topic))
                .http(status(200)).build();
    }

    private Segment sub(long n, int k, String name, double start, double end) {
        return Segment.builder().id(id(n, k)).name(name).startTime(start).endTime(end).build();
    }
}
