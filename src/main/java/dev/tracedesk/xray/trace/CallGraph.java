package dev.tracedesk.xray.trace;

import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.segment.Segment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes and calls of one trace (spec §6.1–6.3), the common ground of the service graph, trace summaries
 * (ServiceIds, root causes) and the filter's {@code service()}/{@code edge()}:
 * <ul>
 *   <li>each top-level segment belongs to the real node (name, origin, aws.account_id);</li>
 *   <li>a root segment gets a call from its {@code client} node;</li>
 *   <li>a segment whose parent is another segment (Lambda function under the Lambda service) gets a call from the
 *       parent's node, timed by the parent;</li>
 *   <li>a subsegment with a callee segment (parent_id = its id) calls the callee's node, timed by the subsegment; an AWS
 *       subsegment that is not a Lambda invoke (SNS publish, SQS send) keeps its inferred node in between: caller →
 *       topic (timed by the subsegment) → callee (timed by the callee segment);</li>
 *   <li>a subsegment without callee but with an inferred identity calls that inferred node.</li>
 * </ul>
 * Nodes are listed in the order first met walking the segments by start time, subsegments depth-first.
 */
public final class CallGraph {

    /** Real nodes come from segments, inferred ones from caller subsegments, client nodes stand for the callers. */
    public enum Kind { REAL, INFERRED, CLIENT }

    /**
     * @param segments real: its top-level segments; inferred: the caller subsegments that stand for its work;
     *                 client: empty
     */
    public record Node(ServiceId id, Kind kind, boolean root, List<Segment> segments) {}

    /**
     * One call on an edge.
     *
     * @param via    the entity whose timing and outcome the call has (caller subsegment, parent segment, or root)
     * @param callee the real segment on the receiving side, or null for inferred nodes
     */
    public record Call(ServiceId from, ServiceId to, Segment via, Segment callee) {}

    private final List<Node> nodes;
    private final Map<ServiceId, Node> byId;
    private final List<Call> calls;
    private final Map<Segment, ServiceId> inferredBySubsegment;

    private CallGraph(List<Node> nodes, List<Call> calls, Map<Segment, ServiceId> inferredBySubsegment) {
        this.nodes = Collections.unmodifiableList(nodes);
        Map<ServiceId, Node> m = new LinkedHashMap<>();
        nodes.forEach(n -> m.put(n.id(), n));
        this.byId = Collections.unmodifiableMap(m);
        this.calls = Collections.unmodifiableList(calls);
        this.inferredBySubsegment = inferredBySubsegment;
    }

    /** All nodes, client nodes included. */
    public List<Node> nodes() {
        return nodes;
    }

    public Node node(ServiceId id) {
        return byId.get(id);
    }

    public List<Call> calls() {
        return calls;
    }

    /** Service ids of real and inferred nodes (no client), in discovery order: TraceSummary.ServiceIds. */
    public List<ServiceId> serviceIds() {
        List<ServiceId> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            if (n.kind() != Kind.CLIENT) {
                out.add(n.id());
            }
        }
        return out;
    }

    /** The inferred node a subsegment (of this trace's assembled tree) calls, or null. */
    public ServiceId inferredNodeOf(Segment subsegment) {
        return inferredBySubsegment.get(subsegment);
    }

    /** The real node of a top-level segment. */
    public static ServiceId serviceOf(Segment segment) {
        return new ServiceId(segment.name() == null ? "" : segment.name(), segment.origin(),
                segment.awsText("account_id"));
    }

    static CallGraph of(Trace trace) {
        Builder b = new Builder(trace);
        for (Segment s : trace.segments()) {
            if (!s.isInferred()) { // re-derived from the caller subsegments
                b.segment(s);
            }
        }
        return b.build();
    }

    private static final class Builder {
        private final Trace trace;
        private final Map<ServiceId, Kind> kinds = new LinkedHashMap<>();
        private final Map<ServiceId, Boolean> rootFlags = new LinkedHashMap<>();
        private final Map<ServiceId, List<Segment>> samples = new LinkedHashMap<>();
        private final List<Call> calls = new ArrayList<>();
        private final Map<Segment, ServiceId> inferred = new IdentityHashMap<>();

        Builder(Trace trace) {
            this.trace = trace;
        }

        private void node(ServiceId id, Kind kind, Segment sample, boolean root) {
            kinds.merge(id, kind, (a, b) -> a == Kind.REAL || b == Kind.REAL ? Kind.REAL : a);
            rootFlags.merge(id, root, Boolean::logicalOr);
            List<Segment> list = samples.computeIfAbsent(id, k -> new ArrayList<>(2));
            if (sample != null) {
                list.add(sample);
            }
        }

        void segment(Segment s) {
            ServiceId me = serviceOf(s);
            boolean root = s.parentId() == null || trace.entity(s.parentId()) == null;
            if (root) {
                ServiceId client = new ServiceId(me.name(), ServiceId.CLIENT, null);
                node(client, Kind.CLIENT, null, false);
                node(me, Kind.REAL, s, true);
                calls.add(new Call(client, me, s, s));
            } else {
                node(me, Kind.REAL, s, false);
                Segment parent = trace.entity(s.parentId());
                if (parent != null && parent == trace.ownerOf(s.parentId())) {
                    // parent is a whole segment (Lambda service → function): the parent times the call
                    calls.add(new Call(serviceOf(parent), me, parent, s));
                }
            }
            for (Segment sub : s.subsegments()) {
                subsegment(me, sub);
            }
        }

        private void subsegment(ServiceId caller, Segment sub) {
            List<Segment> callees = sub.id() == null ? List.of() : trace.segmentsWithParent(sub.id());
            ServiceId target = InferredServices.of(sub);
            if (callees.isEmpty()) {
                if (target != null) {
                    node(target, Kind.INFERRED, sub, false);
                    inferred.put(sub, target);
                    calls.add(new Call(caller, target, sub, null));
                }
            } else if (target != null && "aws".equals(sub.namespace()) && !InferredServices.isLambdaInvoke(sub)) {
                // asynchronous AWS hop (SNS publish, SQS send): caller → topic → callee segment(s)
                node(target, Kind.INFERRED, sub, false);
                inferred.put(sub, target);
                calls.add(new Call(caller, target, sub, null));
                for (Segment callee : callees) {
                    calls.add(new Call(target, serviceOf(callee), callee, callee));
                }
            } else {
                for (Segment callee : callees) {
                    calls.add(new Call(caller, serviceOf(callee), sub, callee));
                }
            }
            for (Segment child : sub.subsegments()) {
                subsegment(caller, child);
            }
        }

        CallGraph build() {
            // real nodes of callee segments are registered when their own segment is walked; make sure the order of
            // discovery is stable: nodes are kept in insertion order of the walk.
            List<Node> nodes = new ArrayList<>(kinds.size());
            for (Map.Entry<ServiceId, Kind> e : kinds.entrySet()) {
                ServiceId id = e.getKey();
                nodes.add(new Node(id, e.getValue(), rootFlags.get(id),
                        Collections.unmodifiableList(samples.get(id))));
            }
            return new CallGraph(nodes, calls, inferred);
        }
    }
}
