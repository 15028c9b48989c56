package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.sandbox.runtime.FunctionConfig;
import dev.tracedesk.sandbox.runtime.InvokeResult;
import dev.tracedesk.sandbox.runtime.LocalLambda;
import dev.tracedesk.sandbox.runtime.TracingMode;
import dev.tracedesk.sandbox.stack.LocalCloud;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's control and invoke API on the sandbox port (rest-json, {@code /2015-03-31/functions...}): ListFunctions,
 * GetFunction, GetFunctionConfiguration, UpdateFunctionConfiguration, Invoke. Errors in Lambda's shape.
 */
public final class LambdaApi {
    private static final String BASE = "/2015-03-31/functions";
    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    /** name | partial ARN (account:function:name) | full ARN, each with an optional qualifier. */
    private static final Pattern NAME = Pattern.compile(
            "^(?:arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:)?(?:\\d{12}:)?(?:function:)?([a-zA-Z0-9-_.]+)(?::(\\$LATEST|[a-zA-Z0-9-_]+))?$");

    private final Supplier<LocalCloud> cloud;

    private LambdaApi(Supplier<LocalCloud> cloud) { this.cloud = cloud; }

    public static void register(HttpRouter router, Supplier<LocalCloud> cloud) {
        LambdaApi api = new LambdaApi(cloud);
        router.route("GET", BASE, api::list);
        router.route("GET", BASE + "/{FunctionName}", api::getFunction);
        router.route("GET", BASE + "/{FunctionName}/configuration", c -> Reply.json(api.configuration(api.name(c))));
        router.route("PUT", BASE + "/{FunctionName}/configuration", api::update);
        router.route("POST", BASE + "/{FunctionName}/invocations", api::invoke);
    }

    private LocalLambda lambda() { return cloud.get().lambda(); }

    static AwsException notFound(String name) {
        return new AwsException("ResourceNotFoundException", 404, "Function not found: arn:aws:lambda:" + LocalCloud.REGION + ":"
                + LocalCloud.ACCOUNT + ":function:" + name);
    }

    static AwsException invalid(String message) { return new AwsException("InvalidParameterValueException", 400, message); }

    /** The function a FunctionName parameter names; only $LATEST exists in the sandbox. */
    private String name(Call c) {
        String raw = c.param("FunctionName");
        Matcher m = NAME.matcher(raw == null ? "" : raw);
        if (raw == null || raw.length() > 170 || !m.matches()) {
            throw new AwsException("ValidationException", 400, "1 validation error detected: Value '" + Request.abbreviate(raw)
                    + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
        }
        String qualifier = m.group(2) != null ? m.group(2) : c.queryParam("Qualifier");
        if (!lambda().exists(m.group(1))) throw notFound(m.group(1));
        if (qualifier != null && !qualifier.equals("$LATEST")) throw notFound(m.group(1) + ":" + qualifier);
        return m.group(1);
    }

    ObjectNode configuration(String name) {
        FunctionConfig f;
        LocalLambda.Revision rev;
        try {
            f = lambda().config(name);
            rev = lambda().revision(name);
        } catch (IllegalArgumentException e) {
            throw notFound(name);
        }
        ObjectNode o = Json.object().put("FunctionName", f.name()).put("FunctionArn", lambda().arn(name))
                .put("Runtime", rev.runtime()).put("Role", f.role()).put("Handler", rev.declaredHandler())
                .put("CodeSize", 0).put("Description", "").put("Timeout", f.timeout().toSeconds()).put("MemorySize", f.memoryMb())
                .put("LastModified", LAST_MODIFIED.format(rev.lastModified())).put("CodeSha256", "")
                .put("Version", "$LATEST");
        ObjectNode vars = Json.object();
        f.environment().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> vars.put(e.getKey(), e.getValue()));
        o.set("Environment", Json.object().set("Variables", vars));
        o.set("TracingConfig", Json.object().put("Mode", f.tracing().wire()));
        o.put("RevisionId", rev.revisionId()).put("State", "Active").put("LastUpdateStatus", rev.inProgress() ? "InProgress" : "Successful")
                .put("PackageType", "Zip");
        o.set("Architectures", Json.array().add("x86_64"));
        o.set("EphemeralStorage", Json.object().put("Size", 512));
        o.set("LoggingConfig", Json.object().put("LogFormat", "Text").put("LogGroup", f.logGroup()));
        return o;
    }

