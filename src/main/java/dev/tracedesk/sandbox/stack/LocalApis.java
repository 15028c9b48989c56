package dev.tracedesk.sandbox.stack;

import dev.tracedesk.sandbox.runtime.LocalLambda;
import dev.tracedesk.sandbox.runtime.SegmentEmitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's API Gateway (REST APIs only): APIs, their resource tree, POST methods with Lambda proxy
 * integrations, deployments and stages. Each stage is an {@link ApiStage} serving HTTP on its own loopback port;
 * a deployment hands it the methods as they are now.
 */
public final class LocalApis implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A resource of an API's tree: {@code path} is the full path ("/", "/shop", "/shop/unittest"). */
    public record ApiResource(String id, String parentId, String pathPart, String path) {}

    public static final class RestApi {
        public final String id;
        public final String name;
        public final String description;
        public final Instant created;
        public final String rootResourceId;
        final Map<String, ApiResource> resources = new ConcurrentHashMap<>();
        /** "resourceId METHOD" → function name. */
        final Map<String, String> methods = new ConcurrentHashMap<>();
        final Map<String, ApiStage> stages = new ConcurrentHashMap<>();
        final Map<String, String> stageDeployments = new ConcurrentHashMap<>();
        final Map<String, Instant> stageCreated = new ConcurrentHashMap<>();
        final Map<String, Instant> deployments = new ConcurrentHashMap<>();

        RestApi(String id, String name, String description) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.created = Instant.now();
            this.rootResourceId = newId();
            resources.put(rootResourceId, new ApiResource(rootResourceId, null, "", "/"));
        }

        public List<ApiStage> stages() { return List.copyOf(stages.values()); }

        public Optional<ApiStage> stage(String name) { return Optional.ofNullable(stages.get(name)); }

        public String deploymentOf(String stage) { return stageDeployments.get(stage); }

        public Instant stageCreated(String stage) { return stageCreated.getOrDefault(stage, created); }

        /** Resource path → function, for the POST methods (what a deployment serves). */
        Map<String, String> routes() {
            Map<String, String> out = new LinkedHashMap<>();
            methods.forEach((k, fn) -> {
                String[] parts = k.split(" ", 2);
                ApiResource r = resources.get(parts[0]);
                if (r != null && "POST".equals(parts[1])) out.put(r.path(), fn);
            });
            return out;
        }
    }

    private final LocalLambda lambda;
    private final StageSampler sampler;
    private final SegmentEmitter emitter;
    private final String host;
    private final String region;
    private final String account;
    private final Map<String, RestApi> apis = new ConcurrentHashMap<>();
    /** Preferred local ports of stages by service name ({@code api/stage}); others get a free port. */
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();

    public LocalApis(LocalLambda lambda, StageSampler sampler, SegmentEmitter emitter, String host, String region, String account) {
        this.lambda = lambda;
        this.sampler = sampler;
        this.emitter = emitter;
        this.host = host;
        this.region = region;
        this.account = account;
    }

    static String newId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return sb.toString();
    }

    /** The local port the stage {@code apiName/stage} should listen on when it is created (0 = any). */
    public void preferPort(String apiName, String stage, int port) { ports.put(apiName + "/" + stage, port); }

    public RestApi create(String name, String description) {
        RestApi api = new RestApi(newId(), name, description);
        apis.put(api.id, api);
        return api;
    }

    public List<RestApi> apis() { return List.copyOf(apis.values()); }

    public Optional<RestApi> api(String id) { return Optional.ofNullable(apis.get(id)); }

    public Optional<RestApi> byName(String name) {
        return apis.values().stream().filter(a -> a.name.equals(name)).findFirst();
    }

    private RestApi require(String apiId) {
        RestApi a = apis.get(apiId);
        if (a == null) throw new IllegalArgumentException("Invalid API identifier specified " + account + ":" + apiId);
        return a;
    }

    public ApiResource createResource(String apiId, String parentId, String pathPart) {
        RestApi api = require(apiId);
        ApiResource parent = api.resources.get(parentId);
        if (parent == null) throw new IllegalArgumentException("Invalid Resource identifier specified: " + parentId);
        if (pathPart == null || !pathPart.matches("[A-Za-z0-9._{}+-]+")) {
            throw new IllegalArgumentException("Resource's path part must be letters, digits and ._-{}+ : " + pathPart);
        }
        String path = ("/".equals(parent.path()) ? "" : parent.path()) + "/" + pathPart;
        for (ApiResource r : api.resources.values()) {
            if (r.path().equals(path)) throw new IllegalArgumentException("Another resource with the same parent already has this name: " + pathPart);
        }
        ApiResource r = new ApiResource(newId(), parentId, pathPart, path);
        api.resources.put(r.id(), r);
        return r;
    }

    public void deleteResource(String apiId, String resourceId) {
        RestApi api = apis.get(apiId);
        if (api == null) return;
        api.resources.remove(resourceId);
        api.methods.keySet().removeIf(k -> k.startsWith(resourceId + " "));
    }

    /** A method with an AWS_PROXY integration to a function. */
    public void putMethod(String apiId, String resourceId, String httpMethod, String functionName) {
        RestApi api = require(apiId);
        if (!api.resources.containsKey(resourceId)) throw new IllegalArgumentException("Invalid Resource identifier specified: " + resourceId);
        api.methods.put(resourceId + " " + httpMethod, functionName);
    }

    public void deleteMethod(String apiId, String resourceId, String httpMethod) {
        RestApi api = apis.get(apiId);
        if (api != null) api.methods.remove(resourceId + " " + httpMethod);
    }

    /** CreateDeployment: a snapshot of the methods; with a stage name, that stage serves it (created if new). */
    public String deploy(String apiId, String stageName, Boolean tracing) {
        RestApi api = require(apiId);
        String id = newId();
        api.deployments.put(id, Instant.now());
        if (stageName != null && !stageName.isEmpty()) stage(apiId, stageName, id, tracing);
        return id;
    }

    /** CreateStage / stage update from a deployment. */
    public ApiStage stage(String apiId, String stageName, String deploymentId, Boolean tracing) {
        RestApi api = require(apiId);
        if (deploymentId != null && !api.deployments.containsKey(deploymentId)) {
            throw new IllegalArgumentException("Invalid deployment identifier specified: " + deploymentId);
        }
        ApiStage s = api.stages.get(stageName);
        if (s == null) {
            try {
                s = new ApiStage(api.name, api.id, stageName, region, account, api.routes(), lambda, sampler, emitter, host,
                        ports.getOrDefault(api.name + "/" + stageName, 0));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open stage " + stageName + " of " + api.name + ": " + e.getMessage(), e);
            }
            s.tracingEnabled(false);
            api.stages.put(stageName, s);
            api.stageCreated.put(stageName, Instant.now());
        } else {
            s.routes(api.routes());
        }
        if (deploymentId != null) api.stageDeployments.put(stageName, deploymentId);
        if (tracing != null) s.tracingEnabled(tracing);
        return s;
    }

    public void deleteStage(String apiId, String stageName) {
        RestApi api = apis.get(apiId);
        if (api == null) return;
        ApiStage s = api.stages.remove(stageName);
        api.stageDeployments.remove(stageName);
        if (s != null) s.close();
    }

    public void deleteDeployment(String apiId, String deploymentId) {
        RestApi api = apis.get(apiId);
        if (api == null) return;
        api.deployments.remove(deploymentId);
        List.copyOf(api.stageDeployments.entrySet()).forEach(e -> {
            if (e.getValue().equals(deploymentId)) deleteStage(apiId, e.getKey());
        });
    }

    public void delete(String apiId) {
        RestApi api = apis.remove(apiId);
        if (api != null) api.stages.values().forEach(ApiStage::close);
    }

    public String region() { return region; }

    public String account() { return account; }

    @Override
    public void close() {
        apis.values().forEach(a -> a.stages.values().forEach(ApiStage::close));
        apis.clear();
    }
}
