package dev.tracedesk.xray;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.xray.segment.DecodeResult;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import dev.tracedesk.xray.trace.Trace;
import dev.tracedesk.xray.trace.TraceAssembler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built, SHOP-SHAPED set of 13 traces (documents as the services would send them), shared by the xray and
 * filter tests. Trace {@code k} starts at {@code T0 + 60 k} seconds, so each trace falls in its own minute. All times
 * below are milliseconds after that start.
 *
 * <pre>
 * k  kind                         root (response time)             notes
 * 0  shop, cold start (accept)    AMIS_api_gateway/prod 200 0.440  Initialization 300 ms; A = 400
 * 1  shop, warm                   api 200 0.100                    A = 60, DynamoDB 40 ms
 * 2  shop, warm                   api 200 0.100                    A = 60, DynamoDB 20 ms
 * 3  shop, slow SNS publish       api 200 0.460                    A = 420 (publish 400 ms), DynamoDB 60 ms
 * 4  shop, warm, streamed         api 200 0.120                    A = 80; update_db sent in progress then complete,
 *                                                                  its store_order/DynamoDB subsegments sent alone
 * 5  shop, partial                api 200 0.100                    A = 60; update_db function still in progress
 * 6  accept rejects (4xx)         api 400 0.050                    error; no SNS publish
 * 7  throttled at the gateway     api 429 0.010                    error + throttle; nothing behind it
 * 8  accept crashes (5xx)         api 502 0.200                    fault; ValueError in the accept function
 * 9  unittest, cold               AMIS_unittest_..._update_db 0.900  DynamoDB ResourceNotFoundException (fault)
 * 10 unittest, warm               unittest Lambda 0.100             same fault
 * 11 load generator, user alice   AMIS_shop_loadgen 0.130           calls the api (traced); chain of k=1 shifted 10 ms
 * 12 load generator, user bob     AMIS_shop_loadgen 0.040           api answers 404 (no Lambda call)
 * </pre>
 *
 * Shop chain (A = 20 + init + publish ms; the async hops make the trace longer than the response):
 * <pre>
 * api            [0, A+40]    subsegment Lambda (Invoke AMIS_shop_accept) [4, A+36]
 * accept svc     [6, A+34]    parent = api's Lambda subsegment
 * accept fn      [8, A+32]    Initialization [8, 8+init] (cold) · Invocation [8+init, A+28] · Overhead [A+28, A+32]
 *                             Invocation: validate_order [10+init, 14+init] (annotations) · SNS Publish [20+init, A]
 * decrypt svc    [A+10, A+110]  parent = accept's SNS subsegment (topic AMIS_shop_accepted)
 * decrypt fn     [A+12, A+108]  Invocation [A+12, A+104]: SNS Publish [A+60, A+90] · Overhead [A+104, A+108]
 * update_db svc  [A+100, A+200] parent = decrypt's SNS subsegment (topic AMIS_shop_decrypted)
 * update_db fn   [A+102, A+198] Invocation [A+102, A+194]: store_order [A+104, A+110] · DynamoDB PutItem
 *                               [A+120, A+120+db] (table AMIS-shop) · Overhead [A+194, A+198]
 * </pre>
 */
public final class ShopTraces {
    public static final long T0 = 1_764_000_000L;
    public static final int COUNT = 13;
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "eu-west-1";
    public static final String API = "AMIS_api_gateway/prod";
    public static final String API_ID = "abc123";
    public static final String API_HOST = "abc123.execute-api.eu-west-1.amazonaws.com";
    public static final String API_URL = "https://" + API_HOST + "/prod/shop";
    public static final String ACCEPT = "AMIS_shop_accept";
    public static final String DECRYPT = "AMIS_shop_decrypt";
    public static final String UPDATE_DB = "AMIS_shop_update_db";
    public static final String UNITTEST = "AMIS_unittest_object_under_test_update_db";
    public static final String LOADGEN = "AMIS_shop_loadgen";
    public static final String TABLE = "AMIS-shop";
    public static final String BAD_TABLE = "non-existing-AMIS-unittest-shop";
    public static final String TOPIC_ACCEPTED = "AMIS_shop_accepted";
    public static final String TOPIC_DECRYPTED = "AMIS_shop_decrypted";
    public static final String INSTANCE = "i-0abc1234def567890";
    public static final String ZONE = "eu-west-1a";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ShopTraces() {}

