package dev.tracedesk.sandbox.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.xray.sampling.Wildcard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sandbox's IAM: roles with attached managed policies and inline policies, the AWS managed policies the shop
 * stack uses, and the one evaluation the sandbox enforces (may a role call an action?): an explicit Deny wins, then
 * any Allow whose Action (wildcards {@code *} {@code ?}, case-insensitive) matches. Resources and conditions are
 * not evaluated: the X-Ray write actions are granted on {@code *}.
 */
public final class LocalIam {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String XRAY_WRITE = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess";
    public static final String LAMBDA_BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    /** An AWS managed policy the sandbox knows: ARN, name, path, document. */
    public record ManagedPolicy(String arn, String name, String path, String document) {}

    public static final Map<String, ManagedPolicy> MANAGED = managed();

    private static Map<String, ManagedPolicy> managed() {
        Map<String, ManagedPolicy> m = new LinkedHashMap<>();
        add(m, "AWSXRayDaemonWriteAccess", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "[\"xray:PutTraceSegments\",\"xray:PutTelemetryRecords\",\"xray:GetSamplingRules\",\"xray:GetSamplingTargets\","
                + "\"xray:GetSamplingStatisticSummaries\"],\"Resource\":[\"*\"]}]}");
        add(m, "AWSLambdaBasicExecutionRole", "/service-role/", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"logs:CreateLogGroup\",\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"*\"}]}");
        add(m, "AWSXrayReadOnlyAccess", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "[\"xray:GetSamplingRules\",\"xray:GetSamplingTargets\",\"xray:GetSamplingStatisticSummaries\",\"xray:BatchGetTraces\","
                + "\"xray:BatchGetTraceSummaryById\",\"xray:GetDistinctTraceGraphs\",\"xray:GetServiceGraph\",\"xray:GetTraceGraph\","
                + "\"xray:GetTraceSummaries\",\"xray:GetGroups\",\"xray:GetGroup\",\"xray:ListTagsForResource\",\"xray:ListResourcePolicies\","
                + "\"xray:GetTimeSeriesServiceStatistics\",\"xray:GetInsightSummaries\",\"xray:GetInsight\",\"xray:GetInsightEvents\","
                + "\"xray:GetInsightImpactGraph\"],\"Resource\":[\"*\"]}]}");
        add(m, "AWSXrayFullAccess", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"xray:*\"],"
                + "\"Resource\":[\"*\"]}]}");
        return Map.copyOf(m);
    }

    private static void add(Map<String, ManagedPolicy> m, String name, String path, String doc) {
        String arn = "arn:aws:iam::aws:policy" + path + name;
        m.put(arn, new ManagedPolicy(arn, name, path, doc));
    }

    /** A role; attached and inline sets are guarded by the role itself. */
    public static final class Role {
        public final String name;
        public final String path;
        public final String arn;
        public final String roleId;
        public final Instant created;
        public final String assumeRolePolicy;
        public final String description;
        private final Set<String> attached = new LinkedHashSet<>();
        private final Map<String, String> inline = new LinkedHashMap<>();

        Role(String name, String path, String account, String assumeRolePolicy, String description) {
            this.name = name;
            this.path = path;
            this.arn = "arn:aws:iam::" + account + ":role" + path + name;
            this.roleId = "AROA" + randomId(17);
            this.created = Instant.now();
            this.assumeRolePolicy = assumeRolePolicy;
            this.description = description;
        }

        public synchronized List<String> attached() { return List.copyOf(attached); }

        public synchronized List<String> inlineNames() { return List.copyOf(inline.keySet()); }

        public synchronized Optional<String> inline(String policyName) { return Optional.ofNullable(inline.get(policyName)); }

        synchronized List<String> documents() {
            List<String> docs = new ArrayList<>(inline.values());
            for (String a : attached) {
                ManagedPolicy p = MANAGED.get(a);
                if (p != null) docs.add(p.document());
            }
            return docs;
        }
    }

    /** IAM's errors, with their codes and statuses. */
    public static final class IamError extends RuntimeException {
        public final String code;
        public final int status;

        IamError(String code, int status, String message) {
            super(message, null, false, false);
            this.code = code;
            this.status = status;
        }
    }

    private final String account;
    private final Map<String, Role> roles = new ConcurrentHashMap<>();

    public LocalIam(String account) { this.account = account; }

    public String account() { return account; }

    static String randomId(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        return sb.toString();
    }

