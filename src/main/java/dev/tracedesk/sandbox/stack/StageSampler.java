package dev.tracedesk.sandbox.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.xray.sampling.Wildcard;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * API Gateway's sampling decision with the sandbox's sampling rules (spec §7.5, §8.2): the first rule by ascending
 * priority whose ServiceName, ServiceType, Host, HTTPMethod, URLPath, ResourceARN and Attributes (request headers) all
 * match (wildcards {@code *} {@code ?}, case-insensitive) decides; its ReservoirSize requests per second are sampled,
 * then FixedRate of the rest. The service is the rule owner here, so the reservoir is the rule's whole budget.
 */
public final class StageSampler {
    public static final String SERVICE_TYPE = "AWS::APIGateway::Stage";

    /** A request as the rules see it. */
    public record Request(String serviceName, String host, String method, String path, String resourceArn,
                          Map<String, String> headers) {}

    public record Decision(boolean sampled, String ruleName) {}

    private final Supplier<List<ObjectNode>> rules;
    private final LongSupplier millis;
    private final Random random;
    private final Map<String, long[]> reservoirs = new HashMap<>();

    public StageSampler(Supplier<List<ObjectNode>> rules, LongSupplier millis, Random random) {
        this.rules = rules;
        this.millis = millis;
        this.random = random;
    }

    public Decision decide(Request req) {
        for (ObjectNode record : rules.get()) {
            JsonNode rule = record.get("SamplingRule");
            if (!matches(rule, req)) continue;
            String name = rule.path("RuleName").asText();
            long reservoir = rule.path("ReservoirSize").asLong(0);
            double rate = rule.path("FixedRate").asDouble(0);
            synchronized (reservoirs) {
                long second = millis.getAsLong() / 1000;
                long[] state = reservoirs.computeIfAbsent(name, k -> new long[] {second, 0});
                if (state[0] != second) {
                    state[0] = second;
                    state[1] = 0;
                }
                if (state[1] < reservoir) {
                    state[1]++;
                    return new Decision(true, name);
                }
                return new Decision(random.nextDouble() < rate, name);
            }
        }
        return new Decision(false, null);
    }

    static boolean matches(JsonNode rule, Request req) {
        if (!wildcard(rule.path("ServiceName").asText("*"), req.serviceName())) return false;
        if (!wildcard(rule.path("ServiceType").asText("*"), SERVICE_TYPE)) return false;
        if (!wildcard(rule.path("Host").asText("*"), req.host())) return false;
        if (!wildcard(rule.path("HTTPMethod").asText("*"), req.method())) return false;
        if (!wildcard(rule.path("URLPath").asText("*"), req.path())) return false;
        if (!wildcard(rule.path("ResourceARN").asText("*"), req.resourceArn())) return false;
        JsonNode attrs = rule.get("Attributes");
        if (attrs != null && attrs.isObject()) {
            Map<String, String> lower = new HashMap<>();
            req.headers().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            var it = attrs.fields();
            while (it.hasNext()) {
                var e = it.next();
                String v = lower.get(e.getKey().toLowerCase(Locale.ROOT));
                if (v == null || !wildcard(e.getValue().asText(), v)) return false;
            }
        }
        return true;
    }

    /** {@code *} any sequence, {@code ?} one character, case-insensitive; a null value matches only {@code *}. */
    public static boolean wildcard(String pattern, String value) {
        return Wildcard.matches(pattern, value);
    }
}
