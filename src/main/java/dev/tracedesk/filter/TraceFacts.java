package dev.tracedesk.filter;

import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.trace.Trace;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A compact, precomputed view of one assembled trace: everything a {@link CompiledFilter} reads, and nothing else.
 * Build it once per trace (and again when the trace changes) with {@link #of(Trace)} or, to share the structure of
 * similar traces in memory, with a long-lived {@link TraceFactsBuilder}; then evaluate any number of filters against it
 * without allocating.
 *
 * <p>Memory: per trace one object with the trace-level numbers, one {@code double[]} (one time per distinct segment or
 * call, then the response-time root-cause coverages), the annotation values, and references to immutable parts (the
 * "shape": nodes, segments, calls, per-segment strings; annotation keys; root causes) that a {@link TraceFactsBuilder}
 * interns, so traces of the same shape share one copy. FilterBench measures about 330 bytes per shop-like trace
 * (unique order-id annotations and a ~15-entity response-time path included). Immutable and thread-safe.
 */
public final class TraceFacts {

    // trace-level flag bits (also used per segment / call entry in Shape.entryFlags)
    static final int OK = 1;
    static final int ERROR = 1 << 1;
    static final int THROTTLE = 1 << 2;
    static final int FAULT = 1 << 3;
    static final int PARTIAL = 1 << 4;
    static final int INFERRED = 1 << 5;
    static final int ROOT = 1 << 6;
    static final int HAS_ROOT = 1 << 7;

    final int flags;
    final int httpStatus;
    final double responseTime;
    final double duration;
    final Attrs root;
    final Shape shape;
    /** Distinct entity times (see {@link Shape#timeSlot}), then the response-time root-cause coverages in order. */
    final double[] times;
    final Annotations annotations;
    final RootCauses rootCauses;

    TraceFacts(int flags, int httpStatus, double responseTime, double duration, Attrs root, Shape shape,
               double[] times, Annotations annotations, RootCauses rootCauses) {
        this.flags = flags;
        this.httpStatus = httpStatus;
        this.responseTime = responseTime;
        this.duration = duration;
        this.root = root;
        this.shape = shape;
        this.times = times;
        this.annotations = annotations;
        this.rootCauses = rootCauses;
    }

    /** Facts of {@code trace} (root causes from its TraceSummary), nothing shared with other traces. */
    public static TraceFacts of(Trace trace) {
        return new TraceFactsBuilder(0).build(trace);
    }

    /** Root segment outcome ok (no fault, error or throttle); false without a root. */
    public boolean isOk() {
        return (flags & OK) != 0;
    }

    /** Root segment has the error flag, the throttle flag or a 4xx status (429 included). */
    public boolean isError() {
        return (flags & ERROR) != 0;
    }

    /** Root segment has the throttle flag or status 429. */
    public boolean isThrottle() {
        return (flags & THROTTLE) != 0;
    }

    /** Root segment has the fault flag or a 5xx status. */
    public boolean isFault() {
        return (flags & FAULT) != 0;
    }

    /** Some segment or subsegment is in progress (or a subsegment's parent is missing). */
    public boolean isPartial() {
        return (flags & PARTIAL) != 0;
    }

    /** The trace has inferred nodes (DynamoDB tables, SNS topics, remote HTTP hosts, ...). */
    public boolean hasInferred() {
        return (flags & INFERRED) != 0;
    }

    /** Root segment HTTP response status, or -1 when it has none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Root segment end − start in seconds, NaN when unknown (in progress / no root). */
    public double responseTime() {
        return responseTime;
    }

    /** Latest end − earliest start over all segments, seconds; NaN when unknown. */
    public double duration() {
        return duration;
    }

    /** Root segment {@code http.request.url}, or null. */
    public String httpUrl() {
        return root.url;
    }

    /** Root segment {@code http.request.method}, or null. */
    public String httpMethod() {
        return root.method;
    }

    /** Nodes (real and inferred, no client nodes) the trace touches, in discovery order. */
    public List<ServiceId> services() {
        return List.of(shape.nodes);
    }

    /** Number of segment entries (real segments and inferred-node calls) that service() bodies see. */
    public int segmentCount() {
        return shape.segmentCount;
    }

    /** Number of calls between two nodes of the trace (client calls excluded) that edge() bodies see. */
    public int callCount() {
        return shape.callFrom.length;
    }

    /** Index in {@link #times} of the first response-time root-cause coverage. */
    int coverageBase() {
        return shape.slotCount;
    }

    @Override
    public String toString() {
        return "TraceFacts{rt=" + responseTime + ", duration=" + duration + ", status=" + httpStatus + ", nodes="
                + Arrays.toString(shape.nodes) + "}";
    }

    // ---------------------------------------------------------------------------------------------- shared parts

    /** Strings of one segment or call (null = absent). Immutable; interned by {@link TraceFactsBuilder}. */
    static final class Attrs {
        static final Attrs EMPTY = new Attrs(null, null, null, null, null, null, null, null);

        final String url;
        final String method;
        final String userAgent;
        final String clientIp;
        final String user;
        final String zone;
        final String instanceId;
        final String resourceArn;

        Attrs(String url, String method, String userAgent, String clientIp, String user, String zone,
              String instanceId, String resourceArn) {
            this.url = url;
            this.method = method;
            this.userAgent = userAgent;
            this.clientIp = clientIp;
            this.user = user;
            this.zone = zone;
            this.instanceId = instanceId;
            this.resourceArn = resourceArn;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Attrs a && Objects.equals(url, a.url) && Objects.equals(method, a.method)
                    && Objects.equals(userAgent, a.userAgent) && Objects.equals(clientIp, a.clientIp)
                    && Objects.equals(user, a.user) && Objects.equals(zone, a.zone)
                    && Objects.equals(instanceId, a.instanceId) && Objects.equals(resourceArn, a.resourceArn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(url, method, userAgent, clientIp, user, zone, instanceId, resourceArn);
        }
    }

    /**
     * The structure of a trace: nodes, then "entries" — first the segments that service() bodies iterate (real
     * segments of real nodes, caller subsegments of inferred nodes), then the calls edge() bodies iterate.
     * Per-entry numbers that vary from trace to trace (times) live in {@link TraceFacts#times}.
     */
    static final class Shape {
        final ServiceId[] nodes;
        final int segmentCount;
        /** segment entry: its node; call entry: the callee node. */
        final short[] entryNode;
        /** call entries only (index − segmentCount): the caller node. Calls from client nodes are not kept. */
        final short[] callFrom;
        final int[] entryFlags;
        final short[] entryStatus;
        /** Index in {@link TraceFacts#times} of each entry's end − start. */
        final short[] timeSlot;
        final int slotCount;
        final Attrs[] entryAttrs;
        /** Trace-level "any segment" values. */
        final String[] users;
        final String[] zones;
        final String[] instanceIds;
        final String[] resourceArns;
        final String[] accountIds;
        private final int hash;

        Shape(ServiceId[] nodes, int segmentCount, short[] entryNode, short[] callFrom, int[] entryFlags,
              short[] entryStatus, short[] timeSlot, int slotCount, Attrs[] entryAttrs, String[] users, String[] zones, String[] instanceIds,
              String[] resourceArns, String[] accountIds) {
            this.nodes = nodes;
            this.segmentCount = segmentCount;
            this.entryNode = entryNode;
            this.callFrom = callFrom;
            this.entryFlags = entryFlags;
            this.entryStatus = entryStatus;
            this.timeSlot = timeSlot;
            this.slotCount = slotCount;
            this.entryAttrs = entryAttrs;
            this.users = users;
            this.zones = zones;
            this.instanceIds = instanceIds;
            this.resourceArns = resourceArns;
            this.accountIds = accountIds;
            int h = Arrays.hashCode(nodes);
            h = 31 * h + segmentCount;
            h = 31 * h + Arrays.hashCode(entryNode);
            h = 31 * h + Arrays.hashCode(callFrom);
            h = 31 * h + Arrays.hashCode(entryFlags);
            h = 31 * h + Arrays.hashCode(entryStatus);
            h = 31 * h + Arrays.hashCode(timeSlot);
            h = 31 * h + Arrays.hashCode(entryAttrs);
            h = 31 * h + Arrays.hashCode(users);
            h = 31 * h + Arrays.hashCode(zones);
            h = 31 * h + Arrays.hashCode(instanceIds);
            h = 31 * h + Arrays.hashCode(resourceArns);
            h = 31 * h + Arrays.hashCode(accountIds);
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && hash == s.hash && segmentCount == s.segmentCount
                    && Arrays.equals(nodes, s.nodes) && Arrays.equals(entryNode, s.entryNode)
                    && Arrays.equals(callFrom, s.callFrom) && Arrays.equals(entryFlags, s.entryFlags)
                    && Arrays.equals(entryStatus, s.entryStatus) && Arrays.equals(timeSlot, s.timeSlot)
                    && slotCount == s.slotCount && Arrays.equals(entryAttrs, s.entryAttrs)
                    && Arrays.equals(users, s.users) && Arrays.equals(zones, s.zones)
                    && Arrays.equals(instanceIds, s.instanceIds) && Arrays.equals(resourceArns, s.resourceArns)
                    && Arrays.equals(accountIds, s.accountIds);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Distinct (key, value) annotation pairs over all (sub)segments; values are String, Double or Boolean. */
    static final class Annotations {
        static final Annotations NONE = new Annotations(new String[0], new Object[0]);

        final String[] keys;
        final Object[] values;

        Annotations(String[] keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Annotations a && Arrays.equals(keys, a.keys) && Arrays.equals(values, a.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
        }
    }

    /** The three root-cause lists of the trace summary (§2.2). */
    record RootCauses(RootCauseFacts.Cause[] fault, RootCauseFacts.Cause[] error, RootCauseFacts.Cause[] responseTime) {
        static final RootCauses NONE = new RootCauses(new RootCauseFacts.Cause[0], new RootCauseFacts.Cause[0],
                new RootCauseFacts.Cause[0]);

        @Override
        public boolean equals(Object o) {
            return o instanceof RootCauses r && Arrays.equals(fault, r.fault) && Arrays.equals(error, r.error)
                    && Arrays.equals(responseTime, r.responseTime);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(fault) * 961 + Arrays.hashCode(error) * 31 + Arrays.hashCode(responseTime);
        }

        @Override
        public String toString() {
            return "RootCauses{fault=" + Arrays.toString(fault) + ", error=" + Arrays.toString(error)
                    + ", responseTime=" + Arrays.toString(responseTime) + "}";
        }
    }
}
