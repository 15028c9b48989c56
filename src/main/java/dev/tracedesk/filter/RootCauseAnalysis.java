package dev.tracedesk.filter;

import dev.tracedesk.xray.Outcome;
import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.segment.Cause;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.trace.CallGraph;
import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
        boolean rootFault = Outcome.isFault(root);
        boolean rootError = Outcome.isError(root);
        List<RootCauseFacts.Cause> fault = causes(trace, root, Outcome::isFault, rootFault);
        List<RootCauseFacts.Cause> error = causes(trace, root, Outcome::isError, rootError);
        List<RootCauseFacts.Cause> rt = responseTime(trace, root);
        return new TraceFacts.RootCauses(fault.toArray(new RootCauseFacts.Cause[0]),
                error.toArray(new RootCauseFacts.Cause[0]), rt.toArray(new RootCauseFacts.Cause[0]));
    }

    /** One step of a path: the entity and the top-level segment (node) it belongs to. */
    private record Step(Segment entity, Segment owner) {
    }

    private static List<Segment> children(Trace trace, Segment entity) {
        List<Segment> out = new ArrayList<>(entity.subsegments());
        if (entity.id() != null) out.addAll(trace.segmentsWithParent(entity.id()));
        return out;
    }

    private static List<RootCauseFacts.Cause> causes(Trace trace, Segment root, Predicate<Segment> bad,
                                                     boolean clientImpacting) {
        Set<RootCauseFacts.Cause> out = new LinkedHashSet<>();
        walk(trace, root, root, new ArrayList<>(), bad, clientImpacting, out, 0);
        return new ArrayList<>(out);
    }

    private static void walk(Trace trace, Segment entity, Segment owner, List<Step> path, Predicate<Segment> bad,
                             boolean clientImpacting, Set<RootCauseFacts.Cause> out, int depth) {
        if (depth > 256) return; // malformed parent cycles cannot recurse forever
        path.add(new Step(entity, owner));
        boolean badChild = false;
        for (Segment c : children(trace, entity)) {
            if (bad.test(c) || hasBadDescendant(trace, c, bad, depth + 1)) {
                badChild = true;
                boolean topLevel = !entity.subsegments().contains(c); // a callee segment starts a new node
                walk(trace, c, topLevel ? c : owner, path, bad, clientImpacting, out, depth + 1);
            }
        }
        if (!badChild && bad.test(entity)) out.add(cause(trace, path, clientImpacting, Double.NaN));
        path.remove(path.size() - 1);
    }

    private static boolean hasBadDescendant(Trace trace, Segment s, Predicate<Segment> bad, int depth) {
        if (depth > 256) return false;
        for (Segment c : children(trace, s)) {
            if (bad.test(c) || hasBadDescendant(trace, c, bad, depth + 1)) return true;
        }
        return false;
    }

    private static List<RootCauseFacts.Cause> responseTime(Trace trace, Segment root) {
        double rootTime = root.duration();
        if (!(rootTime > 0)) return List.of();
        List<Step> path = new ArrayList<>();
        Segment entity = root;
        Segment owner = root;
        for (int depth = 0; entity != null && depth < 256; depth++) {
            path.add(new Step(entity, owner));
            Segment slowest = null;
            for (Segment c : children(trace, entity)) {
                if (c.isComplete() && (slowest == null || c.duration() > slowest.duration())) slowest = c;
            }
            if (slowest != null && !entity.subsegments().contains(slowest)) owner = slowest;
            entity = slowest;
        }
        return List.of(cause(trace, path, false, rootTime));
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
