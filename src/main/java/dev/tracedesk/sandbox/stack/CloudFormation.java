package dev.tracedesk.sandbox.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.sandbox.runtime.FunctionConfig;
import dev.tracedesk.sandbox.runtime.LocalLambda;
import dev.tracedesk.sandbox.runtime.TracingMode;
import dev.tracedesk.shop.ShopFunction;
import dev.tracedesk.shop.ShopStackDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's CloudFormation: stacks from JSON templates, created, updated and deleted asynchronously on one worker
 * thread in dependency order, with per-resource events and stack status transitions as AWS reports them, and
 * rollback on failure. Resource types: IAM roles, Lambda functions and permissions, SNS topics and subscriptions,
 * DynamoDB tables, API Gateway REST APIs, resources, methods, deployments and stages. Lambda code is not fetched:
 * the Handler string names one of the shop's handler classes, which are on the class path.
 */
public final class CloudFormation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CloudFormation.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTEGRATION_URI = Pattern.compile(".*/functions/(arn:[^/]+)/invocations$");

    /** A CloudFormation error with its code (ValidationError, AlreadyExistsException, InsufficientCapabilitiesException). */
    public static final class CfnError extends RuntimeException {
        public final String code;

        CfnError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    public record Event(String eventId, String stackId, String stackName, String logicalId, String physicalId,
                        String resourceType, Instant timestamp, String status, String reason) {}

    /** One resource of a stack. */
    public static final class Resource {
        public final String logicalId;
        public final String type;
        volatile String physicalId;
        volatile String status;
        volatile String reason;
        volatile Instant updated = Instant.now();
        volatile JsonNode properties;
        final Map<String, String> attributes = new ConcurrentHashMap<>();

        Resource(String logicalId, String type) {
            this.logicalId = logicalId;
            this.type = type;
        }

        public String physicalId() { return physicalId; }

        public String status() { return status; }

        public String reason() { return reason; }

        public Instant updated() { return updated; }
    }

    public static final class Stack {
        public final String id;
        public final String name;
        public final Instant created = Instant.now();
        volatile Instant updated;
        volatile Instant deleted;
        volatile String status;
        volatile String reason;
        volatile CfnTemplate template;
        volatile String templateBody;
        volatile Map<String, String> parameters = Map.of();
        volatile List<String> capabilities = List.of();
        final Map<String, Resource> resources = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<Event> events = Collections.synchronizedList(new ArrayList<>());
        volatile Map<String, String> outputs = Map.of();

        Stack(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public String status() { return status; }

        public String reason() { return reason; }

        public Instant updated() { return updated; }

        public Instant deleted() { return deleted; }

        public String description() { return template == null ? null : template.description(); }

        public String templateBody() { return templateBody; }

        public List<String> capabilities() { return capabilities; }

        /** Parameters as DescribeStacks shows them (NoEcho values masked). */
        public Map<String, String> shownParameters() {
            Map<String, String> out = new LinkedHashMap<>();
            parameters.forEach((k, v) -> out.put(k, template.parameters().path(k).path("NoEcho").asBoolean(false)
                    || "true".equalsIgnoreCase(template.parameters().path(k).path("NoEcho").asText()) ? "****" : v));
            return out;
        }

        public Map<String, String> outputs() { return outputs; }

        public List<Resource> resources() {
            synchronized (resources) {
                return List.copyOf(resources.values());
            }
        }

        /** Newest first, as DescribeStackEvents lists them. */
        public List<Event> events() {
            synchronized (events) {
                List<Event> out = new ArrayList<>(events);
                Collections.reverse(out);
                return out;
            }
        }

        public boolean settled() { return status != null && !status.endsWith("_IN_PROGRESS"); }

        /** Every stack status change goes through here, so {@link CloudFormation#await} sleeps until one happens. */
        synchronized void status(String value) {
            status = value;
            notifyAll();
        }
    }

    private final LocalIam iam;
    private final LocalLambda lambda;
    private final LocalTopics topics;
    private final LocalTable tables;
    private final LocalApis apis;
    private final String region;
    private final String account;
    private final Map<String, Stack> live = new ConcurrentHashMap<>();
    private final Map<String, Stack> byId = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cloudformation");
        t.setDaemon(true);
        return t;
    });

    public CloudFormation(LocalIam iam, LocalLambda lambda, LocalTopics topics, LocalTable tables, LocalApis apis,
                          String region, String account) {
        this.iam = iam;
        this.lambda = lambda;
        this.topics = topics;
        this.tables = tables;
        this.apis = apis;
        this.region = region;
        this.account = account;
    }

    /** A live stack by name or id, or a deleted one by id (as DescribeStacks finds them). */
    public Stack stack(String nameOrId) {
        Stack s = live.get(nameOrId);
        if (s == null) s = byId.get(nameOrId);
        if (s == null) throw new CfnError("ValidationError", "Stack with id " + nameOrId + " does not exist");
        return s;
    }

    public List<Stack> stacks() { return List.copyOf(live.values()); }

    public List<Stack> allStacks() { return List.copyOf(byId.values()); }

    public String createStack(String name, String templateBody, Map<String, String> params, List<String> capabilities) {
        if (name == null || !name.matches("[a-zA-Z][-a-zA-Z0-9]{0,127}")) {
            throw new CfnError("ValidationError", "1 validation error detected: Value '" + name
                    + "' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*");
        }
        CfnTemplate template = parse(templateBody);
        Map<String, String> values = parameters(template, params, Map.of());
        checkCapabilities(template, capabilities);
        Stack s = new Stack("arn:aws:cloudformation:" + region + ":" + account + ":stack/" + name + "/" + UUID.randomUUID(), name);
        synchronized (live) {
            if (live.containsKey(name)) throw new CfnError("AlreadyExistsException", "Stack [" + name + "] already exists");
            s.status("CREATE_IN_PROGRESS");
            s.template = template;
            s.templateBody = templateBody;
            s.parameters = values;
            s.capabilities = List.copyOf(capabilities);
            live.put(name, s);
            byId.put(s.id, s);
        }
        event(s, name, s.id, "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated");
        worker.execute(() -> create(s));
        return s.id;
    }

    public String updateStack(String nameOrId, String templateBody, boolean usePrevious, Map<String, String> params,
                              List<String> capabilities) {
        Stack s = stack(nameOrId);
        if (s.deleted != null) throw new CfnError("ValidationError", "Stack [" + nameOrId + "] does not exist");
        String body = usePrevious || templateBody == null ? s.templateBody : templateBody;
        CfnTemplate template = parse(body);
        Map<String, String> values = parameters(template, params, s.parameters);
        checkCapabilities(template, capabilities);
        synchronized (s) {
            if (!s.settled() || s.status.startsWith("ROLLBACK") || s.status.equals("CREATE_FAILED")) {
                throw new CfnError("ValidationError", "Stack:" + s.id + " is in " + s.status + " state and can not be updated.");
            }
            if (body.equals(s.templateBody) && values.equals(s.parameters)) {
                throw new CfnError("ValidationError", "No updates are to be performed.");
            }
            s.status("UPDATE_IN_PROGRESS");
        }
        event(s, s.name, s.id, "AWS::CloudFormation::Stack", "UPDATE_IN_PROGRESS", "User Initiated");
        worker.execute(() -> update(s, template, body, values, List.copyOf(capabilities)));
        return s.id;
    }

    public void deleteStack(String nameOrId) {
        Stack s = live.get(nameOrId);
        if (s == null) s = byId.get(nameOrId);
        if (s == null || s.deleted != null) return; // DeleteStack of a stack that does not exist succeeds, as in AWS
        Stack stack = s;
        synchronized (stack) {
            if (stack.status.equals("DELETE_IN_PROGRESS")) return;
            stack.status("DELETE_IN_PROGRESS");
        }
        event(stack, stack.name, stack.id, "AWS::CloudFormation::Stack", "DELETE_IN_PROGRESS", "User Initiated");
        worker.execute(() -> delete(stack));
    }

    /** Waits until the stack is no longer in an _IN_PROGRESS state; returns its status. */
    public String await(String nameOrId, Duration timeout) throws InterruptedException {
        Stack s = stack(nameOrId);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (s) {
            for (long left = timeout.toMillis(); !s.settled() && left > 0;
                 left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                s.wait(left);
            }
            return s.status;
        }
    }

    private static CfnTemplate parse(String body) {
        if (body == null || body.isBlank()) throw new CfnError("ValidationError", "Either Template URL or Template Body must be specified.");
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (Exception e) {
            throw new CfnError("ValidationError", "Template format error: JSON not well-formed. (the sandbox reads JSON templates only)");
        }
        try {
            CfnTemplate t = new CfnTemplate(n);
            t.creationOrder(); // dependency errors fail the call, as AWS's template validation does
            return t;
        } catch (CfnTemplate.TemplateError e) {
            throw new CfnError("ValidationError", e.getMessage());
        }
    }

    private static Map<String, String> parameters(CfnTemplate t, Map<String, String> given, Map<String, String> previous) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String unknown : given.keySet()) {
            if (!t.parameters().has(unknown)) throw new CfnError("ValidationError", "Parameters: [" + unknown + "] do not exist in the template");
        }
        t.parameters().fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode spec = e.getValue();
            String v = given.containsKey(name) ? given.get(name) : previous.containsKey(name) ? previous.get(name)
                    : spec.hasNonNull("Default") ? spec.get("Default").asText() : null;
            if (v == null) {
                missing.add(name);
                return;
            }
            JsonNode allowed = spec.get("AllowedValues");
            if (allowed != null && allowed.isArray()) {
                boolean ok = false;
                for (JsonNode a : allowed) ok |= a.asText().equals(v);
                if (!ok) throw new CfnError("ValidationError", "Parameter '" + name + "' must be one of AllowedValues");
            }
            if (spec.hasNonNull("AllowedPattern") && !v.matches(spec.get("AllowedPattern").asText())) {
                throw new CfnError("ValidationError", "Parameter '" + name + "' must match pattern " + spec.get("AllowedPattern").asText());
            }
            if (spec.hasNonNull("MinLength") && v.length() < spec.get("MinLength").asInt()) {
                throw new CfnError("ValidationError", "Parameter '" + name + "' must contain at least " + spec.get("MinLength").asInt() + " characters");
            }
            if (spec.hasNonNull("MaxLength") && v.length() > spec.get("MaxLength").asInt()) {
                throw new CfnError("ValidationError", "Parameter '" + name + "' must contain at most " + spec.get("MaxLength").asInt() + " characters");
            }
            out.put(name, v);
        });
        if (!missing.isEmpty()) throw new CfnError("ValidationError", "Parameters: " + missing + " must have values");
        return out;
    }

    private static void checkCapabilities(CfnTemplate t, List<String> capabilities) {
        boolean iam = false;
        boolean named = false;
        for (JsonNode r : t.resources.values()) {
            if (r.path("Type").asText().startsWith("AWS::IAM::")) {
                iam = true;
                named |= r.path("Properties").has("RoleName");
            }
        }
        if (named && !capabilities.contains("CAPABILITY_NAMED_IAM")) {
            throw new CfnError("InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_NAMED_IAM]");
        }
        if (iam && !capabilities.contains("CAPABILITY_IAM") && !capabilities.contains("CAPABILITY_NAMED_IAM")) {
            throw new CfnError("InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_IAM]");
        }
    }

    private void event(Stack s, String logicalId, String physicalId, String type, String status, String reason) {
        s.events.add(new Event(UUID.randomUUID().toString(), s.id, s.name, logicalId, physicalId, type, Instant.now(), status, reason));
    }

    private void resourceEvent(Stack s, Resource r, String status, String reason) {
        r.status = status;
        r.reason = reason;
        r.updated = Instant.now();
        event(s, r.logicalId, r.physicalId, r.type, status, reason);
    }

    /** Resolves against the stack being built. */
    private CfnTemplate.Scope scope(Stack s, CfnTemplate t, Map<String, String> params) {
        return new CfnTemplate.Scope() {
            @Override
            public String pseudo(String name) {
                return switch (name) {
                    case "AWS::Region" -> region;
                    case "AWS::AccountId" -> account;
                    case "AWS::StackName" -> s.name;
                    case "AWS::StackId" -> s.id;
                    case "AWS::Partition" -> "aws";
                    case "AWS::URLSuffix" -> "amazonaws.com";
                    default -> null;
                };
            }

            @Override
            public String parameter(String name) { return params.get(name); }

            @Override
            public String ref(String logicalId) {
                Resource r = s.resources.get(logicalId);
                return r == null ? null : r.physicalId;
            }

            @Override
            public String attribute(String logicalId, String attribute) {
                Resource r = s.resources.get(logicalId);
                if (r == null) throw new CfnTemplate.TemplateError("Resource " + logicalId + " is not created");
                String v = r.attributes.get(attribute);
                if (v == null) {
                    throw new CfnTemplate.TemplateError("Template error: resource " + logicalId + " does not support attribute type "
                            + attribute + " in Fn::GetAtt");
                }
                return v;
            }
        };
    }

    private boolean enabled(CfnTemplate t, String logicalId, CfnTemplate.Scope scope) {
        String cond = t.resources.get(logicalId).path("Condition").asText(null);
        return cond == null || t.condition(cond, scope);
    }

    private void create(Stack s) {
        CfnTemplate t = s.template;
        CfnTemplate.Scope scope = scope(s, t, s.parameters);
        List<Resource> created = new ArrayList<>();
        try {
            for (String id : t.creationOrder()) {
                if (!enabled(t, id, scope)) continue;
                Resource r = new Resource(id, t.resources.get(id).get("Type").asText());
                s.resources.put(id, r);
                resourceEvent(s, r, "CREATE_IN_PROGRESS", null);
                try {
                    r.properties = t.resolve(t.resources.get(id).path("Properties"), scope);
                    provision(s, r, r.properties);
                    created.add(r);
                    resourceEvent(s, r, "CREATE_COMPLETE", null);
                } catch (RuntimeException e) {
                    resourceEvent(s, r, "CREATE_FAILED", reason(e));
                    throw new Failed(id, reason(e));
                }
            }
            s.outputs = outputs(t, scope);
            s.status("CREATE_COMPLETE");
            event(s, s.name, s.id, "AWS::CloudFormation::Stack", "CREATE_COMPLETE", null);
        } catch (Failed f) {
            s.status("ROLLBACK_IN_PROGRESS");
            s.reason = "The following resource(s) failed to create: [" + f.logicalId + "]. Rollback requested by user.";
            event(s, s.name, s.id, "AWS::CloudFormation::Stack", "ROLLBACK_IN_PROGRESS", s.reason);
            Collections.reverse(created);
            for (Resource r : created) {
                resourceEvent(s, r, "DELETE_IN_PROGRESS", null);
                try {
                    remove(r);
                    resourceEvent(s, r, "DELETE_COMPLETE", null);
                } catch (RuntimeException e) {
                    resourceEvent(s, r, "DELETE_FAILED", reason(e));
                }
            }
            s.status("ROLLBACK_COMPLETE");
            event(s, s.name, s.id, "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", null);
        } catch (RuntimeException e) {
            LOG.warn("stack {} failed", s.name, e);
            s.status("CREATE_FAILED");
            s.reason = reason(e);
            event(s, s.name, s.id, "AWS::CloudFormation::Stack", "CREATE_FAILED", s.reason);
        }
    }

    private static final class Failed extends RuntimeException {
        final String logicalId;

        Failed(String logicalId, String reason) {
            super(reason, null, false, false);
            this.logicalId = logicalId;
        }
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private Map<String, String> outputs(CfnTemplate t, CfnTemplate.Scope scope) {
        Map<String, String> out = new LinkedHashMap<>();
        t.outputs().fields().forEachRemaining(e -> {
            String cond = e.getValue().path("Condition").asText(null);
            if (cond != null && !t.condition(cond, scope)) return;
            JsonNode v = t.resolve(e.getValue().get("Value"), scope);
            out.put(e.getKey(), v == null ? "" : v.isValueNode() ? v.asText() : v.toString());
        });
        return out;
    }

    private void update(Stack s, CfnTemplate t, String body, Map<String, String> params, List<String> capabilities) {
        CfnTemplate oldTemplate = s.template;
        Map<String, String> oldParams = s.parameters;
        Map<String, JsonNode> before = new LinkedHashMap<>();
        s.resources().forEach(r -> before.put(r.logicalId, r.properties));
        List<Resource> added = new ArrayList<>();
        CfnTemplate.Scope scope = scope(s, t, params);
        try {
            for (String id : t.creationOrder()) {
                Resource existing = s.resources.get(id);
                if (!enabled(t, id, scope)) continue;
                String type = t.resources.get(id).get("Type").asText();
                JsonNode props;
                if (existing == null || !existing.type.equals(type)) {
                    Resource r = new Resource(id, type);
                    if (existing != null) remove(existing);
                    s.resources.put(id, r);
                    resourceEvent(s, r, "CREATE_IN_PROGRESS", null);
                    try {
                        r.properties = t.resolve(t.resources.get(id).path("Properties"), scope);
                        provision(s, r, r.properties);
                        added.add(r);
                        resourceEvent(s, r, "CREATE_COMPLETE", null);
                    } catch (RuntimeException e) {
                        resourceEvent(s, r, "CREATE_FAILED", reason(e));
                        throw new Failed(id, reason(e));
                    }
                    continue;
                }
                try {
                    props = t.resolve(t.resources.get(id).path("Properties"), scope);
                } catch (RuntimeException e) {
                    resourceEvent(s, existing, "UPDATE_FAILED", reason(e));
                    throw new Failed(id, reason(e));
                }
                if (props.equals(existing.properties)) continue;
                resourceEvent(s, existing, "UPDATE_IN_PROGRESS", null);
                try {
                    change(s, existing, props);
                    existing.properties = props;
                    resourceEvent(s, existing, "UPDATE_COMPLETE", null);
                } catch (RuntimeException e) {
                    resourceEvent(s, existing, "UPDATE_FAILED", reason(e));
                    throw new Failed(id, reason(e));
                }
            }
            s.status("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");
            event(s, s.name, s.id, "AWS::CloudFormation::Stack", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null);
            List<Resource> gone = new ArrayList<>();
            for (Resource r : s.resources()) if (!t.resources.containsKey(r.logicalId) || !enabled(t, r.logicalId, scope)) gone.add(r);
            Collections.reverse(gone);
            for (Resource r : gone) {
                resourceEvent(s, r, "DELETE_IN_PROGRESS", null);
                try {
                    remove(r);
                    resourceEvent(s, r, "DELETE_COMPLETE", null);
                } catch (RuntimeException e) {
                    resourceEvent(s, r, "DELETE_FAILED", reason(e));
                }
                s.resources.remove(r.logicalId);
            }
            s.template = t;
            s.templateBody = body;
            s.parameters = params;
            s.capabilities = capabilities;
            s.outputs = outputs(t, scope);
            s.updated = Instant.now();
            s.status("UPDATE_COMPLETE");
            event(s, s.name, s.id, "AWS::CloudFormation::Stack", "UPDATE_COMPLETE", null);
        } catch (RuntimeException e) {
            s.status("UPDATE_ROLLBACK_IN_PROGRESS");
            s.reason = e instanceof Failed f ? "The following resource(s) failed to update: [" + f.logicalId + "]." : reason(e);
            event(s, s.name, s.id, "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_IN_PROGRESS", s.reason);
            Collections.reverse(added);
            for (Resource r : added) {
                try {
                    remove(r);
                    resourceEvent(s, r, "DELETE_COMPLETE", null);
                } catch (RuntimeException ex) {
                    resourceEvent(s, r, "DELETE_FAILED", reason(ex));
                }
                s.resources.remove(r.logicalId);
            }
            for (Resource r : s.resources()) {
                JsonNode old = before.get(r.logicalId);
                if (old != null && !old.equals(r.properties)) {
                    try {
                        change(s, r, old);
                        r.properties = old;
                        resourceEvent(s, r, "UPDATE_COMPLETE", null);
                    } catch (RuntimeException ex) {
                        resourceEvent(s, r, "UPDATE_FAILED", reason(ex));
                    }
                }
            }
            s.template = oldTemplate;
            s.parameters = oldParams;
            s.status("UPDATE_ROLLBACK_COMPLETE");
            event(s, s.name, s.id, "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_COMPLETE", null);
        }
    }

    private void delete(Stack s) {
        List<String> order = new ArrayList<>(s.template.creationOrder());
        Collections.reverse(order);
        boolean failed = false;
        for (String id : order) {
            Resource r = s.resources.get(id);
            if (r == null || r.status != null && r.status.equals("DELETE_COMPLETE")) continue;
            resourceEvent(s, r, "DELETE_IN_PROGRESS", null);
            try {
                remove(r);
                resourceEvent(s, r, "DELETE_COMPLETE", null);
            } catch (RuntimeException e) {
                failed = true;
                resourceEvent(s, r, "DELETE_FAILED", reason(e));
            }
        }
        if (failed) {
            s.status("DELETE_FAILED");
            event(s, s.name, s.id, "AWS::CloudFormation::Stack", "DELETE_FAILED", "The following resource(s) failed to delete.");
            return;
        }
        s.deleted = Instant.now();
        s.status("DELETE_COMPLETE");
        event(s, s.name, s.id, "AWS::CloudFormation::Stack", "DELETE_COMPLETE", null);
        live.remove(s.name, s);
    }

    // ---- resource providers ------------------------------------------------------------------------------------

    private String generatedName(Stack s, Resource r, int max) {
        String n = s.name + "-" + r.logicalId + "-" + LocalIam.randomId(12);
        return n.length() > max ? n.substring(n.length() - max) : n;
    }

    private static String text(JsonNode props, String name) {
        JsonNode n = props.get(name);
        return n == null || n.isNull() ? null : n.isValueNode() ? n.asText() : n.toString();
    }

    private static String required(JsonNode props, String name) {
        String v = text(props, name);
        if (v == null || v.isEmpty()) throw new IllegalArgumentException("Property " + name + " cannot be empty.");
        return v;
    }

    private void provision(Stack s, Resource r, JsonNode p) {
        switch (r.type) {
            case "AWS::IAM::Role" -> {
                String name = text(p, "RoleName");
                if (name == null) name = generatedName(s, r, 64);
                LocalIam.Role role = iam.createRole(name, text(p, "Path"), json(p.get("AssumeRolePolicyDocument")), text(p, "Description"));
                r.physicalId = name;
                r.attributes.put("Arn", role.arn);
                r.attributes.put("RoleId", role.roleId);
                applyRolePolicies(name, p, null);
            }
            case "AWS::Lambda::Function" -> {
                String name = text(p, "FunctionName");
                if (name == null) name = generatedName(s, r, 64);
                if (lambda.exists(name)) throw new IllegalArgumentException("Function already exist: " + name);
                lambda.deploy(functionConfig(name, p), text(p, "Runtime"), text(p, "Handler"));
                r.physicalId = name;
                r.attributes.put("Arn", lambda.arn(name));
            }
            case "AWS::Lambda::Permission" -> {
                String fn = functionName(required(p, "FunctionName"));
                if (!lambda.exists(fn)) throw new IllegalArgumentException("Function not found: " + required(p, "FunctionName"));
                required(p, "Principal");
                r.physicalId = s.name + "-" + r.logicalId + "-" + LocalIam.randomId(12);
            }
            case "AWS::SNS::Topic" -> {
                String name = text(p, "TopicName");
                if (name == null) name = generatedName(s, r, 256);
                String arn = "arn:aws:sns:" + region + ":" + account + ":" + name;
                topics.createTopic(arn);
                r.physicalId = arn;
                r.attributes.put("TopicArn", arn);
                r.attributes.put("TopicName", name);
                subscribe(arn, p.get("Subscription"));
            }
            case "AWS::SNS::Subscription" -> {
                String topic = required(p, "TopicArn");
                if (!topics.exists(topic)) throw new IllegalArgumentException("Topic does not exist: " + topic);
                if (!"lambda".equals(text(p, "Protocol"))) throw new IllegalArgumentException("the sandbox delivers SNS to lambda endpoints only");
                topics.subscribe(topic, functionName(required(p, "Endpoint")));
                r.physicalId = topic + ":" + UUID.randomUUID();
            }
            case "AWS::DynamoDB::Table" -> {
                String name = text(p, "TableName");
                if (name == null) name = generatedName(s, r, 255);
                String hash = null;
                for (JsonNode k : p.path("KeySchema")) if ("HASH".equals(k.path("KeyType").asText())) hash = k.path("AttributeName").asText();
                if (hash == null) throw new IllegalArgumentException("KeySchema must contain a HASH key");
                tables.ensureTable(name, hash);
                r.physicalId = name;
                r.attributes.put("Arn", "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name);
            }
            case "AWS::ApiGateway::RestApi" -> {
                String name = required(p, "Name");
                LocalApis.RestApi api = apis.create(name, text(p, "Description"));
                r.physicalId = api.id;
                r.attributes.put("RestApiId", api.id);
                r.attributes.put("RootResourceId", api.rootResourceId);
            }
            case "AWS::ApiGateway::Resource" -> {
                LocalApis.ApiResource res = apis.createResource(required(p, "RestApiId"), required(p, "ParentId"), required(p, "PathPart"));
                r.physicalId = res.id();
                r.attributes.put("ResourceId", res.id());
            }
            case "AWS::ApiGateway::Method" -> {
                JsonNode integration = p.path("Integration");
                if (!"AWS_PROXY".equals(integration.path("Type").asText())) {
                    throw new IllegalArgumentException("the sandbox serves AWS_PROXY (Lambda proxy) integrations only");
                }
                Matcher m = INTEGRATION_URI.matcher(integration.path("Uri").asText(""));
                if (!m.matches()) throw new IllegalArgumentException("Invalid Lambda function integration URI " + integration.path("Uri").asText(""));
                String fn = functionName(m.group(1));
                if (!lambda.exists(fn)) throw new IllegalArgumentException("Invalid Lambda function " + m.group(1));
                apis.putMethod(required(p, "RestApiId"), required(p, "ResourceId"), required(p, "HttpMethod"), fn);
                r.physicalId = s.name + "-" + r.logicalId + "-" + LocalIam.randomId(12);
            }
            case "AWS::ApiGateway::Deployment" -> {
                JsonNode desc = p.path("StageDescription");
                Boolean tracing = desc.has("TracingEnabled") ? desc.get("TracingEnabled").asBoolean() : null;
                r.physicalId = apis.deploy(required(p, "RestApiId"), text(p, "StageName"), tracing);
                r.attributes.put("DeploymentId", r.physicalId);
            }
            case "AWS::ApiGateway::Stage" -> {
                String stage = required(p, "StageName");
                apis.stage(required(p, "RestApiId"), stage, text(p, "DeploymentId"),
                        p.has("TracingEnabled") ? p.get("TracingEnabled").asBoolean() : Boolean.FALSE);
                r.physicalId = stage;
            }
            default -> throw new IllegalArgumentException("Unrecognized resource types: [" + r.type + "] (the sandbox's CloudFormation"
                    + " builds IAM roles, Lambda functions and permissions, SNS topics, DynamoDB tables and API Gateway REST APIs)");
        }
    }

    /** In-place updates where the sandbox can make them; other types are replaced (new resource, then the old deleted). */
    private void change(Stack s, Resource r, JsonNode p) {
        switch (r.type) {
            case "AWS::IAM::Role" -> applyRolePolicies(r.physicalId, p, r.properties);
            case "AWS::Lambda::Function" -> {
                String name = text(p, "FunctionName");
                if (name != null && !name.equals(r.physicalId)) {
                    replace(s, r, p);
                    return;
                }
                lambda.deploy(functionConfig(r.physicalId, p), text(p, "Runtime"), text(p, "Handler"));
            }
            case "AWS::SNS::Topic" -> {
                String name = text(p, "TopicName");
                if (name != null && !r.physicalId.endsWith(":" + name)) {
                    replace(s, r, p);
                    return;
                }
                topics.deleteTopic(r.physicalId);
                topics.createTopic(r.physicalId);
                subscribe(r.physicalId, p.get("Subscription"));
            }
            case "AWS::ApiGateway::Deployment" -> {
                JsonNode desc = p.path("StageDescription");
                Boolean tracing = desc.has("TracingEnabled") ? desc.get("TracingEnabled").asBoolean() : null;
                String stage = text(p, "StageName");
                if (stage != null) apis.stage(required(p, "RestApiId"), stage, r.physicalId, tracing);
            }
            case "AWS::ApiGateway::Stage" -> apis.stage(required(p, "RestApiId"), required(p, "StageName"), text(p, "DeploymentId"),
                    p.has("TracingEnabled") ? p.get("TracingEnabled").asBoolean() : Boolean.FALSE);
            case "AWS::Lambda::Permission" -> provision(s, r, p);
            default -> replace(s, r, p);
        }
    }

    private void replace(Stack s, Resource r, JsonNode p) {
        Resource old = new Resource(r.logicalId, r.type);
        old.physicalId = r.physicalId;
        old.properties = r.properties;
        r.attributes.clear();
        remove(old);
        provision(s, r, p);
    }

    private void remove(Resource r) {
        if (r.physicalId == null) return;
        switch (r.type) {
            case "AWS::IAM::Role" -> {
                try {
                    iam.deleteRole(r.physicalId);
                } catch (LocalIam.IamError gone) {
                    LOG.debug("role {} already gone", r.physicalId);
                }
            }
            case "AWS::Lambda::Function" -> lambda.undeploy(r.physicalId);
            case "AWS::SNS::Topic" -> topics.deleteTopic(r.physicalId);
            case "AWS::DynamoDB::Table" -> tables.dropTable(r.physicalId);
            case "AWS::ApiGateway::RestApi" -> apis.delete(r.physicalId);
            case "AWS::ApiGateway::Resource" -> apis.deleteResource(text(r.properties, "RestApiId"), r.physicalId);
            case "AWS::ApiGateway::Method" -> apis.deleteMethod(text(r.properties, "RestApiId"), text(r.properties, "ResourceId"),
                    text(r.properties, "HttpMethod"));
            case "AWS::ApiGateway::Deployment" -> apis.deleteDeployment(text(r.properties, "RestApiId"), r.physicalId);
            case "AWS::ApiGateway::Stage" -> apis.deleteStage(text(r.properties, "RestApiId"), r.physicalId);
            default -> { } // permissions, subscriptions: nothing held beyond the resource record
        }
    }

    private void subscribe(String topicArn, JsonNode subscriptions) {
        if (subscriptions == null) return;
        for (JsonNode sub : subscriptions) {
            if (!"lambda".equals(sub.path("Protocol").asText())) {
                throw new IllegalArgumentException("the sandbox delivers SNS to lambda endpoints only, not " + sub.path("Protocol").asText());
            }
            String fn = functionName(sub.path("Endpoint").asText());
            if (!lambda.exists(fn)) throw new IllegalArgumentException("Invalid parameter: Endpoint function " + fn + " does not exist");
            topics.subscribe(topicArn, fn);
        }
    }

    private void applyRolePolicies(String roleName, JsonNode p, JsonNode old) {
        LocalIam.Role role = iam.role(roleName);
        for (String a : role.attached()) iam.detach(roleName, a);
        for (String n : role.inlineNames()) iam.deleteInline(roleName, n);
        for (JsonNode arn : p.path("ManagedPolicyArns")) {
            try {
                iam.attach(roleName, arn.asText());
            } catch (LocalIam.IamError e) {
                throw new IllegalArgumentException("Policy " + arn.asText() + " does not exist or is not attachable.");
            }
        }
        for (JsonNode pol : p.path("Policies")) {
            iam.putInline(roleName, pol.path("PolicyName").asText(), json(pol.get("PolicyDocument")));
        }
    }

    private static String json(JsonNode n) {
        if (n == null || n.isNull()) return null;
        return n.isTextual() ? n.asText() : n.toString();
    }

    /** {@code name}, {@code arn:aws:lambda:r:a:function:name[:qualifier]} or {@code a:function:name} → name. */
    static String functionName(String ref) {
        int i = ref.indexOf("function:");
        if (i < 0) return ref;
        String rest = ref.substring(i + "function:".length());
        int q = rest.indexOf(':');
        return q < 0 ? rest : rest.substring(0, q);
    }

    private FunctionConfig functionConfig(String name, JsonNode p) {
        String handler = required(p, "Handler");
        Class<? extends ShopFunction> cls = ShopStackDefinition.handlerClass(handler).orElseThrow(() -> new IllegalArgumentException(
                "Handler " + handler + " is not one of the shop's entry points " + ShopStackDefinition.HANDLERS.keySet()
                        + " (the sandbox runs those handler classes from the class path and ignores Code)"));
        String roleArn = required(p, "Role");
        if (iam.roleByArn(roleArn).isEmpty()) {
            throw new IllegalArgumentException("The role defined for the function cannot be assumed by Lambda: " + roleArn);
        }
        Map<String, String> env = new LinkedHashMap<>();
        p.path("Environment").path("Variables").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        int memory = p.path("MemorySize").asInt(128);
        int timeout = p.path("Timeout").asInt(3);
        String mode = p.path("TracingConfig").path("Mode").asText("PassThrough");
        return new FunctionConfig(name, cls.getName(), memory, Duration.ofSeconds(timeout), env, roleArn, TracingMode.fromWire(mode));
    }

    public Set<String> liveStackNames() { return Set.copyOf(live.keySet()); }

    @Override
    public void close() { worker.shutdownNow(); }
}
