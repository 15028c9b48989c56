package dev.tracedesk.xray.summary;

import dev.tracedesk.xray.EpochSeconds;
import dev.tracedesk.xray.Outcome;
import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.segment.AnnotationValue;
import dev.tracedesk.xray.segment.Cause;
import dev.tracedesk.xray.segment.Http;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.summary.TraceSummary.AnnotationValueJson;
import dev.tracedesk.xray.summary.TraceSummary.AvailabilityZone;
import dev.tracedesk.xray.summary.TraceSummary.HttpSummary;
import dev.tracedesk.xray.summary.TraceSummary.InstanceId;
import dev.tracedesk.xray.summary.TraceSummary.ResourceArn;
import dev.tracedesk.xray.summary.TraceSummary.RootCause;
import dev.tracedesk.xray.summary.TraceSummary.RootCauseEntity;
import dev.tracedesk.xray.summary.TraceSummary.RootCauseException;
import dev.tracedesk.xray.summary.TraceSummary.RootCauseService;
import dev.tracedesk.xray.summary.TraceSummary.TraceUser;
import dev.tracedesk.xray.summary.TraceSummary.ValueWithServiceIds;
import dev.tracedesk.xray.trace.CallGraph;
import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Derives the GetTraceSummaries view of a trace (spec §2.2). Trace-level flags and Http come from the root segment;
 * HasThrottle from any segment; annotations, users, ARNs, instances and zones from all segments; root causes from the
 * entity tree (segments, their subsegments, and segments called by a subsegment).
 */
public final class TraceSummaries {
    /** X-Ray indexes at most this many annotation keys per trace (spec §3.6); later keys are left out. */
    public static final int MAX_ANNOTATIONS = 50;

    private TraceSummaries() {}

    public static TraceSummary of(Trace trace) {
        Segment root = trace.root();
        CallGraph graph = trace.callGraph();
        boolean hasThrottle = false;
        Map<String, Map<Object, Set<ServiceId>>> annotations = new LinkedHashMap<>();
        Map<String, Set<ServiceId>> users = new LinkedHashMap<>();
        Set<String> arns = new LinkedHashSet<>();
        Set<String> instances = new LinkedHashSet<>();
        Set<String> zones = new LinkedHashSet<>();
        for (Segment s : trace.segments()) {
            if (s.isInferred()) {
                continue;
            }
            ServiceId service = CallGraph.serviceOf(s);
            hasThrottle |= Outcome.isThrottle(s);
            collectAnnotations(s, service, annotations);
            if (s.user() != null) {
                users.computeIfAbsent(s.user(), k -> new LinkedHashSet<>()).add(service);
            }
            addIfPresent(arns, s.resourceArn());
            addIfPresent(instances, s.awsText("ec2", "instance_id"));
            addIfPresent(zones, s.awsText("ec2", "availability_zone"));
        }
        Map<String, List<ValueWithServiceIds>> annotationJson = new LinkedHashMap<>();
        annotations.forEach((key, values) -> {
            List<ValueWithServiceIds> list = new ArrayList<>(values.size());
            values.forEach((v, ids) -> list.add(new ValueWithServiceIds(json(v), List.copyOf(ids))));
            annotationJson.put(key, list);
        });
        List<TraceUser> userJson = new ArrayList<>();
        users.forEach((name, ids) -> userJson.add(new TraceUser(name, List.copyOf(ids))));

        RootCauses causes = new RootCauses(trace, graph);
        return new TraceSummary(
                trace.id().value(),
                nullIfNaN(trace.startTime()),
                nullIfNaN(EpochSeconds.micros(trace.duration())),
                nullIfNaN(EpochSeconds.micros(trace.responseTime())),
                root != null && Outcome.isFault(root),
                root != null && Outcome.isError(root),
                hasThrottle,
                trace.isPartial(),
                root == null ? null : http(root.http()),
                annotationJson,
                userJson,
                graph.serviceIds(),
                arns.stream().map(ResourceArn::new).toList(),
                instances.stream().map(InstanceId::new).toList(),
                zones.stream().map(AvailabilityZone::new).toList(),
                root == null ? null : CallGraph.serviceOf(root),
                causes.causes(Outcome::isFault),
                causes.causes(Outcome::isError),
                causes.responseTime(),
                trace.revision(),
                null);
    }

    private static void collectAnnotations(Segment entity, ServiceId service,
                                           Map<String, Map<Object, Set<ServiceId>>> out) {
        for (Map.Entry<String, AnnotationValue> e : entity.annotations().entrySet()) {
            if (out.size() >= MAX_ANNOTATIONS && !out.containsKey(e.getKey())) {
                continue;
            }
            out.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(e.getValue().raw(), k -> new LinkedHashSet<>()).add(service);
        }
        for (Segment child : entity.subsegments()) {
            collectAnnotations(child, service, out);
        }
    }

    private static AnnotationValueJson json(Object v) {
        if (v instanceof Double d) {
            return new AnnotationValueJson(d, null, null);
        }
        if (v instanceof Boolean b) {
            return new AnnotationValueJson(null, b, null);
        }
        return new AnnotationValueJson(null, null, String.valueOf(v));
    }

