package dev.tracedesk.filter;

import dev.tracedesk.xray.Outcome;
import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.segment.AnnotationValue;
import dev.tracedesk.xray.segment.Http;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.summary.TraceSummaries;
import dev.tracedesk.xray.summary.TraceSummary;
import dev.tracedesk.xray.trace.CallGraph;
import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds {@link TraceFacts} from assembled traces, interning the immutable parts (strings, node ids, per-segment
 * strings, trace shapes, annotation sets, root causes) so that a store of many similar traces keeps one copy of each.
 * Thread-safe; keep one per store. The intern table is bounded ({@code capacity} entries): past it, new parts are
 * simply not shared, so memory never grows without the traces that hold it.
 *
 * <p>Usage: {@code TraceFactsBuilder b = new TraceFactsBuilder(); TraceFacts f = b.build(trace);}
 */
public final class TraceFactsBuilder {
    private static final String[] NO_STRINGS = new String[0];
    private static final RootCauseFacts.Cause[] NO_CAUSES = new RootCauseFacts.Cause[0];

    private final int capacity;
    private final Map<Object, Object> pool;

    /** A builder with a 200 000-entry intern table. */
    public TraceFactsBuilder() {
        this(200_000);
    }

    /** A builder sharing at most {@code capacity} distinct parts (0 = share nothing across traces). */
    public TraceFactsBuilder(int capacity) {
        this.capacity = capacity;
        this.pool = capacity > 0 ? new ConcurrentHashMap<>() : Collections.emptyMap();
    }

    /** Number of distinct parts currently interned. */
    public int internedCount() {
        return pool.size();
    }

    @SuppressWarnings("unchecked")
    private <T> T intern(T value) {
        if (value == null || capacity == 0) return value;
        Object existing = pool.get(value);
        if (existing != null) return (T) existing;
        if (pool.size() >= capacity) return value;
        existing = pool.putIfAbsent(value, value);
        return existing == null ? value : (T) existing;
    }

    /** Facts of {@code trace}; root causes come from {@link TraceSummaries#of(Trace)}. */
    public TraceFacts build(Trace trace) {
        return build(trace, TraceSummaries.of(trace));
    }

    /**
     * Facts of {@code trace} with the root causes of its already computed summary (the sandbox has it at hand), so
     * that {@code rootcause.*} filters match exactly what GetTraceSummaries reports.
     */
    public TraceFacts build(Trace trace, TraceSummary summary) {
        return build(trace, new TraceFacts.RootCauses(causes(summary.faultRootCauses()),
                causes(summary.errorRootCauses()), causes(summary.responseTimeRootCauses())));
    }

    private static RootCauseFacts.Cause[] causes(List<TraceSummary.RootCause> list) {
        if (list == null || list.isEmpty()) return NO_CAUSES;
        RootCauseFacts.Cause[] out = new RootCauseFacts.Cause[list.size()];
        for (int i = 0; i < out.length; i++) {
            TraceSummary.RootCause c = list.get(i);
            List<TraceSummary.RootCauseService> services = c.services() == null ? List.of() : c.services();
            RootCauseFacts.Service[] ss = new RootCauseFacts.Service[services.size()];
            for (int si = 0; si < ss.length; si++) {
                TraceSummary.RootCauseService s = services.get(si);
                List<TraceSummary.RootCauseEntity> path = s.entityPath() == null ? List.of() : s.entityPath();
                RootCauseFacts.Entity[] es = new RootCauseFacts.Entity[path.size()];
                for (int ei = 0; ei < es.length; ei++) {
                    TraceSummary.RootCauseEntity e = path.get(ei);
                    List<TraceSummary.RootCauseException> xs = e.exceptions() == null ? List.of() : e.exceptions();
                    RootCauseFacts.Exception[] xa = new RootCauseFacts.Exception[xs.size()];
                    for (int xi = 0; xi < xa.length; xi++) {
                        xa[xi] = new RootCauseFacts.Exception(xs.get(xi).name(), xs.get(xi).message());
                    }
                    es[ei] = new RootCauseFacts.Entity(e.name(), e.remote(),
                            e.coverage() == null ? Double.NaN : e.coverage(), xa);
                }
                String[] names = s.names() == null ? new String[0] : s.names().toArray(new String[0]);
                ss[si] = new RootCauseFacts.Service(s.name(), names, s.type(), s.accountId(), s.inferred(), es);
            }
            out[i] = new RootCauseFacts.Cause(ss, c.clientImpacting());
        }
        return out;
    }

