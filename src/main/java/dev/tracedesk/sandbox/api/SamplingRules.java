package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.sandbox.store.SegmentStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sampling-rule management (spec §2.8): persistent rules, the undeletable {@code Default} rule at priority 10000 whose
 * rate and reservoir alone may change, AWS's field constraints, and a limit on user rules.
 */
public final class SamplingRules {
    static final String TABLE = "sampling_rules";
    public static final String DEFAULT = "Default";
    /** Rules per account besides Default (the AWS quota as recalled in spec §12). */
    static final int MAX_USER_RULES = 25;

    private final SegmentStore store;
    private final Clock clock;
    private final Map<String, ObjectNode> records = new LinkedHashMap<>();

    public SamplingRules(SegmentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        store.loadAll(TABLE).forEach((name, json) -> {
            try {
                records.put(name, (ObjectNode) Json.MAPPER.readTree(json));
            } catch (JsonProcessingException | ClassCastException e) {
                throw new IllegalStateException("corrupt sampling rule " + name, e);
            }
        });
        if (!records.containsKey(DEFAULT)) {
            ObjectNode rule = Json.object()
                    .put("RuleName", DEFAULT).put("RuleARN", AwsIdentity.samplingRuleArn(DEFAULT))
                    .put("ResourceARN", "*").put("Priority", 10000).put("FixedRate", 0.05).put("ReservoirSize", 1)
                    .put("ServiceName", "*").put("ServiceType", "*").put("Host", "*").put("HTTPMethod", "*")
                    .put("URLPath", "*").put("Version", 1);
            rule.set("Attributes", Json.object());
            ObjectNode rec = Json.object();
            rec.set("SamplingRule", rule);
            rec.put("CreatedAt", 0.0).put("ModifiedAt", now());
            save(DEFAULT, rec);
        }
    }

    private double now() { return clock.millis() / 1000.0; }

    /** Records in evaluation order: ascending priority, then name. */
    public synchronized List<ObjectNode> records() {
        List<ObjectNode> out = new ArrayList<>();
        records.values().forEach(r -> out.add(r.deepCopy()));
        out.sort(Comparator.comparingInt((ObjectNode r) -> r.get("SamplingRule").get("Priority").asInt())
                .thenComparing(r -> r.get("SamplingRule").get("RuleName").asText()));
        return out;
    }

    public synchronized ObjectNode rule(String name) {
        ObjectNode r = records.get(name);
        return r == null ? null : (ObjectNode) r.get("SamplingRule").deepCopy();
    }

    /** Latest modification of any rule, epoch seconds (GetSamplingTargets' LastRuleModification). */
    public synchronized double lastModification() {
        return records.values().stream().mapToDouble(r -> r.get("ModifiedAt").asDouble()).max().orElse(0);
    }

    public synchronized ObjectNode create(Request req) {
        ObjectNode in = req.requiredObject("SamplingRule");
        String name = Request.stringOf(in.get("RuleName"), "samplingRule.ruleName", 1, 32);
        if (name == null && in.hasNonNull("RuleARN")) name = nameFromArn(Request.stringOf(in.get("RuleARN"), "samplingRule.ruleARN", 1, 500));
        if (name == null) throw Request.validation("samplingRule.ruleName", null, "Member must not be null");
        if (records.containsKey(name)) {
            throw AwsException.invalidRequest("A sampling rule with name " + name + " already exists");
        }
        if (records.size() - 1 >= MAX_USER_RULES) {
            throw AwsException.ruleLimit("You have reached the maximum number of sampling rules (" + MAX_USER_RULES + ")");
        }
        ObjectNode rule = Json.object();
        rule.put("RuleName", name).put("RuleARN", AwsIdentity.samplingRuleArn(name));
        rule.put("ResourceARN", requiredString(in, "ResourceARN", 500));
        rule.put("Priority", requiredInt(in, "Priority", 1, 9999));
        rule.put("FixedRate", requiredRate(in));
        rule.put("ReservoirSize", requiredInt(in, "ReservoirSize", 0, Integer.MAX_VALUE));
        rule.put("ServiceName", requiredString(in, "ServiceName", 64));
        rule.put("ServiceType", requiredString(in, "ServiceType", 64));
        rule.put("Host", requiredString(in, "Host", 64));
        rule.put("HTTPMethod", requiredString(in, "HTTPMethod", 10));
        rule.put("URLPath", requiredString(in, "URLPath", 128));
        rule.put("Version", requiredInt(in, "Version", 1, Integer.MAX_VALUE));
        rule.set("Attributes", attributes(in.get("Attributes")));
        if (in.hasNonNull("SamplingRateBoost")) rule.set("SamplingRateBoost", boost(in.get("SamplingRateBoost")));
        validateTags(req.node("Tags"));
        ObjectNode rec = Json.object();
        rec.set("SamplingRule", rule);
        double t = now();
        rec.put("CreatedAt", t).put("ModifiedAt", t);
        save(name, rec);
        return rec.deepCopy();
    }