    /** Trace k's start, epoch seconds. */
    public static long base(int k) {
        return T0 + 60L * k;
    }

    public static String traceId(int k) {
        return String.format("1-%08x-5e0f2a7c9d1b%012x", base(k), k);
    }

    /** Deterministic segment ids: trace k, entity n. */
    public static String id(int k, int n) {
        return String.format("%08x%08x", 0xa000 + k, n);
    }

    /** Documents of trace k as they are sent (JSON text). */
    public static List<String> documents(int k) {
        List<ObjectNode> docs = new ArrayList<>();
        switch (k) {
            case 0 -> shop(docs, k, 0, 300, 80, 40, Mode.NORMAL);
            case 1 -> shop(docs, k, 0, 0, 40, 40, Mode.NORMAL);
            case 2 -> shop(docs, k, 0, 0, 40, 20, Mode.NORMAL);
            case 3 -> shop(docs, k, 0, 0, 400, 60, Mode.NORMAL);
            case 4 -> shop(docs, k, 0, 0, 60, 40, Mode.STREAMED);
            case 5 -> shop(docs, k, 0, 0, 40, 40, Mode.PARTIAL);
            case 6 -> rejected(docs, k);
            case 7 -> throttled(docs, k);
            case 8 -> crashed(docs, k);
            case 9 -> unittest(docs, k, 300, 900);
            case 10 -> unittest(docs, k, 0, 100);
            case 11 -> loadgen(docs, k, "alice", true);
            case 12 -> loadgen(docs, k, "bob", false);
            default -> throw new IllegalArgumentException("no trace " + k);
        }
        List<String> out = new ArrayList<>(docs.size());
        docs.forEach(d -> out.add(d.toString()));
        return out;
    }

    /** Parsed and validated documents of trace k (fails loudly if the fixture itself is invalid). */
    public static List<Segment> segments(int k) {
        List<Segment> out = new ArrayList<>();
        for (String doc : documents(k)) {
            DecodeResult r = SegmentCodec.decode(doc);
            if (!(r instanceof DecodeResult.Valid v)) {
                throw new IllegalStateException("fixture document invalid: " + ((DecodeResult.Invalid) r).message());
            }
            out.add(v.segment());
        }
        return out;
    }

    public static Trace trace(int k) {
        return TraceAssembler.assemble(TraceId.of(traceId(k)), segments(k));
    }