    private static HttpSummary http(Http h) {
        if (h == null) {
            return null;
        }
        Http.Request rq = h.request();
        Integer status = h.status();
        if (rq == null && status == null) {
            return null;
        }
        return rq == null ? new HttpSummary(null, status, null, null, null)
                : new HttpSummary(rq.url(), status, rq.method(), rq.userAgent(), rq.clientIp());
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && !value.isEmpty()) {
            set.add(value);
        }
    }

    private static Double nullIfNaN(double d) {
        return Double.isNaN(d) ? null : d;
    }

    /** Root-cause analysis over the entity tree of one trace (spec §2.2, backend approximation). */
    private static final class RootCauses {
        private final Trace trace;
        private final CallGraph graph;
        private final Segment root;

        RootCauses(Trace trace, CallGraph graph) {
            this.trace = trace;
            this.graph = graph;
            this.root = trace.root();
        }

        /** Children: subsegments first, then segments whose parent is this entity. */
        private List<Segment> children(Segment e) {
            List<Segment> callees = e.id() == null ? List.of() : trace.segmentsWithParent(e.id());
            if (callees.isEmpty()) {
                return e.subsegments();
            }
            List<Segment> out = new ArrayList<>(e.subsegments().size() + callees.size());
            out.addAll(e.subsegments());
            out.addAll(callees);
            return out;
        }

        /** One cause per deepest entity matching {@code bad} whose descendants are all clean. */
        List<RootCause> causes(Predicate<Segment> bad) {
            if (root == null) {
                return List.of();
            }
            List<List<Segment>> paths = new ArrayList<>();
            find(root, new ArrayList<>(), bad, paths, identitySet());
            boolean clientImpacting = bad.test(root);
            List<RootCause> out = new ArrayList<>(paths.size());
            for (List<Segment> path : paths) {
                out.add(new RootCause(services(path, null), clientImpacting));
            }
            return out;
        }

        /** Returns true when the subtree of {@code e} holds a matching entity. */
        private boolean find(Segment e, List<Segment> path, Predicate<Segment> bad, List<List<Segment>> out,
                             Set<Segment> seen) {
            if (!seen.add(e)) {
                return false;
            }
            path.add(e);
            boolean below = false;
            for (Segment c : children(e)) {
                below |= find(c, path, bad, out, seen);
            }
            boolean hit = bad.test(e);
            if (hit && !below) {
                out.add(List.copyOf(path));
            }
            path.remove(path.size() - 1);
            return hit || below;
        }

        /** The slowest synchronous chain: at each level the longest child that ends within its parent. */
        List<RootCause> responseTime() {
            if (root == null || !root.isComplete() || root.duration() <= 0) {
                return List.of();
            }
            List<Segment> path = new ArrayList<>();
            Set<Segment> seen = identitySet();
            Segment e = root;
            while (e != null && seen.add(e)) {
                path.add(e);
                Segment best = null;
                for (Segment c : children(e)) {
                    if (c.isComplete() && c.endTime() <= e.endTime() + 1e-9
                            && (best == null || micros(c) > micros(best))) {
                        best = c;
                    }
                }
                e = best;
            }
            return List.of(new RootCause(services(path, micros(root)), true));
        }

        /** Groups a root-to-cause path by node; a trailing or in-between inferred node gets its own entry. */
        private List<RootCauseService> services(List<Segment> path, Long rootMicros) {
            List<RootCauseService> out = new ArrayList<>();
            ServiceId current = null;
            List<RootCauseEntity> entities = null;
            for (int i = 0; i < path.size(); i++) {
                Segment e = path.get(i);
                Segment owner = trace.ownerOf(e.id());
                ServiceId node = CallGraph.serviceOf(owner != null ? owner : e);
                if (!node.equals(current)) {
                    if (current != null) {
                        out.add(service(current, entities, false));
                    }
                    current = node;
                    entities = new ArrayList<>();
                }
                entities.add(entity(e, rootMicros));
                ServiceId inferred = graph.inferredNodeOf(e);
                if (inferred != null) {
                    out.add(service(current, entities, false));
                    current = null;
                    List<RootCauseEntity> inferredPath = new ArrayList<>(1);
                    inferredPath.add(new RootCauseEntity(inferred.name(),
                            rootMicros == null ? null : coverage(micros(e), rootMicros),
                            rootMicros == null ? List.of() : null, false));
                    out.add(service(inferred, inferredPath, true));
                }
            }
            if (current != null) {
                out.add(service(current, entities, false));
            }
            return out;
        }

        private static RootCauseService service(ServiceId id, List<RootCauseEntity> path, boolean inferred) {
            return new RootCauseService(id.name(), id.names(), id.type(), id.accountId(), List.copyOf(path), inferred);
        }

        private static RootCauseEntity entity(Segment e, Long rootMicros) {
            boolean remote = "aws".equals(e.namespace()) || "remote".equals(e.namespace());
            List<RootCauseException> exceptions = null;
            if (rootMicros == null) {
                exceptions = new ArrayList<>();
                Cause c = e.cause();
                if (c != null) {
                    for (Cause.ExceptionInfo x : c.exceptions()) {
                        exceptions.add(new RootCauseException(x.type(), x.message()));
                        remote |= x.isRemote();
                    }
                }
            }
            Double coverage = rootMicros == null ? null : coverage(micros(e), rootMicros);
            return new RootCauseEntity(e.name(), coverage, exceptions, remote);
        }

        private static Set<Segment> identitySet() {
            return Collections.newSetFromMap(new IdentityHashMap<>());
        }

        private static double coverage(long micros, long rootMicros) {
            return Math.round(micros * 1e6 / rootMicros) / 1e6;
        }

        private static long micros(Segment s) {
            return Math.round(s.duration() * 1e6);
        }
    }
}
