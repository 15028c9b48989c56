package dev.tracedesk.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.segment.Http;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Shop-shaped traces for the screenshots, sent to the in-process sandbox like the shop's services send them (until
 * the shop stack's own load generator feeds it): {@code POST /shop} on the API stage → accept (publishes to SNS) →
 * decrypt (publishes again) → update_db (DynamoDB PutItem), with cold starts, a slow publish, a rejected order, a
 * crash, and the unittest function writing to a missing table.
 */
final class ScreenshotTraffic {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";

    /** The segment documents (the trace page's shots use real shop orders instead: {@link ShopScreenshotTrace}). */
    record Traffic(List<String> documents) {
    }

    private final Random random = new Random(42);
    private final List<String> docs = new ArrayList<>();
    private int ids;

    private ScreenshotTraffic() {
    }

    /** {@code count} traces spread over the 10 minutes before {@code end}. */
    static Traffic generate(Instant end, int count) {
        ScreenshotTraffic t = new ScreenshotTraffic();
        for (int k = 0; k < count; k++) {
            double start = end.getEpochSecond() - 600 + k * (590.0 / count) + t.random.nextDouble() * 0.5;
            TraceId id = TraceId.generate(Instant.ofEpochSecond((long) start));
            boolean coldStart = k % 11 == 0;
            if (k % 13 == 7) {
                t.unittest(id, start, coldStart);
            } else {
                int kind = k % 17 == 5 ? 1 : k % 19 == 3 ? 2 : 0;
                t.shop(id, start, coldStart, k % 9 == 4 ? 0.35 : 0.02 + t.random.nextDouble() * 0.04, kind);
            }
        }
        return new Traffic(t.docs);
    }

    private String id() {
        return String.format("%016x", 0x5eed_0000_0000L + ++ids);
    }