    private Reply list(Call c) {
        int max = 50;
        String maxItems = c.queryParam("MaxItems");
        if (maxItems != null) {
            try {
                max = Integer.parseInt(maxItems);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > 10_000) {
                throw new AwsException("ValidationException", 400, "1 validation error detected: Value '" + maxItems
                        + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000");
            }
        }
        List<FunctionConfig> all = lambda().functions().stream().sorted(Comparator.comparing(FunctionConfig::name)).toList();
        int from = 0;
        String marker = c.queryParam("Marker");
        if (marker != null && !marker.isEmpty()) {
            try {
                from = Integer.parseInt(new String(java.util.Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw invalid("Invalid Marker: " + Request.abbreviate(marker));
            }
            if (from < 0 || from > all.size()) throw invalid("Invalid Marker: " + Request.abbreviate(marker));
        }
        ArrayNode fns = Json.array();
        int to = Math.min(all.size(), from + max);
        for (int i = from; i < to; i++) {
            try {
                fns.add(configuration(all.get(i).name()));
            } catch (AwsException removedMeanwhile) {
                // deleted between listing and describing
            }
        }
        ObjectNode out = Json.object();
        out.set("Functions", fns);
        if (to < all.size()) {
            out.put("NextMarker", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8)));
        }
        return Reply.json(out);
    }

    private Reply getFunction(Call c) {
        String name = name(c);
        ObjectNode out = Json.object();
        out.set("Configuration", configuration(name));
        out.set("Code", Json.object().put("RepositoryType", "S3").put("Location", "file:///sandbox/class-path/" + name));
        out.set("Tags", Json.object());
        return Reply.json(out);
    }

    private Reply update(Call c) {
        String name = name(c);
        Request r = c.request("InvalidRequestContentException");
        Integer timeout = intMember(r, "Timeout", 1, 900);
        Integer memory = intMember(r, "MemorySize", 128, 10_240);
        TracingMode mode = null;
        if (r.has("TracingConfig")) {
            JsonNode tc = r.node("TracingConfig");
            JsonNode m = tc.get("Mode");
            if (!tc.isObject() || m == null || !m.isTextual() || !(m.asText().equals("Active") || m.asText().equals("PassThrough"))) {
                throw invalid("1 validation error detected: Value '" + Request.abbreviate(m == null ? tc : m.asText())
                        + "' at 'tracingConfig.mode' failed to satisfy constraint: Member must satisfy enum value set: [Active, PassThrough]");
            }
            mode = TracingMode.fromWire(m.asText());
        }
        Map<String, String> env = null;
        if (r.has("Environment")) {
            JsonNode vars = r.node("Environment").get("Variables");
            env = new LinkedHashMap<>();
            if (vars != null && !vars.isNull()) {
                if (!vars.isObject()) throw invalid("Environment.Variables must be a map of strings");
                for (var it = vars.fields(); it.hasNext(); ) {
                    var e = it.next();
                    if (!e.getKey().matches("[a-zA-Z]([a-zA-Z0-9_])*")) throw invalid("Invalid environment variable name: " + e.getKey());
                    if (!e.getValue().isTextual()) throw invalid("Environment variable " + e.getKey() + " must be a string");
                    env.put(e.getKey(), e.getValue().asText());
                }
            }
        }
        String role = r.optionalString("Role", 20, 2048);
        if (role != null && cloud.get().iam().roleByArn(role).isEmpty()) {
            throw invalid("The role defined for the function cannot be assumed by Lambda.");
        }
        String revision = r.optionalString("RevisionId", 1, 100);
        TracingMode m = mode;
        Map<String, String> e = env;
        try {
            lambda().update(name, revision, f -> new FunctionConfig(f.name(), f.handler(), memory == null ? f.memoryMb() : memory,
                    timeout == null ? f.timeout() : Duration.ofSeconds(timeout), e == null ? f.environment() : e,
                    role == null ? f.role() : role, m == null ? f.tracing() : m));
        } catch (LocalLambda.ConflictException ex) {
            throw new AwsException(ex.getMessage().startsWith("The Revision Id") ? "PreconditionFailedException" : "ResourceConflictException",
                    ex.getMessage().startsWith("The Revision Id") ? 412 : 409, ex.getMessage());
        }
        return Reply.json(configuration(name));
    }

    private static Integer intMember(Request r, String name, int min, int max) {
        JsonNode n = r.node(name);
        if (n == null) return null;
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > max) {
            throw invalid("1 validation error detected: Value '" + n + "' at '" + Character.toLowerCase(name.charAt(0)) + name.substring(1)
                    + "' failed to satisfy constraint: Member must have value between " + min + " and " + max);
        }
        return n.asInt();
    }

    private Reply invoke(Call c) {
        String name = name(c);
        String type = c.header("X-Amz-Invocation-Type");
        if (type == null) type = "RequestResponse";
        JsonNode event;
        try {
            event = c.body().length == 0 ? Json.object() : Json.MAPPER.readTree(c.body());
        } catch (Exception e) {
            throw new AwsException("InvalidRequestContentException", 400, "Could not parse request body into json: Unexpected character");
        }
        if (event == null) event = Json.object();
        String trace = c.header("X-Amzn-Trace-Id");
        switch (type) {
            case "DryRun" -> {
                return Reply.empty(204);
            }
            case "Event" -> {
                String requestId = lambda().invokeAsync(name, event, trace);
                return Reply.empty(202).header("x-amzn-RequestId", requestId);
            }
            case "RequestResponse" -> {
                InvokeResult r = lambda().invoke(name, event, trace);
                byte[] payload;
                try {
                    payload = r.payload() == null ? "null".getBytes(StandardCharsets.UTF_8) : Json.MAPPER.writeValueAsBytes(r.payload());
                } catch (Exception e) {
                    throw AwsException.internal("cannot serialise the function's result");
                }
                Reply reply = new Reply(200, "application/json", new LinkedHashMap<>(), payload)
                        .header("X-Amz-Executed-Version", "$LATEST").header("x-amzn-RequestId", r.requestId());
                if (r.failed()) reply.header("X-Amz-Function-Error", r.functionError());
                return reply;
            }
            default -> throw invalid("1 validation error detected: Value '" + type
                    + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }
    }
}