    private TraceFacts build(Trace trace, TraceFacts.RootCauses rootCauses) {
        CallGraph graph = trace.callGraph();
        List<ServiceId> nodeIds = new ArrayList<>();
        List<CallGraph.Node> nodes = new ArrayList<>();
        Map<ServiceId, Integer> index = new HashMap<>();
        boolean anyInferred = false;
        for (CallGraph.Node n : graph.nodes()) {
            if (n.kind() == CallGraph.Kind.CLIENT) continue;
            index.put(n.id(), nodeIds.size());
            nodeIds.add(internNode(n.id()));
            nodes.add(n);
            anyInferred |= n.kind() == CallGraph.Kind.INFERRED;
        }
        if (nodes.size() > Short.MAX_VALUE) {
            // far beyond X-Ray's own limits (10 000 nodes per map, 500 kB per trace)
            throw new IllegalArgumentException("trace " + trace.id() + " has more than 32767 nodes");
        }
        Set<Segment> roots = Collections.newSetFromMap(new IdentityHashMap<>());
        roots.addAll(trace.roots());

        // calls from client nodes are left out: edge() names two nodes of the trace, never the client
        List<CallGraph.Call> calls = new ArrayList<>();
        for (CallGraph.Call c : graph.calls()) {
            if (index.containsKey(c.from()) && index.containsKey(c.to())) calls.add(c);
        }
        int segmentCount = 0;
        for (CallGraph.Node n : nodes) segmentCount += n.segments().size();
        int entries = segmentCount + calls.size();
        short[] entryNode = new short[entries];
        short[] callFrom = new short[calls.size()];
        int[] entryFlags = new int[entries];
        short[] entryStatus = new short[entries];
        TraceFacts.Attrs[] entryAttrs = new TraceFacts.Attrs[entries];
        // one time slot per distinct entity: a call is often timed by the very segment a node entry already holds
        short[] timeSlot = new short[entries];
        double[] times = new double[entries];
        Map<Segment, Integer> slots = new IdentityHashMap<>();
        int e = 0;
        for (int ni = 0; ni < nodes.size(); ni++) {
            CallGraph.Node n = nodes.get(ni);
            boolean inferred = n.kind() == CallGraph.Kind.INFERRED;
            for (Segment s : n.segments()) {
                entryNode[e] = (short) ni;
                entryFlags[e] = outcomeFlags(s) | (s.isComplete() ? 0 : TraceFacts.PARTIAL)
                        | (inferred ? TraceFacts.INFERRED : 0) | (!inferred && roots.contains(s) ? TraceFacts.ROOT : 0);
                entryStatus[e] = status(s);
                entryAttrs[e] = attrs(s, !inferred);
                timeSlot[e] = slot(s, slots, times);
                e++;
            }
        }
        for (int ci = 0; ci < calls.size(); ci++) {
            CallGraph.Call c = calls.get(ci);
            Segment via = c.via();
            CallGraph.Node toNode = graph.node(c.to());
            entryNode[e] = index.get(c.to()).shortValue();
            callFrom[ci] = index.get(c.from()).shortValue();
            entryFlags[e] = outcomeFlags(via) | (via.isComplete() ? 0 : TraceFacts.PARTIAL)
                    | (toNode.kind() == CallGraph.Kind.INFERRED ? TraceFacts.INFERRED : 0);
            entryStatus[e] = status(via);
            entryAttrs[e] = attrs(via, false);
            timeSlot[e] = slot(via, slots, times);
            e++;
        }

        Set<String> users = new LinkedHashSet<>();
        Set<String> zones = new LinkedHashSet<>();
        Set<String> instances = new LinkedHashSet<>();
        Set<String> arns = new LinkedHashSet<>();
        Set<String> accounts = new LinkedHashSet<>();
        Map<String, Set<Object>> annotations = new java.util.LinkedHashMap<>();
        for (ServiceId id : nodeIds) if (id.accountId() != null) accounts.add(id.accountId());
        for (Segment s : trace.segments()) collect(s, users, zones, instances, arns, accounts, annotations);
        for (Segment s : trace.orphans()) collect(s, users, zones, instances, arns, accounts, annotations);
        for (Segment s : trace.segments()) anyInferred |= s.isInferred();

        TraceFacts.Shape shape = intern(new TraceFacts.Shape(nodeIds.toArray(new ServiceId[0]), segmentCount,
                entryNode, callFrom, entryFlags, entryStatus, timeSlot, slots.size(), entryAttrs, strings(users), strings(zones),
                strings(instances), strings(arns), strings(accounts)));

        Segment root = trace.root();
        int flags = (trace.isPartial() ? TraceFacts.PARTIAL : 0) | (anyInferred ? TraceFacts.INFERRED : 0);
        int httpStatus = -1;
        TraceFacts.Attrs rootAttrs = TraceFacts.Attrs.EMPTY;
        if (root != null) {
            flags |= outcomeFlags(root) | TraceFacts.HAS_ROOT;
            httpStatus = root.httpStatus() == null ? -1 : root.httpStatus();
            Http.Request rq = root.http() == null ? null : root.http().request();
            if (rq != null) {
                rootAttrs = intern(new TraceFacts.Attrs(str(rq.url()), str(rq.method()), str(rq.userAgent()),
                        str(rq.clientIp()), null, null, null, null));
            }
        }
        // response-time coverages differ from trace to trace: keep them after the entry times, share the rest
        RootCauseFacts.Cause[] rt = rootCauses.responseTime();
        int coverages = 0;
        for (RootCauseFacts.Cause c : rt) for (RootCauseFacts.Service s : c.services()) coverages += s.entityPath().length;
        times = Arrays.copyOf(times, slots.size() + coverages);
        if (coverages > 0) {
            int j = slots.size();
            RootCauseFacts.Cause[] stripped = new RootCauseFacts.Cause[rt.length];
            for (int ci = 0; ci < rt.length; ci++) {
                RootCauseFacts.Service[] services = rt[ci].services().clone();
                for (int si = 0; si < services.length; si++) {
                    RootCauseFacts.Service s = services[si];
                    RootCauseFacts.Entity[] path = s.entityPath().clone();
                    for (int ei = 0; ei < path.length; ei++) {
                        times[j++] = path[ei].coverage();
                        path[ei] = new RootCauseFacts.Entity(path[ei].name(), path[ei].remote(), Double.NaN,
                                path[ei].exceptions());
                    }
                    services[si] = new RootCauseFacts.Service(s.name(), s.names(), s.type(), s.accountId(),
                            s.inferred(), path);
                }
                stripped[ci] = new RootCauseFacts.Cause(services, rt[ci].clientImpacting());
            }
            rootCauses = new TraceFacts.RootCauses(rootCauses.fault(), rootCauses.error(), stripped);
        }
        return new TraceFacts(flags, httpStatus, trace.responseTime(), trace.duration(), rootAttrs, shape, times,
                annotations(annotations), internRootCauses(rootCauses));
    }