    public synchronized ObjectNode update(Request req) {
        ObjectNode in = req.requiredObject("SamplingRuleUpdate");
        ObjectNode rec = find(in, "samplingRuleUpdate");
        ObjectNode rule = (ObjectNode) rec.get("SamplingRule").deepCopy();
        boolean isDefault = DEFAULT.equals(rule.get("RuleName").asText());
        Iterator<String> fields = in.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (in.get(f).isNull() || f.equals("RuleName") || f.equals("RuleARN")) continue;
            if (isDefault && !f.equals("FixedRate") && !f.equals("ReservoirSize")) {
                throw AwsException.invalidRequest("Only FixedRate and ReservoirSize can be changed on the Default rule, not " + f);
            }
            switch (f) {
                case "ResourceARN" -> rule.put(f, requiredString(in, f, 500));
                case "Priority" -> rule.put(f, requiredInt(in, f, 1, 9999));
                case "FixedRate" -> rule.put(f, requiredRate(in));
                case "ReservoirSize" -> rule.put(f, requiredInt(in, f, 0, Integer.MAX_VALUE));
                case "ServiceName", "ServiceType", "Host" -> rule.put(f, requiredString(in, f, 64));
                case "HTTPMethod" -> rule.put(f, requiredString(in, f, 10));
                case "URLPath" -> rule.put(f, requiredString(in, f, 128));
                case "Attributes" -> rule.set(f, attributes(in.get(f)));
                case "SamplingRateBoost" -> rule.set(f, boost(in.get(f)));
                default -> throw AwsException.invalidRequest("Unknown member of SamplingRuleUpdate: " + f);
            }
        }
        ObjectNode updated = Json.object();
        updated.set("SamplingRule", rule);
        updated.put("CreatedAt", rec.get("CreatedAt").asDouble()).put("ModifiedAt", now());
        save(rule.get("RuleName").asText(), updated);
        return updated.deepCopy();
    }

    public synchronized ObjectNode delete(Request req) {
        ObjectNode rec = find(req.body(), "");
        String name = rec.get("SamplingRule").get("RuleName").asText();
        if (DEFAULT.equals(name)) throw AwsException.invalidRequest("The Default sampling rule cannot be deleted");
        records.remove(name);
        store.delete(TABLE, name);
        return rec.deepCopy();
    }

    private ObjectNode find(JsonNode in, String prefix) {
        String p = prefix.isEmpty() ? "" : prefix + ".";
        String name = Request.stringOf(in.get("RuleName"), p + "ruleName", 1, 32);
        String arn = Request.stringOf(in.get("RuleARN"), p + "ruleARN", 1, 500);
        if (name != null && arn != null) throw AwsException.invalidRequest("Specify either RuleName or RuleARN, not both");
        if (name == null && arn == null) throw AwsException.invalidRequest("RuleName or RuleARN is required");
        if (name == null) name = nameFromArn(arn);
        ObjectNode rec = records.get(name);
        if (rec == null || (arn != null && !arn.equals(rec.get("SamplingRule").get("RuleARN").asText()))) {
            throw AwsException.invalidRequest("Sampling rule does not exist: " + (arn != null ? arn : name));
        }
        return rec;
    }

    private static String nameFromArn(String arn) {
        int i = arn.lastIndexOf(":sampling-rule/");
        if (i < 0) throw AwsException.invalidRequest("Not a sampling rule ARN: " + arn);
        return arn.substring(i + ":sampling-rule/".length());
    }

    private void save(String name, ObjectNode rec) {
        try {
            store.put(TABLE, name, Json.MAPPER.writeValueAsString(rec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        records.put(name, rec);
    }

    private static String requiredString(JsonNode in, String f, int max) {
        String s = Request.stringOf(in.get(f), "samplingRule." + lower(f), 0, max);
        if (s == null) throw Request.validation("samplingRule." + lower(f), null, "Member must not be null");
        return s;
    }

    private static int requiredInt(JsonNode in, String f, long min, long max) {
        Integer v = Request.intOf(in.get(f), "samplingRule." + lower(f), min, max);
        if (v == null) throw Request.validation("samplingRule." + lower(f), null, "Member must not be null");
        return v;
    }

    private static double requiredRate(JsonNode in) {
        Double v = Request.doubleOf(in.get("FixedRate"), "samplingRule.fixedRate", 0, 1);
        if (v == null) throw Request.validation("samplingRule.fixedRate", null, "Member must not be null");
        return v;
    }

    private static ObjectNode attributes(JsonNode n) {
        ObjectNode out = Json.object();
        if (n == null || n.isNull()) return out;
        if (!n.isObject()) throw Request.validation("samplingRule.attributes", n, "Member must be a map");
        if (n.size() > 5) throw Request.validation("samplingRule.attributes", n.size() + " entries", "Map must have at most 5 entries");
        n.fields().forEachRemaining(e -> {
            if (e.getKey().isEmpty() || e.getKey().length() > 32) {
                throw Request.validation("samplingRule.attributes", e.getKey(), "Map keys must have length between 1 and 32");
            }
            out.put(e.getKey(), Request.stringOf(e.getValue(), "samplingRule.attributes." + e.getKey(), 1, 32));
        });
        return out;
    }

    private static ObjectNode boost(JsonNode n) {
        if (!n.isObject()) throw Request.validation("samplingRule.samplingRateBoost", n, "Member must be a structure");
        Double max = Request.doubleOf(n.get("MaxRate"), "samplingRateBoost.maxRate", 0, 1);
        Integer cool = Request.intOf(n.get("CooldownWindowMinutes"), "samplingRateBoost.cooldownWindowMinutes", 0, Integer.MAX_VALUE);
        if (max == null || cool == null) throw Request.validation("samplingRateBoost", null, "MaxRate and CooldownWindowMinutes are required");
        return Json.object().put("MaxRate", max).put("CooldownWindowMinutes", cool);
    }

    static void validateTags(JsonNode tags) {
        if (tags == null || tags.isNull()) return;
        if (!tags.isArray()) throw Request.validation("tags", tags, "Member must be a list");
        if (tags.size() > 200) throw Request.validation("tags", tags.size(), "Member must have length less than or equal to 200");
        for (JsonNode t : tags) {
            if (!t.isObject()) throw Request.validation("tags", t, "Member must be a structure");
            if (Request.stringOf(t.get("Key"), "tag.key", 1, 128) == null || Request.stringOf(t.get("Value"), "tag.value", 0, 256) == null) {
                throw Request.validation("tags", t, "Key and Value are required");
            }
        }
    }

    private static String lower(String f) {
        return f.equals("HTTPMethod") ? "hTTPMethod" : f.equals("URLPath") ? "uRLPath"
                : Character.toLowerCase(f.charAt(0)) + f.substring(1);
    }
}
