package dev.tracedesk.sandbox.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed CloudFormation template and its intrinsic functions: Ref (parameters, resources, pseudo parameters),
 * Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Conditions with Fn::Equals/Not/And/Or and Fn::If,
 * AWS::NoValue. Also the resources' dependencies (references and DependsOn) in creation order.
 */
final class CfnTemplate {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}!][^}]*)}");
    static final Object NO_VALUE = new Object();

    /** A template error: CloudFormation's ValidationError. */
    static final class TemplateError extends RuntimeException {
        TemplateError(String message) { super(message, null, false, false); }
    }

    /** What references resolve against while a stack is built. */
    interface Scope {
        String pseudo(String name);

        String parameter(String name);

        /** Ref of a resource: its physical id, or null when it does not exist (yet). */
        String ref(String logicalId);

        /** An attribute of a created resource; throws when the resource has no such attribute. */
        String attribute(String logicalId, String attribute);
    }

    final JsonNode root;
    final Map<String, JsonNode> resources = new LinkedHashMap<>();

    CfnTemplate(JsonNode root) {
        if (root == null || !root.isObject()) throw new TemplateError("Template format error: the template must be a JSON object");
        this.root = root;
        JsonNode res = root.get("Resources");
        if (res == null || !res.isObject() || res.size() == 0) {
            throw new TemplateError("Template format error: At least one Resources member must be defined.");
        }
        res.fields().forEachRemaining(e -> {
            if (!e.getValue().isObject() || !e.getValue().path("Type").isTextual()) {
                throw new TemplateError("Template format error: [/Resources/" + e.getKey() + "] Every Resources object must contain a Type member.");
            }
            resources.put(e.getKey(), e.getValue());
        });
    }

    JsonNode parameters() { return root.path("Parameters"); }

    JsonNode outputs() { return root.path("Outputs"); }

    String description() { return root.path("Description").asText(null); }

    /** Evaluates a named condition (Conditions block). */
    boolean condition(String name, Scope scope) {
        JsonNode c = root.path("Conditions").get(name);
        if (c == null) throw new TemplateError("Template format error: Unresolved condition " + name);
        return truth(c, scope);
    }

    private boolean truth(JsonNode n, Scope scope) {
        if (n.isBoolean()) return n.booleanValue();
        if (n.isTextual()) return Boolean.parseBoolean(n.asText());
        if (n.isObject() && n.size() == 1) {
            String fn = n.fieldNames().next();
            JsonNode arg = n.get(fn);
            switch (fn) {
                case "Fn::Equals" -> {
                    if (!arg.isArray() || arg.size() != 2) throw new TemplateError("Fn::Equals takes two values");
                    return String.valueOf(asText(resolve(arg.get(0), scope))).equals(String.valueOf(asText(resolve(arg.get(1), scope))));
                }
                case "Fn::Not" -> { return !truth(arg.get(0), scope); }
                case "Fn::And" -> {
                    for (JsonNode a : arg) if (!truth(a, scope)) return false;
                    return true;
                }
                case "Fn::Or" -> {
                    for (JsonNode a : arg) if (truth(a, scope)) return true;
                    return false;
                }
                case "Condition" -> { return condition(arg.asText(), scope); }
                default -> { }
            }
        }
        throw new TemplateError("Template format error: unsupported condition " + n);
    }

    private static String asText(JsonNode n) {
        return n == null ? null : n.isValueNode() ? n.asText() : n.toString();
    }

    /** Resolves every intrinsic in {@code n}; {@link #NO_VALUE} members are dropped. */
    JsonNode resolve(JsonNode n, Scope scope) {
        if (n == null) return null;
        if (n.isArray()) {
            ArrayNode out = F.arrayNode();
            for (JsonNode e : n) {
                JsonNode r = resolve(e, scope);
                if (r != null) out.add(r);
            }
            return out;
        }
        if (!n.isObject()) return n;
        if (n.size() == 1) {
            String key = n.fieldNames().next();
            JsonNode arg = n.get(key);
            switch (key) {
                case "Ref" -> {
                    return ref(arg.asText(), scope);
                }
                case "Fn::GetAtt" -> {
                    String[] p = getAtt(arg);
                    return F.textNode(scope.attribute(p[0], p[1]));
                }
                case "Fn::Sub" -> {
                    return F.textNode(sub(arg, scope));
                }
                case "Fn::Join" -> {
                    if (!arg.isArray() || arg.size() != 2) throw new TemplateError("Fn::Join takes [delimiter, [values]]");
                    JsonNode list = resolve(arg.get(1), scope);
                    List<String> parts = new ArrayList<>();
                    for (JsonNode e : list) parts.add(asText(e));
                    return F.textNode(String.join(arg.get(0).asText(), parts));
                }
                case "Fn::Select" -> {
                    JsonNode list = resolve(arg.get(1), scope);
                    int i = Integer.parseInt(asText(resolve(arg.get(0), scope)));
                    if (i < 0 || i >= list.size()) throw new TemplateError("Fn::Select index " + i + " out of bounds");
                    return list.get(i);
                }
                case "Fn::Split" -> {
                    ArrayNode out = F.arrayNode();
                    String s = asText(resolve(arg.get(1), scope));
                    for (String part : s.split(Pattern.quote(arg.get(0).asText()), -1)) out.add(part);
                    return out;
                }
                case "Fn::If" -> {
                    if (!arg.isArray() || arg.size() != 3) throw new TemplateError("Fn::If takes [condition, then, else]");
                    return resolve(condition(arg.get(0).asText(), scope) ? arg.get(1) : arg.get(2), scope);
                }
                default -> { }
            }
        }
        ObjectNode out = F.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode r = resolve(e.getValue(), scope);
            if (r != null) out.set(e.getKey(), r);
        }
        return out;
    }

    private JsonNode ref(String name, Scope scope) {
        if ("AWS::NoValue".equals(name)) return null;
        if (name.startsWith("AWS::")) {
            String v = scope.pseudo(name);
            if (v == null) throw new TemplateError("Template format error: Unrecognized pseudo parameter " + name);
            return F.textNode(v);
        }
        if (parameters().has(name)) return F.textNode(scope.parameter(name));
        if (resources.containsKey(name)) {
            String v = scope.ref(name);
            if (v == null) throw new TemplateError("Resource " + name + " is not created");
            return F.textNode(v);
        }
        throw new TemplateError("Template format error: Unresolved resource dependencies [" + name + "] in the Resources block of the template");
    }

    private static String[] getAtt(JsonNode arg) {
        if (arg.isArray() && arg.size() == 2) return new String[] {arg.get(0).asText(), arg.get(1).asText()};
        if (arg.isTextual() && arg.asText().contains(".")) return arg.asText().split("\\.", 2);
        throw new TemplateError("Template error: Fn::GetAtt takes [logicalId, attribute]");
    }

    private String sub(JsonNode arg, Scope scope) {
        String text;
        Map<String, String> vars = new LinkedHashMap<>();
        if (arg.isTextual()) {
            text = arg.asText();
        } else if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual()) {
            text = arg.get(0).asText();
            arg.get(1).fields().forEachRemaining(e -> vars.put(e.getKey(), asText(resolve(e.getValue(), scope))));
        } else {
            throw new TemplateError("Template error: Fn::Sub takes a string or [string, {variables}]");
        }
        Matcher m = SUB_VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String var = m.group(1).trim();
            String value;
            if (vars.containsKey(var)) value = vars.get(var);
            else if (var.contains(".") && !var.startsWith("AWS::")) {
                String[] p = var.split("\\.", 2);
                value = scope.attribute(p[0], p[1]);
            } else value = asText(ref(var, scope));
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString().replace("${!", "${");
    }

    /** The logical ids a resource refers to (Ref, GetAtt, Sub variables) plus its DependsOn. */
    Set<String> dependencies(String logicalId) {
        JsonNode r = resources.get(logicalId);
        Set<String> out = new LinkedHashSet<>();
        JsonNode dependsOn = r.get("DependsOn");
        if (dependsOn != null) {
            if (dependsOn.isTextual()) out.add(dependsOn.asText()); else dependsOn.forEach(d -> out.add(d.asText()));
        }
        collect(r.get("Properties"), out);
        for (String d : out) {
            if (!resources.containsKey(d)) {
                throw new TemplateError("Template format error: Unresolved resource dependencies [" + d + "] in the Resources block of the template");
            }
        }
        return out;
    }

    private void collect(JsonNode n, Set<String> out) {
        if (n == null) return;
        if (n.isArray()) {
            n.forEach(e -> collect(e, out));
            return;
        }
        if (!n.isObject()) return;
        if (n.size() == 1) {
            String key = n.fieldNames().next();
            JsonNode arg = n.get(key);
            if ("Ref".equals(key) && arg.isTextual()) {
                String name = arg.asText();
                if (!name.startsWith("AWS::") && !parameters().has(name)) out.add(name);
                return;
            }
            if ("Fn::GetAtt".equals(key)) {
                out.add(getAtt(arg)[0]);
                return;
            }
            if ("Fn::Sub".equals(key)) {
                String text = arg.isTextual() ? arg.asText() : arg.path(0).asText();
                Set<String> local = new LinkedHashSet<>();
                if (arg.isArray() && arg.size() == 2) {
                    arg.get(1).fieldNames().forEachRemaining(local::add);
                    collect(arg.get(1), out);
                }
                Matcher m = SUB_VAR.matcher(text);
                while (m.find()) {
                    String var = m.group(1).trim();
                    String id = var.contains(".") ? var.substring(0, var.indexOf('.')) : var;
                    if (!local.contains(var) && !var.startsWith("AWS::") && !parameters().has(id)) out.add(id);
                }
                return;
            }
        }
        n.forEach(e -> collect(e, out));
    }

    /** Resources in an order where each comes after everything it depends on; a cycle is a template error. */
    List<String> creationOrder() {
        List<String> order = new ArrayList<>();
        Map<String, Integer> state = new LinkedHashMap<>();
        for (String id : resources.keySet()) visit(id, state, order, new ArrayList<>());
        return order;
    }

    private void visit(String id, Map<String, Integer> state, List<String> order, List<String> path) {
        Integer s = state.get(id);
        if (s != null && s == 2) return;
        if (s != null && s == 1) {
            path.add(id);
            throw new TemplateError("Circular dependency between resources: " + path.subList(path.indexOf(id), path.size()));
        }
        state.put(id, 1);
        path.add(id);
        for (String d : dependencies(id)) visit(d, state, order, path);
        path.remove(path.size() - 1);
        state.put(id, 2);
        order.add(id);
    }
}
