package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.sandbox.stack.ApiStage;
import dev.tracedesk.sandbox.stack.LocalApis;
import dev.tracedesk.sandbox.stack.LocalCloud;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * API Gateway (REST APIs, rest-json under {@code /restapis}): GetRestApis, GetRestApi, GetStages, GetStage and
 * UpdateStage with patch operations on {@code /tracingEnabled} and {@code /deploymentId}. Switching tracing changes
 * what the stage records from the next request on.
 */
public final class ApiGatewayApi {
    private final Supplier<LocalCloud> cloud;

    private ApiGatewayApi(Supplier<LocalCloud> cloud) { this.cloud = cloud; }

    public static void register(HttpRouter router, Supplier<LocalCloud> cloud) {
        ApiGatewayApi api = new ApiGatewayApi(cloud);
        router.route("GET", "/restapis", api::restApis);
        router.route("GET", "/restapis/{restapi_id}", c -> Reply.json(restApi(api.api(c))));
        router.route("GET", "/restapis/{restapi_id}/stages", api::stages);
        router.route("GET", "/restapis/{restapi_id}/stages/{stage_name}", c -> Reply.json(stage(api.api(c), api.stage(c))));
        router.route("PATCH", "/restapis/{restapi_id}/stages/{stage_name}", api::updateStage);
    }

    private static AwsException notFound(String message) { return new AwsException("NotFoundException", 404, message); }

    private static AwsException badRequest(String message) { return new AwsException("BadRequestException", 400, message); }

    private LocalApis.RestApi api(Call c) {
        String id = c.param("restapi_id");
        return cloud.get().apis().api(id).orElseThrow(() -> notFound("Invalid API identifier specified " + LocalCloud.ACCOUNT + ":" + id));
    }

    private ApiStage stage(Call c) {
        LocalApis.RestApi api = api(c);
        String name = c.param("stage_name");
        return api.stage(name).orElseThrow(() -> notFound("Invalid Stage identifier specified"));
    }

    private static double epoch(Instant t) { return t.getEpochSecond(); }

    static ObjectNode restApi(LocalApis.RestApi a) {
        ObjectNode o = Json.object().put("id", a.id).put("name", a.name).put("createdDate", epoch(a.created))
                .put("apiKeySource", "HEADER").put("disableExecuteApiEndpoint", false).put("rootResourceId", a.rootResourceId);
        if (a.description != null) o.put("description", a.description);
        o.set("endpointConfiguration", Json.object().set("types", Json.array().add("REGIONAL")));
        return o;
    }

    static ObjectNode stage(LocalApis.RestApi a, ApiStage s) {
        ObjectNode o = Json.object();
        String dep = a.deploymentOf(s.stageName());
        if (dep != null) o.put("deploymentId", dep);
        o.put("stageName", s.stageName()).put("cacheClusterEnabled", false).put("cacheClusterStatus", "NOT_AVAILABLE")
                .put("tracingEnabled", s.tracingEnabled()).put("createdDate", epoch(a.stageCreated(s.stageName())))
                .put("lastUpdatedDate", epoch(Instant.now()));
        o.set("methodSettings", Json.object());
        o.set("variables", Json.object());
        return o;
    }

    private Reply restApis(Call c) {
        int limit = 25;
        if (c.queryParam("limit") != null) {
            try {
                limit = Integer.parseInt(c.queryParam("limit"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 500) throw badRequest("Invalid limit: must be between 1 and 500");
        }
        List<LocalApis.RestApi> all = cloud.get().apis().apis().stream().sorted(Comparator.comparing(a -> a.id)).toList();
        int from = 0;
        String position = c.queryParam("position");
        if (position != null && !position.isEmpty()) {
            from = -1;
            for (int i = 0; i < all.size(); i++) if (all.get(i).id.equals(position)) from = i;
            if (from < 0) throw badRequest("Invalid position parameter");
        }
        ArrayNode items = Json.array();
        int to = Math.min(all.size(), from + limit);
        for (int i = from; i < to; i++) items.add(restApi(all.get(i)));
        ObjectNode out = Json.object();
        out.set("item", items);
        if (to < all.size()) out.put("position", all.get(to).id);
        return Reply.json(out);
    }

    private Reply stages(Call c) {
        LocalApis.RestApi a = api(c);
        ArrayNode items = Json.array();
        a.stages().stream().sorted(Comparator.comparing(ApiStage::stageName)).forEach(s -> items.add(stage(a, s)));
        ObjectNode out = Json.object();
        out.set("item", items);
        return Reply.json(out);
    }

    private Reply updateStage(Call c) {
        LocalApis.RestApi a = api(c);
        ApiStage s = stage(c);
        Request r = c.request("BadRequestException");
        JsonNode ops = r.node("patchOperations");
        if (ops == null) ops = Json.array();
        if (!ops.isArray()) throw badRequest("patchOperations must be a list");
        // Validate every operation before applying any: a bad one changes nothing.
        Boolean tracing = null;
        String deployment = null;
        for (JsonNode op : ops) {
            String kind = op.path("op").asText("");
            String path = op.path("path").asText("");
            JsonNode value = op.get("value");
            if (!List.of("add", "remove", "replace", "move", "copy", "test").contains(kind)) {
                throw badRequest("Invalid patch operation specified. Must be one of: [add, remove, replace, move, copy, test]");
            }
            switch (path) {
                case "/tracingEnabled" -> {
                    if (!kind.equals("replace")) throw badRequest("Invalid patch operation specified. Must be 'replace' when modifying /tracingEnabled");
                    String v = value == null ? "" : value.asText();
                    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        throw badRequest("Invalid value '" + v + "' for /tracingEnabled: must be true or false");
                    }
                    tracing = Boolean.parseBoolean(v.toLowerCase());
                }
                case "/deploymentId" -> {
                    if (!kind.equals("replace")) throw badRequest("Invalid patch operation specified. Must be 'replace' when modifying /deploymentId");
                    deployment = value == null ? null : value.asText();
                    if (deployment == null || deployment.isEmpty()) throw badRequest("Invalid deployment identifier specified");
                }
                default -> throw badRequest("Invalid patch path '" + path + "' specified for op '" + kind
                        + "'. The sandbox supports: [/tracingEnabled, /deploymentId]");
            }
        }
        try {
            cloud.get().apis().stage(a.id, s.stageName(), deployment, tracing);
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        return Reply.json(stage(a, s));
    }
}