    public Role createRole(String name, String path, String assumeRolePolicy, String description) {
        if (name == null || !name.matches("[\\w+=,.@-]{1,64}")) {
            throw new IamError("ValidationError", 400, "Role name must be 1..64 of [A-Za-z0-9+=,.@_-], got " + name);
        }
        validateDocument(assumeRolePolicy);
        Role r = new Role(name, path == null || path.isEmpty() ? "/" : path, account, assumeRolePolicy, description);
        if (roles.putIfAbsent(name, r) != null) {
            throw new IamError("EntityAlreadyExists", 409, "Role with name " + name + " already exists.");
        }
        return r;
    }

    public void deleteRole(String name) {
        if (roles.remove(name) == null) throw noSuchRole(name);
    }

    public Role role(String name) {
        Role r = roles.get(name);
        if (r == null) throw noSuchRole(name);
        return r;
    }

    public List<Role> roles() { return List.copyOf(roles.values()); }

    /** The role an execution-role ARN names ({@code arn:aws:iam::ACCOUNT:role[/path/]NAME}), if it exists. */
    public Optional<Role> roleByArn(String arn) {
        if (arn == null) return Optional.empty();
        int i = arn.lastIndexOf('/');
        String name = i >= 0 ? arn.substring(i + 1) : arn;
        Role r = roles.get(name);
        return r != null && r.arn.equals(arn) ? Optional.of(r) : Optional.empty();
    }

    private static IamError noSuchRole(String name) {
        return new IamError("NoSuchEntity", 404, "The role with name " + name + " cannot be found.");
    }

    public void attach(String roleName, String policyArn) {
        Role r = role(roleName);
        if (!MANAGED.containsKey(policyArn)) {
            throw new IamError("NoSuchEntity", 404, "Policy " + policyArn + " does not exist or is not attachable.");
        }
        synchronized (r) {
            r.attached.add(policyArn);
        }
    }

    public void detach(String roleName, String policyArn) {
        Role r = role(roleName);
        synchronized (r) {
            if (!r.attached.remove(policyArn)) {
                throw new IamError("NoSuchEntity", 404, "Policy " + policyArn + " was not found.");
            }
        }
    }

    public void putInline(String roleName, String policyName, String document) {
        validateDocument(document);
        Role r = role(roleName);
        synchronized (r) {
            r.inline.put(policyName, document);
        }
    }

    public void deleteInline(String roleName, String policyName) {
        Role r = role(roleName);
        synchronized (r) {
            if (r.inline.remove(policyName) == null) {
                throw new IamError("NoSuchEntity", 404, "The role policy with name " + policyName + " cannot be found.");
            }
        }
    }

    /** A policy document must be a JSON object with a Statement; anything else is MalformedPolicyDocument. */
    static void validateDocument(String document) {
        try {
            JsonNode n = JSON.readTree(document == null ? "" : document);
            if (n == null || !n.isObject() || !n.has("Statement")) throw new IllegalArgumentException("no Statement");
        } catch (Exception e) {
            throw new IamError("MalformedPolicyDocument", 400, "Syntax errors in policy: " + e.getMessage());
        }
    }

    /** Does the role whose ARN this is allow {@code action}? Unknown roles allow nothing. */
    public boolean allows(String roleArn, String action) {
        return roleByArn(roleArn).map(r -> allows(r.documents(), action)).orElse(false);
    }

    static boolean allows(List<String> documents, String action) {
        boolean allowed = false;
        for (String doc : documents) {
            JsonNode n;
            try {
                n = JSON.readTree(doc);
            } catch (Exception e) {
                continue;
            }
            JsonNode st = n.path("Statement");
            List<JsonNode> statements = new ArrayList<>();
            if (st.isArray()) st.forEach(statements::add); else if (st.isObject()) statements.add(st);
            for (JsonNode s : statements) {
                boolean matches;
                if (s.has("Action")) matches = anyMatches(s.get("Action"), action);
                else if (s.has("NotAction")) matches = !anyMatches(s.get("NotAction"), action);
                else matches = false;
                if (!matches) continue;
                String effect = s.path("Effect").asText("");
                if ("Deny".equals(effect)) return false;
                if ("Allow".equals(effect)) allowed = true;
            }
        }
        return allowed;
    }

    private static boolean anyMatches(JsonNode actions, String action) {
        if (actions.isTextual()) return Wildcard.matches(actions.asText(), action);
        if (actions.isArray()) for (JsonNode a : actions) if (a.isTextual() && Wildcard.matches(a.asText(), action)) return true;
        return false;
    }
}