    private static short slot(Segment s, Map<Segment, Integer> slots, double[] times) {
        Integer known = slots.get(s);
        if (known != null) return known.shortValue();
        int slot = slots.size();
        slots.put(s, slot);
        times[slot] = s.duration();
        return (short) slot;
    }

    private static int outcomeFlags(Segment s) {
        int f = 0;
        if (Outcome.isOk(s)) f |= TraceFacts.OK;
        if (Outcome.isError(s)) f |= TraceFacts.ERROR;
        if (Outcome.isThrottle(s)) f |= TraceFacts.THROTTLE;
        if (Outcome.isFault(s)) f |= TraceFacts.FAULT;
        return f;
    }

    private static short status(Segment s) {
        Integer st = s.httpStatus();
        return st == null || st < 0 || st > Short.MAX_VALUE ? -1 : st.shortValue();
    }

    private ServiceId internNode(ServiceId id) {
        return intern(new ServiceId(str(id.name()), str(id.type()), str(id.accountId())));
    }

    private String str(String s) {
        return s == null ? null : intern(s);
    }

    private String[] strings(Set<String> set) {
        if (set.isEmpty()) return NO_STRINGS;
        String[] out = new String[set.size()];
        int k = 0;
        for (String s : set) out[k++] = str(s);
        return out;
    }