    public static List<Trace> all() {
        List<Trace> out = new ArrayList<>(COUNT);
        for (int k = 0; k < COUNT; k++) {
            out.add(trace(k));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ the shapes

    private enum Mode { NORMAL, STREAMED, PARTIAL }

    /** The full shop chain starting {@code shift} ms after the trace start; returns the api segment. */
    private static ObjectNode shop(List<ObjectNode> docs, int k, int shift, int init, int publish, int db, Mode mode) {
        int a = 20 + init + publish;
        ObjectNode api = apiSegment(k, shift, 0, a + 40, 200);
        ObjectNode invoke = sub(k, 2, "Lambda", shift, 4, a + 36).put("namespace", "aws");
        invoke.set("aws", lambdaInvokeAws(k, ACCEPT));
        status(invoke, 200);
        api.set("subsegments", F.arrayNode().add(invoke));
        docs.add(api);

        ObjectNode acceptSvc = lambdaService(k, 3, ACCEPT, id(k, 2), shift, 6, a + 34, 200);
        docs.add(acceptSvc);
        ObjectNode acceptFn = lambdaFunction(k, 4, ACCEPT, id(k, 3), shift, 8, a + 32);
        ArrayNode acceptSubs = F.arrayNode();
        if (init > 0) {
            acceptSubs.add(sub(k, 5, "Initialization", shift, 8, 8 + init));
        }
        ObjectNode invocation = sub(k, 6, "Invocation", shift, 8 + init, a + 28);
        ObjectNode validate = validateOrder(k, shift, 10 + init, 14 + init);
        ObjectNode publishAccepted = snsPublish(k, 8, shift, 20 + init, a, TOPIC_ACCEPTED);
        invocation.set("subsegments", F.arrayNode().add(validate).add(publishAccepted));
        acceptSubs.add(invocation).add(sub(k, 9, "Overhead", shift, a + 28, a + 32));
        acceptFn.set("subsegments", acceptSubs);
        docs.add(acceptFn);

        docs.add(lambdaService(k, 10, DECRYPT, id(k, 8), shift, a + 10, a + 110, 202));
        ObjectNode decryptFn = lambdaFunction(k, 11, DECRYPT, id(k, 10), shift, a + 12, a + 108);
        ObjectNode decryptInvocation = sub(k, 12, "Invocation", shift, a + 12, a + 104);
        decryptInvocation.set("subsegments",
                F.arrayNode().add(snsPublish(k, 13, shift, a + 60, a + 90, TOPIC_DECRYPTED)));
        decryptFn.set("subsegments",
                F.arrayNode().add(decryptInvocation).add(sub(k, 14, "Overhead", shift, a + 104, a + 108)));
        docs.add(decryptFn);

        docs.add(lambdaService(k, 15, UPDATE_DB, id(k, 13), shift, a + 100, a + 200, 202));
        ObjectNode storeOrder = sub(k, 18, "store_order", shift, a + 104, a + 110);
        storeOrder.set("annotations", F.objectNode().put("order_id", "o-10" + pad(k)).put("items", 3));
        ObjectNode put = sub(k, 19, "DynamoDB", shift, a + 120, a + 120 + db).put("namespace", "aws");
        put.set("aws", F.objectNode().put("operation", "PutItem").put("region", REGION)
                .put("request_id", "RQ" + pad(k) + "PUT").put("table_name", TABLE).put("retries", 0));
        status(put, 200);
        ObjectNode updateFn = lambdaFunction(k, 16, UPDATE_DB, id(k, 15), shift, a + 102, a + 198);
        ObjectNode updateInvocation = sub(k, 17, "Invocation", shift, a + 102, a + 194);
        switch (mode) {
            case NORMAL -> {
                updateInvocation.set("subsegments", F.arrayNode().add(storeOrder).add(put));
                updateFn.set("subsegments",
                        F.arrayNode().add(updateInvocation).add(sub(k, 20, "Overhead", shift, a + 194, a + 198)));
                docs.add(updateFn);
            }
            case STREAMED -> {
                // the in-progress version first, then the two subsegments on their own, then the complete version
                ObjectNode inProgress = updateFn.deepCopy();
                inProgress.remove("end_time");
                inProgress.put("in_progress", true);
                docs.add(inProgress);
                docs.add(independent(k, storeOrder, id(k, 17)));
                docs.add(independent(k, put, id(k, 17)));
                updateFn.set("subsegments",
                        F.arrayNode().add(updateInvocation).add(sub(k, 20, "Overhead", shift, a + 194, a + 198)));
                docs.add(updateFn);
            }
            case PARTIAL -> {
                updateFn.remove("end_time");
                updateFn.put("in_progress", true);
                docs.add(updateFn);
            }
        }
        return api;
    }

    /** k = 6: accept validates the order, finds it wrong and answers 400 through the gateway. */
    private static void rejected(List<ObjectNode> docs, int k) {
        ObjectNode api = apiSegment(k, 0, 0, 50, 400).put("error", true);
        ObjectNode invoke = sub(k, 2, "Lambda", 0, 4, 46).put("namespace", "aws");
        invoke.set("aws", lambdaInvokeAws(k, ACCEPT));
        status(invoke, 200);
        api.set("subsegments", F.arrayNode().add(invoke));
        docs.add(api);
        docs.add(lambdaService(k, 3, ACCEPT, id(k, 2), 0, 6, 44, 200));
        ObjectNode fn = lambdaFunction(k, 4, ACCEPT, id(k, 3), 0, 8, 42);
        ObjectNode invocation = sub(k, 6, "Invocation", 0, 8, 38);
        invocation.set("subsegments", F.arrayNode().add(validateOrder(k, 0, 10, 30)));
        fn.set("subsegments", F.arrayNode().add(invocation).add(sub(k, 9, "Overhead", 0, 38, 42)));
        docs.add(fn);
    }

    /** k = 7: the stage throttles the request before any integration runs. */
    private static void throttled(List<ObjectNode> docs, int k) {
        docs.add(apiSegment(k, 0, 0, 10, 429).put("error", true).put("throttle", true));
    }

    /** k = 8: the accept function raises; Lambda reports a fault; the gateway answers 502. */
    private static void crashed(List<ObjectNode> docs, int k) {
        ObjectNode api = apiSegment(k, 0, 0, 200, 502).put("fault", true);
        ObjectNode invoke = sub(k, 2, "Lambda", 0, 4, 196).put("namespace", "aws").put("fault", true);
        invoke.set("aws", lambdaInvokeAws(k, ACCEPT));
        status(invoke, 200);
        api.set("subsegments", F.arrayNode().add(invoke));
        docs.add(api);
        docs.add(lambdaService(k, 3, ACCEPT, id(k, 2), 0, 6, 194, 200).put("fault", true));
        ObjectNode fn = lambdaFunction(k, 4, ACCEPT, id(k, 3), 0, 8, 192).put("fault", true);
        ObjectNode frame = F.objectNode().put("path", "/var/task/accept.py").put("line", 42).put("label", "handler");
        ObjectNode exception = F.objectNode().put("id", id(k, 90)).put("message", "payload is not valid base64")
                .put("type", "ValueError");
        exception.set("stack", F.arrayNode().add(frame));
        ObjectNode cause = F.objectNode().put("working_directory", "/var/task");
        cause.set("paths", F.arrayNode().add("/var/task/accept.py"));
        cause.set("exceptions", F.arrayNode().add(exception));
        fn.set("cause", cause);
        ObjectNode invocation = sub(k, 6, "Invocation", 0, 8, 188);
        invocation.set("subsegments", F.arrayNode().add(validateOrder(k, 0, 10, 14)));
        fn.set("subsegments", F.arrayNode().add(invocation).add(sub(k, 9, "Overhead", 0, 188, 192)));
        docs.add(fn);
    }

    /**
     * k = 9, 10: the unit-test function, invoked directly (its Lambda service segment is the root), writes to a table
     * that does not exist: DynamoDB answers 400 ResourceNotFoundException, recorded as a fault, and the function
     * fails. Service [0, total], function [2, total-2], Initialization [2, 2+init], Invocation [2+init, total-6]
     * with DynamoDB [10+init, 30+init] (warm) / [610, 650] (cold), Overhead [total-6, total-2].
     */
    private static void unittest(List<ObjectNode> docs, int k, int init, int total) {
        ObjectNode svc = lambdaService(k, 1, UNITTEST, null, 0, 0, total, 200);
        docs.add(svc);
        ObjectNode fn = lambdaFunction(k, 2, UNITTEST, id(k, 1), 0, 2, total - 2).put("fault", true);
        fn.set("cause", F.objectNode().set("exceptions", F.arrayNode().add(F.objectNode().put("id", id(k, 91))
                .put("message", "Requested resource not found").put("type", "ResourceNotFoundException"))));
        ArrayNode subs = F.arrayNode();
        if (init > 0) {
            subs.add(sub(k, 3, "Initialization", 0, 2, 2 + init));
        }
        ObjectNode invocation = sub(k, 4, "Invocation", 0, 2 + init, total - 6);
        int dbStart = init > 0 ? 610 : 10;
        ObjectNode put = sub(k, 5, "DynamoDB", 0, dbStart, dbStart + (init > 0 ? 40 : 20))
                .put("namespace", "aws").put("fault", true);
        put.set("aws", F.objectNode().put("operation", "PutItem").put("region", REGION)
                .put("request_id", "RQ" + pad(k) + "BAD").put("table_name", BAD_TABLE));
        status(put, 400);
        put.set("cause", F.objectNode().set("exceptions", F.arrayNode().add(F.objectNode().put("id", id(k, 92))
                .put("message", "Requested resource not found").put("type", "ResourceNotFoundException")
                .put("remote", true))));
        invocation.set("subsegments", F.arrayNode().add(put));
        subs.add(invocation).add(sub(k, 6, "Overhead", 0, total - 6, total - 2));
        fn.set("subsegments", subs);
        docs.add(fn);
    }

    /**
     * k = 11, 12: the instrumented load generator calls the api over HTTP (traced). Loadgen [0, 130] / [0, 40];
     * its HTTP subsegment [5, 125] / [5, 35]; the api answers 200 through the shop chain shifted by 10 ms (k = 11) or
     * 404 on its own [10, 30] (k = 12).
     */
    private static void loadgen(List<ObjectNode> docs, int k, String user, boolean ok) {
        int end = ok ? 130 : 40;
        ObjectNode seg = segment(k, 100, LOADGEN, 0, end).put("origin", "AWS::EC2::Instance").put("user", user);
        ObjectNode aws = F.objectNode();
        aws.set("ec2", F.objectNode().put("instance_id", INSTANCE).put("availability_zone", ZONE));
        aws.set("xray", F.objectNode().put("sdk", "X-Ray for Java").put("sdk_version", "2.18.2"));
        seg.set("aws", aws);
        seg.set("annotations", F.objectNode().put("run_id", "r-" + k).put("concurrency", 4).put("warmup", false));
        seg.set("service", F.objectNode().put("runtime", "OpenJDK 64-Bit Server VM").put("runtime_version", "17"));
        ObjectNode call = sub(k, 101, API_HOST, 0, 5, ok ? 125 : 35).put("namespace", "remote");
        ObjectNode http = F.objectNode();
        http.set("request", F.objectNode().put("method", "POST").put("url", API_URL).put("traced", true));
        http.set("response", F.objectNode().put("status", ok ? 200 : 404).put("content_length", ok ? 17 : 0));
        call.set("http", http);
        if (!ok) {
            call.put("error", true);
        }
        seg.set("subsegments", F.arrayNode().add(call));
        docs.add(seg);
        if (ok) {
            ObjectNode api = shop(docs, k, 10, 0, 40, 40, Mode.NORMAL);
            api.put("parent_id", id(k, 101));
        } else {
            docs.add(apiSegment(k, 10, 0, 20, 404).put("error", true).put("parent_id", id(k, 101)));
        }
    }

    // ------------------------------------------------------------------------------------------------ pieces

    private static ObjectNode apiSegment(int k, int shift, int start, int end, int status) {
        ObjectNode api = segment(k, 1, API, shift + start, shift + end).put("origin", "AWS::ApiGateway::Stage")
                .put("resource_arn", "arn:aws:apigateway:" + REGION + "::/restapis/" + API_ID + "/stages/prod");
        ObjectNode http = F.objectNode();
        http.set("request", F.objectNode().put("method", "POST").put("url", API_URL)
                .put("user_agent", "tracedesk-loadgen/1.0").put("client_ip", "198.51.100." + (10 + k))
                .put("x_forwarded_for", true));
        http.set("response", F.objectNode().put("status", status).put("content_length", 17));
        api.set("http", http);
        ObjectNode aws = F.objectNode();
        aws.set("api_gateway", F.objectNode().put("account_id", ACCOUNT).put("rest_api_id", API_ID)
                .put("stage", "prod").put("request_id", "req-" + pad(k)));
        aws.set("xray", F.objectNode().put("sampling_rule_name", "Default"));
        api.set("aws", aws);
        api.set("annotations", F.objectNode().put("aws:api_id", API_ID).put("aws:api_stage", "prod"));
        ObjectNode md = F.objectNode();
        md.set("default", F.objectNode().put("extended_request_id", "ext-" + pad(k))
                .put("request_id", "req-" + pad(k)));
        api.set("metadata", md);
        return api;
    }

    private static ObjectNode lambdaService(int k, int n, String fn, String parent, int shift, int start, int end,
                                            int status) {
        ObjectNode s = segment(k, n, fn, shift + start, shift + end).put("origin", "AWS::Lambda")
                .put("resource_arn", functionArn(fn));
        if (parent != null) {
            s.put("parent_id", parent);
        }
        s.set("aws", F.objectNode().put("request_id", "inv-" + fn + "-" + pad(k)));
        ObjectNode http = F.objectNode();
        http.set("response", F.objectNode().put("status", status));
        s.set("http", http);
        return s;
    }

    private static ObjectNode lambdaFunction(int k, int n, String fn, String parent, int shift, int start, int end) {
        ObjectNode s = segment(k, n, fn, shift + start, shift + end).put("origin", "AWS::Lambda::Function")
                .put("parent_id", parent);
        ObjectNode aws = F.objectNode().put("function_arn", functionArn(fn)).put("account_id", ACCOUNT);
        aws.set("resource_names", F.arrayNode().add(fn));
        s.set("aws", aws);
        return s;
    }

    private static ObjectNode validateOrder(int k, int shift, int start, int end) {
        ObjectNode v = sub(k, 7, "validate_order", shift, start, end);
        v.set("annotations", F.objectNode().put("order_id", "o-10" + pad(k)).put("amount", 10.5 + k)
                .put("express", k % 2 == 0));
        v.set("metadata", F.objectNode().set("default", F.objectNode().put("items", 3)));
        return v;
    }

    private static ObjectNode snsPublish(int k, int n, int shift, int start, int end, String topic) {
        ObjectNode s = sub(k, n, "SNS", shift, start, end).put("namespace", "aws");
        s.set("aws", F.objectNode().put("operation", "Publish").put("region", REGION)
                .put("request_id", "sns-" + pad(k) + "-" + n)
                .put("topic_arn", "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + topic));
        status(s, 200);
        return s;
    }

    private static ObjectNode lambdaInvokeAws(int k, String fn) {
        ObjectNode aws = F.objectNode().put("operation", "Invoke").put("function_name", fn).put("region", REGION)
                .put("request_id", "inv-" + fn + "-" + pad(k));
        aws.set("resource_names", F.arrayNode().add(fn));
        return aws;
    }

    private static ObjectNode independent(int k, ObjectNode sub, String parent) {
        ObjectNode d = F.objectNode().put("type", "subsegment").put("trace_id", traceId(k)).put("parent_id", parent);
        d.setAll(sub);
        return d;
    }

    private static void status(ObjectNode entity, int status) {
        ObjectNode http = F.objectNode();
        http.set("response", F.objectNode().put("status", status));
        entity.set("http", http);
    }

    private static ObjectNode segment(int k, int n, String name, int startMs, int endMs) {
        ObjectNode s = F.objectNode().put("name", name).put("id", id(k, n)).put("trace_id", traceId(k));
        s.set("start_time", time(k, startMs));
        s.set("end_time", time(k, endMs));
        return s;
    }

    private static ObjectNode sub(int k, int n, String name, int shift, int startMs, int endMs) {
        ObjectNode s = F.objectNode().put("name", name).put("id", id(k, n));
        s.set("start_time", time(k, shift + startMs));
        s.set("end_time", time(k, shift + endMs));
        return s;
    }

    private static com.fasterxml.jackson.databind.JsonNode time(int k, int ms) {
        return F.numberNode(BigDecimal.valueOf(base(k)).add(BigDecimal.valueOf(ms, 3)));
    }

    public static String functionArn(String fn) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + fn;
    }

    private static String pad(int k) {
        return String.format("%02d", k);
    }
}