    private static String arn(String fn) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + fn;
    }

    /** kind 0 ok, 1 rejected (400), 2 crash (502). */
    private void shop(TraceId trace, double t0, boolean cold, double publish, int kind) {
        double init = cold ? 0.28 + random.nextDouble() * 0.05 : 0;
        double work = 0.01 + init + (kind == 0 ? publish : 0.005);
        int status = kind == 1 ? 400 : kind == 2 ? 502 : 200;
        String apiId = id();
        String invokeId = id();
        Segment.Builder api = entity(apiId, "AMIS_api_gateway/prod", t0, t0 + work + 0.03).traceId(trace.value())
                .origin("AWS::ApiGateway::Stage")
                .resourceArn("arn:aws:apigateway:" + REGION + "::/restapis/abc123/stages/prod")
                .http(Http.of(new Http.Request("POST", "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/shop",
                        "python-requests/2.32", "198.51.100." + (1 + random.nextInt(200)), null, null, null),
                        Http.Response.of(status)))
                .annotation("aws:api_id", new dev.tracedesk.xray.segment.AnnotationValue.Str("abc123"));
        flags(api, status);
        api.subsegment(flags(entity(invokeId, "Lambda", t0 + 0.002, t0 + work + 0.026).namespace("aws")
                .aws(aws("operation", "Invoke", "function_name", "AMIS_shop_accept")), status).build());
        send(api);
        String acceptFn = lambda(trace, "AMIS_shop_accept", invokeId, t0 + 0.004, t0 + work + 0.024, init, status,
                kind == 0 ? publish : 0, "AMIS_shop_accepted", kind == 2);
        if (kind != 0) {
            return;
        }
        double d0 = t0 + work + 0.006;
        String decryptPublish = lambda(trace, "AMIS_shop_decrypt", acceptFn, d0, d0 + 0.09, 0, 200, 0.03,
                "AMIS_shop_decrypted", false);
        double u0 = d0 + 0.08;
        String svc = id();
        send(entity(svc, "AMIS_shop_update_db", u0, u0 + 0.1).traceId(trace.value()).parentId(decryptPublish)
                .origin("AWS::Lambda").resourceArn(arn("AMIS_shop_update_db"))
                .aws(aws("request_id", java.util.UUID.randomUUID().toString())).http(Http.of(null, Http.Response.of(200))));
        Segment.Builder fn = entity(id(), "AMIS_shop_update_db", u0 + 0.002, u0 + 0.098).traceId(trace.value())
                .parentId(svc).origin("AWS::Lambda::Function")
                .aws(aws("function_arn", arn("AMIS_shop_update_db"), "account_id", ACCOUNT));
        double db = 0.015 + random.nextDouble() * 0.03;
        fn.subsegment(entity(id(), "Invocation", u0 + 0.002, u0 + 0.094)
                .subsegment(entity(id(), "store_order", u0 + 0.004, u0 + 0.01)
                        .annotation("order_id", new dev.tracedesk.xray.segment.AnnotationValue.Str("o-" + ids)).build())
                .subsegment(entity(id(), "DynamoDB", u0 + 0.02, u0 + 0.02 + db).namespace("aws")
                        .aws(aws("operation", "PutItem", "table_name", "AMIS-shop", "region", REGION))
                        .http(Http.of(null, Http.Response.of(200))).build())
                .build());
        fn.subsegment(entity(id(), "Overhead", u0 + 0.094, u0 + 0.098).build());
        send(fn);
    }

    /** A Lambda service + function segment pair; returns the id of its SNS publish subsegment (or its function id). */
    private String lambda(TraceId trace, String name, String parent, double s, double e, double init, int status,
            double publish, String topic, boolean crash) {
        String svc = id();
        send(flags(entity(svc, name, s, e).traceId(trace.value()).parentId(parent).origin("AWS::Lambda")
                .resourceArn(arn(name)).aws(aws("request_id", java.util.UUID.randomUUID().toString()))
                .http(Http.of(null, Http.Response.of(status))), status));
        String fnId = id();
        Segment.Builder fn = entity(fnId, name, s + 0.002, e - 0.002).traceId(trace.value()).parentId(svc)
                .origin("AWS::Lambda::Function").aws(aws("function_arn", arn(name), "account_id", ACCOUNT));
        double inv = s + 0.002;
        if (init > 0) {
            fn.subsegment(entity(id(), "Initialization", inv, inv + init).build());
            inv += init;
        }
        Segment.Builder invocation = entity(id(), "Invocation", inv, e - 0.006);
        invocation.subsegment(entity(id(), "validate_order", inv + 0.001, inv + 0.004)
                .annotation("shop_step", new dev.tracedesk.xray.segment.AnnotationValue.Str(name)).build());
        String publishId = id();
        if (publish > 0) {
            invocation.subsegment(entity(publishId, "SNS", inv + 0.005, inv + 0.005 + publish).namespace("aws")
                    .aws(aws("operation", "Publish", "topic_arn", "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + topic))
                    .http(Http.of(null, Http.Response.of(200))).build());
        }
        if (crash) {
            fn.fault(true);
            fn.cause(dev.tracedesk.xray.segment.Cause.of(List.of(new dev.tracedesk.xray.segment.Cause.ExceptionInfo(
                    id(), "Invalid padding bytes.", "ValueError", false, null, null, null,
                    List.of(dev.tracedesk.xray.segment.Cause.StackFrame.of("/var/task/accept.py", 41, "handler"),
                            dev.tracedesk.xray.segment.Cause.StackFrame.of("/var/task/crypto.py", 17, "unpad")),
                    null))));
        }
        fn.subsegment(invocation.build());
        fn.subsegment(entity(id(), "Overhead", e - 0.006, e - 0.002).build());
        send(fn);
        return publish > 0 ? publishId : fnId;
    }

    private void unittest(TraceId trace, double t0, boolean cold) {
        String name = "AMIS_unittest_object_under_test_update_db";
        double init = cold ? 0.3 : 0;
        double end = t0 + init + 0.1;
        String svc = id();
        send(entity(svc, name, t0, end).traceId(trace.value()).origin("AWS::Lambda").resourceArn(arn(name))
                .aws(aws("request_id", java.util.UUID.randomUUID().toString())).http(Http.of(null, Http.Response.of(200))));
        Segment.Builder fn = entity(id(), name, t0 + 0.002, end - 0.002).traceId(trace.value()).parentId(svc)
                .origin("AWS::Lambda::Function").aws(aws("function_arn", arn(name), "account_id", ACCOUNT)).fault(true);
        double inv = t0 + 0.002;
        if (cold) {
            fn.subsegment(entity(id(), "Initialization", inv, inv + init).build());
            inv += init;
        }
        fn.subsegment(entity(id(), "Invocation", inv, end - 0.006)
                .subsegment(entity(id(), "DynamoDB", inv + 0.01, inv + 0.03).namespace("aws").fault(true)
                        .aws(aws("operation", "PutItem", "table_name", "non-existing-AMIS-unittest-shop"))
                        .http(Http.of(null, Http.Response.of(400)))
                        .cause(dev.tracedesk.xray.segment.Cause.of(List.of(dev.tracedesk.xray.segment.Cause.ExceptionInfo
                                .of(id(), "ResourceNotFoundException", "Requested resource not found", true))))
                        .build())
                .build());
        fn.subsegment(entity(id(), "Overhead", end - 0.006, end - 0.002).build());
        send(fn);
    }

    private static Segment.Builder entity(String id, String name, double start, double end) {
        return Segment.builder().id(id).name(name).startTime(Math.round(start * 1e6) / 1e6)
                .endTime(Math.round(end * 1e6) / 1e6);
    }

    private static Segment.Builder flags(Segment.Builder b, int status) {
        if (status >= 500) {
            b.fault(true);
        } else if (status >= 400) {
            b.error(true);
        }
        return b;
    }

    private static ObjectNode aws(String... pairs) {
        ObjectNode o = F.objectNode();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            o.put(pairs[i], pairs[i + 1]);
        }
        return o;
    }

    private void send(Segment.Builder b) {
        docs.add(SegmentCodec.write(b.build()));
    }
}
