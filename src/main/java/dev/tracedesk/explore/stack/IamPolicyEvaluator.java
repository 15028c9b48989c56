package dev.tracedesk.explore.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.xray.sampling.Wildcard;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a role's identity policies for one action on resource {@code *} (the X-Ray write actions have no
 * resource-level permissions), the way IAM does: an explicit Deny wins, else an Allow allows, else it is not allowed.
 * Supports Action / NotAction and Resource / NotResource with IAM's wildcards ({@code *}, {@code ?}, case-insensitive
 * actions). Statements with a Condition are reported, not evaluated. Permission boundaries, SCPs and session policies
 * are out of reach of a role check and not considered.
 */
public final class IamPolicyEvaluator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCE = "*";

    private IamPolicyEvaluator() {
    }

    /** The decision for {@code action} over all readable policies; unreadable ones are skipped. */
    public static ActionDecision evaluate(String action, List<RolePolicy> policies) {
        List<String> allowedBy = new ArrayList<>();
        List<String> deniedBy = new ArrayList<>();
        List<String> conditional = new ArrayList<>();
        for (RolePolicy policy : policies) {
            if (policy.document().isEmpty()) {
                continue;
            }
            JsonNode document;
            try {
                document = JSON.readTree(policy.document().get());
            } catch (JsonProcessingException e) {
                continue;
            }
            for (JsonNode statement : asList(document == null ? null : document.get("Statement"))) {
                if (!statement.isObject() || !matches(statement, action)) {
                    continue;
                }
                String effect = statement.path("Effect").asText("");
                List<String> target;
                if (statement.has("Condition") && !statement.get("Condition").isEmpty()) {
                    target = conditional;
                } else if ("Deny".equals(effect)) {
                    target = deniedBy;
                } else if ("Allow".equals(effect)) {
                    target = allowedBy;
                } else {
                    continue;
                }
                if (!target.contains(policy.label())) {
                    target.add(policy.label());
                }
            }
        }
        Decision decision = !deniedBy.isEmpty() ? Decision.DENIED
                : !allowedBy.isEmpty() ? Decision.ALLOWED : Decision.NOT_ALLOWED;
        return new ActionDecision(action, decision, allowedBy, deniedBy, conditional);
    }

    private static boolean matches(JsonNode statement, String action) {
        boolean actionMatches;
        if (statement.has("Action")) {
            actionMatches = anyMatches(statement.get("Action"), action);
        } else if (statement.has("NotAction")) {
            actionMatches = !anyMatches(statement.get("NotAction"), action);
        } else {
            return false;
        }
        if (!actionMatches) {
            return false;
        }
        if (statement.has("Resource")) {
            return anyMatches(statement.get("Resource"), RESOURCE);
        }
        if (statement.has("NotResource")) {
            return !anyMatches(statement.get("NotResource"), RESOURCE);
        }
        return true;
    }

    private static boolean anyMatches(JsonNode patterns, String value) {
        for (JsonNode pattern : asList(patterns)) {
            if (pattern.isTextual() && Wildcard.matches(pattern.asText(), value)) {
                return true;
            }
        }
        return false;
    }

    /** IAM allows a single value wherever a list is allowed. */
    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }
}
