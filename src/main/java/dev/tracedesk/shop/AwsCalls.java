package dev.tracedesk.shop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The handlers' AWS clients. Every call is recorded as a subsegment shaped like the X-Ray SDK's AWS SDK v2
 * interceptor makes it (name = service, namespace {@code aws}, {@code aws.operation/region/request_id/retries} plus
 * {@code table_name} or {@code topic_arn}, {@code http.response.status}, and on failure {@code fault} with the
 * exception as a remote cause) when the invocation is traced.
 */
public final class AwsCalls {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ShopBackend backend;
    /** Trace header of the Invocation subsegment (Root, Parent = Invocation id, Sampled); null when not traced. */
    private final String root;
    private final boolean traced;
    private final String region;
    private final List<ObjectNode> recorded = Collections.synchronizedList(new ArrayList<>());

    public AwsCalls(ShopBackend backend, String traceRoot, boolean traced) {
        this(backend, traceRoot, traced, ShopBackend.REGION);
    }

    /** With the region the calls go to (in AWS Lambda: {@code AWS_REGION}), recorded as {@code aws.region}. */
    public AwsCalls(ShopBackend backend, String traceRoot, boolean traced, String region) {
        this.backend = backend;
        this.root = traceRoot;
        this.traced = traced;
        this.region = region == null || region.isBlank() ? ShopBackend.REGION : region;
    }

    /** Subsegments recorded so far (documents without trace_id/parent_id: they nest under Invocation). */
    public List<ObjectNode> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    public String publish(String topicArn, String message) {
        String id = newId();
        String header = root == null ? null : "Root=" + root + ";Parent=" + id + ";Sampled=" + (traced ? "1" : "0");
        ShopBackend.Reply r = call("SNS", "Publish", id, sub -> sub.put("topic_arn", topicArn),
                () -> backend.publish(topicArn, message, header));
        return r.value();
    }

    public void putItem(String table, Map<String, String> item, String conditionKeyAbsent) {
        call("DynamoDB", "PutItem", newId(), sub -> sub.put("table_name", table),
                () -> backend.putItem(table, item, conditionKeyAbsent));
    }

    public Map<String, String> getItem(String table, String keyName, String keyValue) {
        Map<String, String>[] out = new Map[1];
        call("DynamoDB", "GetItem", newId(), sub -> sub.put("table_name", table), () -> {
            out[0] = backend.getItem(table, keyName, keyValue);
            return new ShopBackend.Reply(null, 200, null);
        });
        return out[0];
    }

    private ShopBackend.Reply call(String service, String operation, String id,
                                   java.util.function.Consumer<ObjectNode> resource, Supplier<ShopBackend.Reply> body) {
        double start = now();
        ObjectNode sub = F.objectNode().put("id", id).put("name", service).put("start_time", start).put("namespace", "aws");
        ObjectNode aws = F.objectNode().put("operation", operation).put("region", region).put("retries", 0);
        resource.accept(aws);
        try {
            ShopBackend.Reply r = body.get();
            if (r.requestId() != null) aws.put("request_id", r.requestId());
            sub.set("http", F.objectNode().set("response", F.objectNode().put("status", r.httpStatus())));
            return r;
        } catch (AwsServiceException e) {
            if (e.requestId() != null) aws.put("request_id", e.requestId());
            sub.set("http", F.objectNode().set("response", F.objectNode().put("status", e.statusCode())));
            // The interceptor's addException marks the subsegment faulty; a 4xx status also sets error, 429 throttle.
            sub.put("fault", true);
            if (e.statusCode() >= 400 && e.statusCode() < 500) sub.put("error", true);
            if (e.statusCode() == 429) sub.put("throttle", true);
            ObjectNode ex = F.objectNode().put("id", newId()).put("message", e.getMessage()).put("type", e.errorCode())
                    .put("remote", true);
            ArrayNode exceptions = F.arrayNode().add(ex);
            sub.set("cause", F.objectNode().put("working_directory", System.getProperty("user.dir")).set("exceptions", exceptions));
            throw e;
        } finally {
            sub.set("aws", aws);
            sub.put("end_time", now());
            if (traced) recorded.add(sub);
        }
    }

    static double now() {
        java.time.Instant t = java.time.Instant.now();
        return t.getEpochSecond() + t.getNano() / 1_000L / 1e6;
    }

    public static String newId() {
        return String.format("%016x", RANDOM.nextLong());
    }
}