    /** Request strings of a segment ({@code full}: also user, EC2 placement and resource ARN) or of a call. */
    private TraceFacts.Attrs attrs(Segment s, boolean full) {
        Http.Request rq = s.http() == null ? null : s.http().request();
        String url = rq == null ? null : rq.url();
        String method = rq == null ? null : rq.method();
        String ua = rq == null ? null : rq.userAgent();
        String ip = rq == null ? null : rq.clientIp();
        String user = full ? s.user() : null;
        String zone = full ? s.awsText("ec2", "availability_zone") : null;
        String instance = full ? s.awsText("ec2", "instance_id") : null;
        String arn = full ? s.resourceArn() : null;
        if (url == null && method == null && ua == null && ip == null && user == null && zone == null
                && instance == null && arn == null) {
            return TraceFacts.Attrs.EMPTY;
        }
        return intern(new TraceFacts.Attrs(str(url), str(method), str(ua), str(ip), str(user), str(zone),
                str(instance), str(arn)));
    }

    private static void collect(Segment s, Set<String> users, Set<String> zones, Set<String> instances,
                                Set<String> arns, Set<String> accounts, Map<String, Set<Object>> annotations) {
        if (s.user() != null) users.add(s.user());
        String zone = s.awsText("ec2", "availability_zone");
        if (zone != null) zones.add(zone);
        String instance = s.awsText("ec2", "instance_id");
        if (instance != null) instances.add(instance);
        if (s.resourceArn() != null) arns.add(s.resourceArn());
        String account = s.awsText("account_id");
        if (account != null) accounts.add(account);
        for (Map.Entry<String, AnnotationValue> a : s.annotations().entrySet()) {
            annotations.computeIfAbsent(a.getKey(), k -> new LinkedHashSet<>()).add(a.getValue().raw());
        }
        for (Segment c : s.subsegments()) collect(c, users, zones, instances, arns, accounts, annotations);
    }

    private TraceFacts.Annotations annotations(Map<String, Set<Object>> map) {
        if (map.isEmpty()) return TraceFacts.Annotations.NONE;
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Map.Entry<String, Set<Object>> e : map.entrySet()) {
            for (Object v : e.getValue()) {
                keys.add(str(e.getKey()));
                values.add(v);
            }
        }
        // keys repeat from trace to trace, values (order ids, amounts) mostly do not: share only the key array
        return new TraceFacts.Annotations(intern(new KeyList(keys.toArray(new String[0]))).keys, values.toArray());
    }

    /** A key array with content equality, so that it can be interned. */
    private record KeyList(String[] keys) {
        @Override
        public boolean equals(Object o) {
            return o instanceof KeyList k && Arrays.equals(keys, k.keys);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(keys);
        }
    }

    private TraceFacts.RootCauses internRootCauses(TraceFacts.RootCauses rc) {
        if (rc.fault().length == 0 && rc.error().length == 0 && rc.responseTime().length == 0) {
            return TraceFacts.RootCauses.NONE;
        }
        return intern(rc);
    }
}
