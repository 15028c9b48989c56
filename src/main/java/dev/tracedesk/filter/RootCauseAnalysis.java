package dev.tracedesk.filter;

import dev.tracedesk.xray.Outcome;
import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.segment.Cause;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.trace.CallGraph;
import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Root causes derived from an assembled trace with the backend approximation of spec §2.2: the fault (error) causes
 * are the deepest faulted (errored) entities whose children are clean, each reported as the path of services and
 * entities from the root segment down to it; the response-time cause follows the slowest child at each level and
 * reports each entity's share of the root response time as coverage.
 */
final class RootCauseAnalysis {
    private RootCauseAnalysis() {
    }

    static TraceFacts.RootCauses of(Trace trace) {
        Segment root = trace.root();
        if (root == null) return TraceFacts.RootCauses.NONE;
        Walk walk = new Walk(trace);
        List<RootCauseFacts.Cause> fault = walk.causes(root, Outcome::isFault, Outcome.isFault(root));
        List<RootCauseFacts.Cause> error = walk.causes(root, Outcome::isError, Outcome.isError(root));
        List<RootCauseFacts.Cause> rt = walk.responseTime(root);
        return new TraceFacts.RootCauses(fault.toArray(new RootCauseFacts.Cause[0]),
                error.toArray(new RootCauseFacts.Cause[0]), rt.toArray(new RootCauseFacts.Cause[0]));
    }

    /** One step of a path: the entity and the top-level segment (node) it belongs to. */
    private record Step(Segment entity, Segment owner) {
    }

    /** The walks over one trace; children are: embedded subsegments (same node) and callee segments (new node). */
    private static final class Walk {
        private final Trace trace;
        private final Map<Segment, Boolean> badBelow = new IdentityHashMap<>();
        private Predicate<Segment> bad;

        Walk(Trace trace) {
            this.trace = trace;
        }

        private List<Segment> callees(Segment entity) {
            return entity.id() == null ? List.of() : trace.segmentsWithParent(entity.id());
        }

        List<RootCauseFacts.Cause> causes(Segment root, Predicate<Segment> bad, boolean clientImpacting) {
            this.bad = bad;
            badBelow.clear();
            if (!bad.test(root) && !hasBadDescendant(root, 0)) return List.of();
            Set<RootCauseFacts.Cause> out = new LinkedHashSet<>();
            walk(root, root, new ArrayList<>(), clientImpacting, out, 0);
            return new ArrayList<>(out);
        }

        private void walk(Segment entity, Segment owner, List<Step> path, boolean clientImpacting,
                          Set<RootCauseFacts.Cause> out, int depth) {
            if (depth > 256) return; // malformed parent cycles cannot recurse forever
            path.add(new Step(entity, owner));
            boolean badChild = false;
            for (Segment c : entity.subsegments()) {
                if (bad.test(c) || hasBadDescendant(c, depth + 1)) {
                    badChild = true;
                    walk(c, owner, path, clientImpacting, out, depth + 1);
                }
            }
            for (Segment c : callees(entity)) {
                if (bad.test(c) || hasBadDescendant(c, depth + 1)) {
                    badChild = true;
                    walk(c, c, path, clientImpacting, out, depth + 1); // a callee segment starts a new node
                }
            }
            if (!badChild && bad.test(entity)) out.add(cause(trace, path, clientImpacting, Double.NaN));
            path.remove(path.size() - 1);
        }

        private boolean hasBadDescendant(Segment s, int depth) {
            Boolean known = badBelow.get(s);
            if (known != null) return known;
            boolean found = false;
            if (depth <= 256) {
                for (Segment c : s.subsegments()) {
                    if (bad.test(c) || hasBadDescendant(c, depth + 1)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    for (Segment c : callees(s)) {
                        if (bad.test(c) || hasBadDescendant(c, depth + 1)) {
                            found = true;
                            break;
                        }
                    }
                }
            }
            badBelow.put(s, found);
            return found;
        }

        List<RootCauseFacts.Cause> responseTime(Segment root) {
            double rootTime = root.duration();
            if (!(rootTime > 0)) return List.of();
            List<Step> path = new ArrayList<>();
            Segment entity = root;
            Segment owner = root;
            for (int depth = 0; entity != null && depth < 256; depth++) {
                path.add(new Step(entity, owner));
                Segment slowest = null;
                boolean slowestIsCallee = false;
                for (Segment c : entity.subsegments()) {
                    if (c.isComplete() && (slowest == null || c.duration() > slowest.duration())) slowest = c;
                }
                for (Segment c : callees(entity)) {
                    if (c.isComplete() && (slowest == null || c.duration() > slowest.duration())) {
                        slowest = c;
                        slowestIsCallee = true;
                    }
                }
                if (slowestIsCallee) owner = slowest;
                entity = slowest;
            }
            return List.of(cause(trace, path, false, rootTime));
        }
    }

    /** Groups the path by node; a last entity that calls an inferred node adds that node as the final service. */
    private static RootCauseFacts.Cause cause(Trace trace, List<Step> path, boolean clientImpacting, double rootTime) {
        List<RootCauseFacts.Service> services = new ArrayList<>();
        List<RootCauseFacts.Entity> entities = new ArrayList<>();
        Segment currentOwner = null;
        for (Step step : path) {
            if (currentOwner != null && step.owner() != currentOwner) {
                services.add(service(CallGraph.serviceOf(currentOwner), false, entities));
                entities = new ArrayList<>();
            }
            currentOwner = step.owner();
            entities.add(entity(step.entity(), step.entity().name(), rootTime));
        }
        services.add(service(CallGraph.serviceOf(currentOwner), false, entities));
        Segment last = path.get(path.size() - 1).entity();
        ServiceId inferred = last != currentOwner ? trace.callGraph().inferredNodeOf(last) : null;
        if (inferred != null) {
            List<RootCauseFacts.Entity> e = new ArrayList<>();
            e.add(new RootCauseFacts.Entity(inferred.name(), true, Double.isNaN(rootTime) ? Double.NaN
                    : last.duration() / rootTime, new RootCauseFacts.Exception[0]));
            services.add(service(inferred, true, e));
        }
        return new RootCauseFacts.Cause(services.toArray(new RootCauseFacts.Service[0]), clientImpacting);
    }

    private static RootCauseFacts.Service service(ServiceId id, boolean inferred, List<RootCauseFacts.Entity> path) {
        return new RootCauseFacts.Service(id.name(), id.type(), id.accountId(), inferred,
                path.toArray(new RootCauseFacts.Entity[0]));
    }

    private static RootCauseFacts.Entity entity(Segment s, String name, double rootTime) {
        List<RootCauseFacts.Exception> exceptions = new ArrayList<>();
        boolean remote = false;
        Cause cause = s.cause();
        if (cause != null && cause.exceptions() != null) {
            for (Cause.ExceptionInfo x : cause.exceptions()) {
                exceptions.add(new RootCauseFacts.Exception(x.type(), x.message()));
                remote |= x.isRemote();
            }
        }
        double coverage = Double.isNaN(rootTime) ? Double.NaN : s.duration() / rootTime;
        return new RootCauseFacts.Entity(name, remote, coverage, exceptions.toArray(new RootCauseFacts.Exception[0]));
    }
}
