package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.sandbox.store.SegmentStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * X-Ray groups (spec §2.7): a named filter expression, persisted, whose filter applies to GetServiceGraph,
 * GetTimeSeriesServiceStatistics and GetTraceSummaries when a request names the group.
 */
public final class Groups {
    static final String TABLE = "groups";
    static final String DEFAULT = "Default";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]{1,32}");
    /** Groups per account besides Default (the AWS quota as recalled in spec §12). */
    static final int MAX_GROUPS = 25;
    private static final int PAGE = 25;

    private final SegmentStore store;
    /** Throws AwsException (InvalidRequestException saying where) for an expression that does not parse. */
    private final Consumer<String> filterCheck;
    private final Map<String, ObjectNode> groups = new LinkedHashMap<>();

    public Groups(SegmentStore store, Consumer<String> filterCheck) {
        this.store = store;
        this.filterCheck = filterCheck;
        store.loadAll(TABLE).forEach((name, json) -> {
            try {
                groups.put(name, (ObjectNode) Json.MAPPER.readTree(json));
            } catch (JsonProcessingException | ClassCastException e) {
                throw new IllegalStateException("corrupt group " + name, e);
            }
        });
    }

    private static ObjectNode defaultGroup() {
        ObjectNode g = Json.object().put("GroupName", DEFAULT)
                .put("GroupARN", "arn:aws:xray:" + AwsIdentity.REGION + ":" + AwsIdentity.ACCOUNT + ":group/Default");
        g.set("InsightsConfiguration", Json.object().put("InsightsEnabled", false).put("NotificationsEnabled", false));
        return g;
    }

    public synchronized ObjectNode create(Request req) {
        String name = req.requiredString("GroupName", 1, 32);
        if (!NAME.matcher(name).matches()) {
            throw Request.validation("groupName", name, "Member must satisfy regular expression pattern: [A-Za-z0-9-]+");
        }
        if (DEFAULT.equals(name) || groups.containsKey(name)) {
            throw AwsException.invalidRequest("Group with name " + name + " already exists");
        }
        if (groups.size() >= MAX_GROUPS) throw AwsException.invalidRequest("You have reached the maximum number of groups (" + MAX_GROUPS + ")");
        String filter = req.optionalString("FilterExpression", 1, 2000);
        if (filter != null) filterCheck.accept(filter);
        SamplingRules.validateTags(req.node("Tags"));
        ObjectNode g = Json.object().put("GroupName", name)
                .put("GroupARN", AwsIdentity.groupArn(name, UUID.randomUUID().toString().replace("-", "").substring(0, 26).toUpperCase()));
        if (filter != null) g.put("FilterExpression", filter);
        g.set("InsightsConfiguration", insights(req.node("InsightsConfiguration"), null));
        save(name, g);
        return wrap(g);
    }

    public synchronized ObjectNode get(Request req) {
        return wrap(find(req));
    }

    public synchronized ObjectNode update(Request req) {
        ObjectNode g = find(req);
        String name = g.get("GroupName").asText();
        if (DEFAULT.equals(name)) throw AwsException.invalidRequest("The Default group cannot be updated");
        ObjectNode updated = g.deepCopy();
        String filter = req.optionalString("FilterExpression", 1, 2000);
        if (filter != null) {
            filterCheck.accept(filter);
            updated.put("FilterExpression", filter);
        }
        if (req.has("InsightsConfiguration")) {
            updated.set("InsightsConfiguration", insights(req.node("InsightsConfiguration"), g.get("InsightsConfiguration")));
        }
        save(name, updated);
        return wrap(updated);
    }

    public synchronized ObjectNode delete(Request req) {
        ObjectNode g = find(req);
        String name = g.get("GroupName").asText();
        if (DEFAULT.equals(name)) throw AwsException.invalidRequest("The Default group cannot be deleted");
        groups.remove(name);
        store.delete(TABLE, name);
        return Json.object();
    }

    public synchronized ObjectNode list(Request req) {
        String token = req.optionalString("NextToken", 1, 100);
        List<ObjectNode> all = new ArrayList<>();
        all.add(defaultGroup());
        groups.values().forEach(g -> all.add(g.deepCopy()));
        int from = 0;
        if (token != null) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw AwsException.invalidRequest("Invalid NextToken");
            }
            if (from < 0 || from > all.size()) throw AwsException.invalidRequest("Invalid NextToken");
        }
        ArrayNode page = Json.array();
        all.subList(from, Math.min(all.size(), from + PAGE)).forEach(page::add);
        ObjectNode out = Json.object();
        out.set("Groups", page);
        if (from + PAGE < all.size()) out.put("NextToken", String.valueOf(from + PAGE));
        return out;
    }

    /** The group a read request names (GroupName or GroupARN); null for none or Default (which filters nothing). */
    public synchronized String groupNameOf(Request req) {
        if (!req.has("GroupName") && !req.has("GroupARN")) return null;
        String name = find(req).get("GroupName").asText();
        return DEFAULT.equals(name) ? null : name;
    }

    /** Name → filter expression ("" for none) of every user group. */
    public synchronized Map<String, String> expressions() {
        Map<String, String> out = new LinkedHashMap<>();
        groups.forEach((n, g) -> out.put(n, g.path("FilterExpression").asText("")));
        return out;
    }

    /** For the filter's {@code group.name = "..."}: the group's expression ("" for one without), null if unknown. */
    public synchronized String expressionByName(String name) {
        if (DEFAULT.equals(name)) return "";
        ObjectNode g = groups.get(name);
        return g == null ? null : g.path("FilterExpression").asText("");
    }

    /** For the filter's {@code group.arn = "..."}. */
    public synchronized String expressionByArn(String arn) {
        if (arn.equals(defaultGroup().get("GroupARN").asText())) return "";
        for (ObjectNode g : groups.values()) {
            if (g.get("GroupARN").asText().equals(arn)) return g.path("FilterExpression").asText("");
        }
        return null;
    }

    private ObjectNode find(Request req) {
        String name = req.optionalString("GroupName", 1, 32);
        String arn = req.optionalString("GroupARN", 1, 400);
        if (name == null && arn == null) throw AwsException.invalidRequest("GroupName or GroupARN is required");
        if (DEFAULT.equals(name) || (arn != null && arn.equals(defaultGroup().get("GroupARN").asText()))) return defaultGroup();
        ObjectNode g = null;
        if (name != null) {
            g = groups.get(name);
            if (g != null && arn != null && !arn.equals(g.get("GroupARN").asText())) g = null;
        } else {
            for (ObjectNode c : groups.values()) if (c.get("GroupARN").asText().equals(arn)) g = c;
        }
        if (g == null) throw AwsException.invalidRequest("Group not found: " + (name != null ? name : arn));
        return g;
    }

    private static ObjectNode insights(JsonNode n, JsonNode previous) {
        boolean enabled = previous != null && previous.path("InsightsEnabled").asBoolean(false);
        boolean notify = previous != null && previous.path("NotificationsEnabled").asBoolean(false);
        if (n != null && !n.isNull()) {
            if (!n.isObject()) throw Request.validation("insightsConfiguration", n, "Member must be a structure");
            Boolean e = Request.booleanOf(n.get("InsightsEnabled"), "insightsConfiguration.insightsEnabled");
            Boolean no = Request.booleanOf(n.get("NotificationsEnabled"), "insightsConfiguration.notificationsEnabled");
            if (e != null) enabled = e;
            if (no != null) notify = no;
        }
        if (notify && !enabled) throw AwsException.invalidRequest("Notifications require InsightsEnabled");
        return Json.object().put("InsightsEnabled", enabled).put("NotificationsEnabled", notify);
    }

    private void save(String name, ObjectNode g) {
        try {
            store.put(TABLE, name, Json.MAPPER.writeValueAsString(g));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        groups.put(name, g);
    }

    private static ObjectNode wrap(ObjectNode g) {
        ObjectNode out = Json.object();
        out.set("Group", g.deepCopy());
        return out;
    }
}
