package dev.tracedesk.filter;

import dev.tracedesk.xray.ServiceId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a syntax tree into matchers for the evaluation contexts of spec §9.3:
 * <ul>
 *   <li>trace level ({@link TraceMatcher}): status keywords and http.* from the root segment, duration from the trace,
 *       user / availabilityzone / instance.id / resource.arn / account.id / annotations if any segment has them;</li>
 *   <li>service() and edge() bodies ({@link EntryMatcher}): the keywords refer to one segment of the node, or to one
 *       call on the edge (the caller-side subsegment); true if some segment / call satisfies the body;</li>
 *   <li>root-cause bodies ({@link CauseMatcher}): true if some element of the list satisfies the body.</li>
 * </ul>
 * Absent values never satisfy a comparison: {@code kw != v} means "the value exists and differs" (for multi-valued
 * keywords: "some value exists and none equals v"), and numbers compare false against an unknown (NaN) time.
 */
final class FilterCompiler {
    private final FilterOptions options;
    private final Set<String> groupsInProgress = new HashSet<>();

    FilterCompiler(FilterOptions options) {
        this.options = options;
    }

    abstract static class TraceMatcher {
        abstract boolean test(TraceFacts f);
    }

    /** Over one entry (segment or call) of {@link TraceFacts.Shape}. */
    abstract static class EntryMatcher {
        abstract boolean test(TraceFacts f, int e);
    }

    /** Over one root-cause element; lower levels are null when matching a higher one. */
    abstract static class CauseMatcher {
        abstract boolean test(RootCauseFacts.Service s, RootCauseFacts.Entity en, RootCauseFacts.Exception x,
                              int index, boolean last);
    }

    // ================================================================================================ trace level

    TraceMatcher trace(Expr e) {
        if (e instanceof Expr.And a) {
            TraceMatcher l = trace(a.left());
            TraceMatcher r = trace(a.right());
            return new TraceMatcher() {
                boolean test(TraceFacts f) {
                    return l.test(f) && r.test(f);
                }
            };
        }
        if (e instanceof Expr.Or o) {
            TraceMatcher l = trace(o.left());
            TraceMatcher r = trace(o.right());
            return new TraceMatcher() {
                boolean test(TraceFacts f) {
                    return l.test(f) || r.test(f);
                }
            };
        }
        if (e instanceof Expr.Not n) {
            TraceMatcher m = trace(n.operand());
            return new TraceMatcher() {
                boolean test(TraceFacts f) {
                    return !m.test(f);
                }
            };
        }
        if (e instanceof Expr.BoolTest b) return new TraceFlag(traceBit(b.keyword()), b.expected());
        if (e instanceof Expr.NumberTest n) return traceNumber(n);
        if (e instanceof Expr.StringTest s) return traceString(s);
        if (e instanceof Expr.AnnotationTest a) return new AnnotationMatcher(a, strings(a));
        if (e instanceof Expr.Service s) {
            return new ServiceMatcher(node(s.node()), s.body() == null ? null : entry(s.body()));
        }
        if (e instanceof Expr.Edge ed) {
            return new EdgeMatcher(node(ed.source()), node(ed.destination()),
                    ed.body() == null ? null : entry(ed.body()));
        }
        if (e instanceof Expr.Group g) return group(g);
        if (e instanceof Expr.RootCause rc) return new RootCauseMatcher(rc.kind(), rc.level(), cause(rc.body(), rc.level()));
        if (e instanceof Expr.RootCauseJson j) return new RootCauseJsonMatcher(j.pattern());
        throw new IllegalStateException("unexpected " + e);
    }

    private static int traceBit(BoolKeyword k) {
        switch (k) {
            case OK: return TraceFacts.OK;
            case ERROR: return TraceFacts.ERROR;
            case THROTTLE: return TraceFacts.THROTTLE;
            case FAULT: return TraceFacts.FAULT;
            case PARTIAL: return TraceFacts.PARTIAL;
            case INFERRED: return TraceFacts.INFERRED;
            case ROOT: return TraceFacts.ROOT;
            default: throw new IllegalStateException(k + " at trace level");
        }
    }

    private static final class TraceFlag extends TraceMatcher {
        private final int bit;
        private final boolean expected;

        TraceFlag(int bit, boolean expected) {
            this.bit = bit;
            this.expected = expected;
        }

        @Override
        boolean test(TraceFacts f) {
            return ((f.flags & bit) != 0) == expected;
        }
    }

    static boolean compare(double v, Op op, double x) {
        if (Double.isNaN(v)) return false;
        switch (op) {
            case EQ: return v == x;
            case NE: return v != x;
            case LT: return v < x;
            case LE: return v <= x;
            case GT: return v > x;
            default: return v >= x;
        }
    }

    private TraceMatcher traceNumber(Expr.NumberTest n) {
        Op op = n.op();
        double x = n.value();
        switch (n.keyword()) {
            case RESPONSETIME:
                if (op == Op.GT) {
                    return new TraceMatcher() { // the histogram-brush hot path, kept branch-free
                        boolean test(TraceFacts f) {
                            return f.responseTime > x;
                        }
                    };
                }
                return new TraceMatcher() {
                    boolean test(TraceFacts f) {
                        return compare(f.responseTime, op, x);
                    }
                };
            case DURATION:
                return new TraceMatcher() {
                    boolean test(TraceFacts f) {
                        return compare(f.duration, op, x);
                    }
                };
            case HTTP_STATUS:
                return new TraceMatcher() {
                    boolean test(TraceFacts f) {
                        return f.httpStatus >= 0 && compare(f.httpStatus, op, x);
                    }
                };
            default:
                throw new IllegalStateException(n.keyword() + " at trace level");
        }
    }

    private StringMatch strings(Expr.StringTest s) {
        return s.op() == null ? null : new StringMatch(s.op(), s.value(), options.caseInsensitiveStrings());
    }

    private StringMatch strings(Expr.AnnotationTest a) {
        return a.value() instanceof Expr.StringLiteral s
                ? new StringMatch(a.op(), s.value(), options.caseInsensitiveStrings()) : null;
    }

    private TraceMatcher traceString(Expr.StringTest s) {
        StringMatch m = strings(s);
        Op op = s.op();
        switch (s.keyword()) {
            case HTTP_URL:
            case HTTP_METHOD:
            case HTTP_USERAGENT:
            case HTTP_CLIENTIP: {
                int field = s.keyword().ordinal();
                return new TraceMatcher() {
                    boolean test(TraceFacts f) {
                        return single(attr(f.root, field), op, m);
                    }
                };
            }
            default: {
                int field = s.keyword().ordinal();
                return new TraceMatcher() {
                    boolean test(TraceFacts f) {
                        return any(traceValues(f.shape, field), op, m);
                    }
                };
            }
        }
    }

    private static String[] traceValues(TraceFacts.Shape s, int field) {
        if (field == StringKeyword.USER.ordinal()) return s.users;
        if (field == StringKeyword.AVAILABILITYZONE.ordinal()) return s.zones;
        if (field == StringKeyword.INSTANCE_ID.ordinal()) return s.instanceIds;
        if (field == StringKeyword.RESOURCE_ARN.ordinal()) return s.resourceArns;
        return s.accountIds;
    }

    /** The attribute of a segment/call for a string keyword ordinal, or null. */
    private static String attr(TraceFacts.Attrs a, int field) {
        switch (StringKeyword.values()[field]) {
            case HTTP_URL: return a.url;
            case HTTP_METHOD: return a.method;
            case HTTP_USERAGENT: return a.userAgent;
            case HTTP_CLIENTIP: return a.clientIp;
            case USER: return a.user;
            case AVAILABILITYZONE: return a.zone;
            case INSTANCE_ID: return a.instanceId;
            case RESOURCE_ARN: return a.resourceArn;
            default: return null;
        }
    }

    /** One value: bare = exists; != = exists and differs; others per {@link StringMatch}. */
    static boolean single(String v, Op op, StringMatch m) {
        if (v == null) return false;
        if (op == null) return true;
        if (op == Op.NE) return !m.test(v);
        return m.test(v);
    }

    /** Several values ("any segment"): bare = some exists; != = some exists and none equals; others = some matches. */
    static boolean any(String[] values, Op op, StringMatch m) {
        if (values.length == 0) return false;
        if (op == null) return true;
        if (op == Op.NE) {
            for (String v : values) if (m.test(v)) return false;
            return true;
        }
        for (String v : values) if (m.test(v)) return true;
        return false;
    }

    /** annotation.KEY over the distinct (key, value) pairs of all segments. */
    private static final class AnnotationMatcher extends TraceMatcher {
        private final String key;
        private final Op op;
        private final Expr.Literal literal;
        private final StringMatch strings;
        private final double number;

        AnnotationMatcher(Expr.AnnotationTest a, StringMatch strings) {
            this.key = a.key();
            this.op = a.op();
            this.literal = a.value();
            this.strings = strings;
            this.number = literal instanceof Expr.NumberLiteral n ? n.value() : Double.NaN;
        }

        @Override
        boolean test(TraceFacts f) {
            String[] keys = f.annotations.keys;
            Object[] values = f.annotations.values;
            boolean present = false;
            for (int k = 0; k < keys.length; k++) {
                if (!key.equals(keys[k])) continue;
                present = true;
                if (op == null) return true;
                if (op != Op.NE && matches(values[k], op)) return true;
                if (op == Op.NE && matches(values[k], Op.EQ)) return false;
            }
            return present && op == Op.NE;
        }

        private boolean matches(Object v, Op o) {
            if (literal instanceof Expr.NumberLiteral) return v instanceof Double d && compare(d, o, number);
            if (literal instanceof Expr.StringLiteral) return v instanceof String s && (o == Op.EQ ? strings.equalsValue(s) : strings.test(s));
            return v instanceof Boolean b && b == ((Expr.BoolLiteral) literal).value();
        }
    }

    // ------------------------------------------------------------------------------------------ service / edge

    /** Matches a node reference against a node id; null fields are wildcards. */
    static final class NodeMatch {
        private final String name;
        private final String type;
        private final String account;
        private final boolean ci;

        NodeMatch(Expr.NodeRef ref, boolean ci) {
            this.name = ref.name();
            this.type = ref.type();
            this.account = ref.accountId();
            this.ci = ci;
        }

        boolean matches(ServiceId id) {
            return same(name, id.name()) && same(type, id.type()) && same(account, id.accountId());
        }

        private boolean same(String want, String have) {
            if (want == null) return true;
            if (have == null) return false;
            return ci ? want.equalsIgnoreCase(have) : want.equals(have);
        }
    }

    private NodeMatch node(Expr.NodeRef ref) {
        return ref == null ? null : new NodeMatch(ref, options.caseInsensitiveStrings());
    }

    private static final class ServiceMatcher extends TraceMatcher {
        private final NodeMatch node;
        private final EntryMatcher body;

        ServiceMatcher(NodeMatch node, EntryMatcher body) {
            this.node = node;
            this.body = body;
        }

        @Override
        boolean test(TraceFacts f) {
            TraceFacts.Shape s = f.shape;
            ServiceId[] nodes = s.nodes;
            if (body == null) {
                if (node == null) return nodes.length > 0;
                for (ServiceId id : nodes) if (node.matches(id)) return true;
                return false;
            }
            short[] entryNode = s.entryNode;
            for (int e = 0; e < s.segmentCount; e++) {
                if ((node == null || node.matches(nodes[entryNode[e]])) && body.test(f, e)) return true;
            }
            return false;
        }
    }

    private static final class EdgeMatcher extends TraceMatcher {
        private final NodeMatch source;
        private final NodeMatch destination;
        private final EntryMatcher body;

        EdgeMatcher(NodeMatch source, NodeMatch destination, EntryMatcher body) {
            this.source = source;
            this.destination = destination;
            this.body = body;
        }

        @Override
        boolean test(TraceFacts f) {
            TraceFacts.Shape s = f.shape;
            short[] from = s.callFrom;
            for (int c = 0; c < from.length; c++) {
                int e = s.segmentCount + c;
                int to = s.entryNode[e];
                if (from[c] < 0 || to < 0) continue;
                if (source.matches(s.nodes[from[c]]) && destination.matches(s.nodes[to])
                        && (body == null || body.test(f, e))) {
                    return true;
                }
            }
            return false;
        }
    }

    // ============================================================================== service() / edge() bodies

    EntryMatcher entry(Expr e) {
        if (e instanceof Expr.And a) {
            EntryMatcher l = entry(a.left());
            EntryMatcher r = entry(a.right());
            return new EntryMatcher() {
                boolean test(TraceFacts f, int i) {
                    return l.test(f, i) && r.test(f, i);
                }
            };
        }
        if (e instanceof Expr.Or o) {
            EntryMatcher l = entry(o.left());
            EntryMatcher r = entry(o.right());
            return new EntryMatcher() {
                boolean test(TraceFacts f, int i) {
                    return l.test(f, i) || r.test(f, i);
                }
            };
        }
        if (e instanceof Expr.Not n) {
            EntryMatcher m = entry(n.operand());
            return new EntryMatcher() {
                boolean test(TraceFacts f, int i) {
                    return !m.test(f, i);
                }
            };
        }
        if (e instanceof Expr.BoolTest b) {
            int bit = traceBit(b.keyword());
            boolean expected = b.expected();
            return new EntryMatcher() {
                boolean test(TraceFacts f, int i) {
                    return ((f.shape.entryFlags[i] & bit) != 0) == expected;
                }
            };
        }
        if (e instanceof Expr.NumberTest n) {
            Op op = n.op();
            double x = n.value();
            if (n.keyword() == NumberKeyword.HTTP_STATUS) {
                return new EntryMatcher() {
                    boolean test(TraceFacts f, int i) {
                        int st = f.shape.entryStatus[i];
                        return st >= 0 && compare(st, op, x);
                    }
                };
            }
            return new EntryMatcher() { // responsetime and duration are both the entity's end − start
                boolean test(TraceFacts f, int i) {
                    return compare(f.times[i], op, x);
                }
            };
        }
        if (e instanceof Expr.StringTest s) {
            StringMatch m = strings(s);
            Op op = s.op();
            int field = s.keyword().ordinal();
            return new EntryMatcher() {
                boolean test(TraceFacts f, int i) {
                    return single(entryString(f.shape, i, field), op, m);
                }
            };
        }
        throw new IllegalStateException("unexpected in a body: " + e);
    }

    private static String entryString(TraceFacts.Shape s, int e, int field) {
        if (field == StringKeyword.NAME.ordinal() || field == StringKeyword.TYPE.ordinal()
                || field == StringKeyword.ACCOUNT_ID.ordinal()) {
            int n = s.entryNode[e];
            if (n < 0) return null;
            ServiceId id = s.nodes[n];
            return field == StringKeyword.NAME.ordinal() ? id.name()
                    : field == StringKeyword.TYPE.ordinal() ? id.type() : id.accountId();
        }
        return attr(s.entryAttrs[e], field);
    }

    // ================================================================================================= groups

    private TraceMatcher group(Expr.Group g) {
        FilterOptions.GroupResolver r = options.groups();
        boolean byName = g.attribute() == Expr.GroupAttribute.NAME;
        String text = r == null ? null : byName ? r.expressionByName(g.value()) : r.expressionByArn(g.value());
        if (text == null) {
            throw new FilterSyntaxException("unknown group " + (byName ? "name" : "ARN") + " \"" + g.value() + "\"", 0, 0);
        }
        String key = g.attribute() + ":" + g.value();
        if (!groupsInProgress.add(key)) {
            throw new FilterSyntaxException("group \"" + g.value() + "\" refers to itself", 0, 0);
        }
        try {
            if (text.isBlank()) {
                return new TraceMatcher() { // a group without a filter expression holds every trace
                    boolean test(TraceFacts f) {
                        return true;
                    }
                };
            }
            return trace(FilterParser.parse(text));
        } finally {
            groupsInProgress.remove(key);
        }
    }

    // ============================================================================================ root causes

    private static final class RootCauseMatcher extends TraceMatcher {
        private final Expr.RootCauseKind kind;
        private final Expr.RootCauseLevel level;
        private final CauseMatcher body;

        RootCauseMatcher(Expr.RootCauseKind kind, Expr.RootCauseLevel level, CauseMatcher body) {
            this.kind = kind;
            this.level = level;
            this.body = body;
        }

        @Override
        boolean test(TraceFacts f) {
            RootCauseFacts.Cause[] list = kind == Expr.RootCauseKind.FAULT ? f.rootCauses.fault()
                    : kind == Expr.RootCauseKind.ERROR ? f.rootCauses.error() : f.rootCauses.responseTime();
            for (RootCauseFacts.Cause c : list) {
                RootCauseFacts.Service[] services = c.services();
                for (int si = 0; si < services.length; si++) {
                    RootCauseFacts.Service s = services[si];
                    if (level == Expr.RootCauseLevel.SERVICE) {
                        if (body.test(s, null, null, si, si == services.length - 1)) return true;
                        continue;
                    }
                    RootCauseFacts.Entity[] path = s.entityPath();
                    for (int ei = 0; ei < path.length; ei++) {
                        RootCauseFacts.Entity en = path[ei];
                        if (level == Expr.RootCauseLevel.ENTITY) {
                            if (body.test(s, en, null, ei, ei == path.length - 1)) return true;
                            continue;
                        }
                        RootCauseFacts.Exception[] xs = en.exceptions();
                        for (int xi = 0; xi < xs.length; xi++) {
                            if (body.test(s, en, xs[xi], xi, xi == xs.length - 1)) return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    CauseMatcher cause(Expr e, Expr.RootCauseLevel level) {
        if (e instanceof Expr.And a) {
            CauseMatcher l = cause(a.left(), level);
            CauseMatcher r = cause(a.right(), level);
            return new CauseMatcher() {
                boolean test(RootCauseFacts.Service s, RootCauseFacts.Entity en, RootCauseFacts.Exception x, int i, boolean last) {
                    return l.test(s, en, x, i, last) && r.test(s, en, x, i, last);
                }
            };
        }
        if (e instanceof Expr.Or o) {
            CauseMatcher l = cause(o.left(), level);
            CauseMatcher r = cause(o.right(), level);
            return new CauseMatcher() {
                boolean test(RootCauseFacts.Service s, RootCauseFacts.Entity en, RootCauseFacts.Exception x, int i, boolean last) {
                    return l.test(s, en, x, i, last) || r.test(s, en, x, i, last);
                }
            };
        }
        if (e instanceof Expr.Not n) {
            CauseMatcher m = cause(n.operand(), level);
            return new CauseMatcher() {
                boolean test(RootCauseFacts.Service s, RootCauseFacts.Entity en, RootCauseFacts.Exception x, int i, boolean last) {
                    return !m.test(s, en, x, i, last);
                }
            };
        }
        if (e instanceof Expr.BoolTest b) {
            BoolKeyword k = b.keyword();
            boolean expected = b.expected();
            return new CauseMatcher() {
                boolean test(RootCauseFacts.Service s, RootCauseFacts.Entity en, RootCauseFacts.Exception x, int i, boolean last) {
                    boolean v;
                    switch (k) {
                        case FIRST: v = i == 0; break;
                        case LAST: v = last; break;
                        case INFERRED: v = s.inferred(); break;
                        case REMOTE: v = en != null && en.remote(); break;
                        default: v = false;
                    }
                    return v == expected;
                }
            };
        }
        if (e instanceof Expr.NumberTest n) {
            boolean index = n.keyword() == NumberKeyword.INDEX;
            Op op = n.op();
            double x0 = n.value();
            return new CauseMatcher() {
                boolean test(RootCauseFacts.Service s, RootCauseFacts.Entity en, RootCauseFacts.Exception x, int i, boolean last) {
                    double v = index ? i : en == null ? Double.NaN : en.coverage();
                    return compare(v, op, x0);
                }
            };
        }
        if (e instanceof Expr.StringTest st) {
            StringMatch m = strings(st);
            Op op = st.op();
            StringKeyword k = st.keyword();
            return new CauseMatcher() {
                boolean test(RootCauseFacts.Service s, RootCauseFacts.Entity en, RootCauseFacts.Exception x, int i, boolean last) {
                    String v;
                    switch (k) {
                        case NAME: v = x != null ? x.name() : en != null ? en.name() : s.name(); break;
                        case MESSAGE: v = x == null ? null : x.message(); break;
                        case TYPE: v = s.type(); break;
                        case ACCOUNT_ID: v = s.accountId(); break;
                        default: v = null;
                    }
                    return single(v, op, m);
                }
            };
        }
        throw new IllegalStateException("unexpected in a root-cause body: " + e);
    }

    /**
     * {@code rootcause.json = #[ p1, p2, ... ]}: every pattern object must match some root cause of the trace (fault,
     * error or response-time list); a field present in a pattern must match exactly, arrays element by element with
     * the same length, and missing fields are wildcards.
     */
    private static final class RootCauseJsonMatcher extends TraceMatcher {
        private final Json.Obj[] patterns;

        RootCauseJsonMatcher(Json.Arr pattern) {
            List<Json.Obj> list = new ArrayList<>();
            for (Json j : pattern.items()) list.add((Json.Obj) j);
            this.patterns = list.toArray(new Json.Obj[0]);
        }

        @Override
        boolean test(TraceFacts f) {
            for (Json.Obj p : patterns) {
                if (!anyMatch(p, f.rootCauses.fault()) && !anyMatch(p, f.rootCauses.error())
                        && !anyMatch(p, f.rootCauses.responseTime())) {
                    return false;
                }
            }
            return true;
        }

        private static boolean anyMatch(Json.Obj p, RootCauseFacts.Cause[] causes) {
            for (RootCauseFacts.Cause c : causes) if (cause(p, c)) return true;
            return false;
        }

        private static boolean cause(Json.Obj p, RootCauseFacts.Cause c) {
            for (Map.Entry<String, Json> m : p.members().entrySet()) {
                Json v = m.getValue();
                switch (m.getKey()) {
                    case "ClientImpacting":
                        if (((Json.Bool) v).value() != c.clientImpacting()) return false;
                        break;
                    default: { // Services
                        List<Json> items = ((Json.Arr) v).items();
                        if (items.size() != c.services().length) return false;
                        for (int k = 0; k < items.size(); k++) {
                            if (!service((Json.Obj) items.get(k), c.services()[k])) return false;
                        }
                    }
                }
            }
            return true;
        }

        private static boolean service(Json.Obj p, RootCauseFacts.Service s) {
            for (Map.Entry<String, Json> m : p.members().entrySet()) {
                Json v = m.getValue();
                switch (m.getKey()) {
                    case "Name": if (!text(v, s.name())) return false; break;
                    case "Type": if (!text(v, s.type())) return false; break;
                    case "AccountId": if (!text(v, s.accountId())) return false; break;
                    case "Inferred": if (((Json.Bool) v).value() != s.inferred()) return false; break;
                    case "Names": {
                        List<Json> names = ((Json.Arr) v).items();
                        if (names.size() != 1 || !text(names.get(0), s.name())) return false;
                        break;
                    }
                    default: { // EntityPath
                        List<Json> items = ((Json.Arr) v).items();
                        if (items.size() != s.entityPath().length) return false;
                        for (int k = 0; k < items.size(); k++) {
                            if (!entity((Json.Obj) items.get(k), s.entityPath()[k])) return false;
                        }
                    }
                }
            }
            return true;
        }

        private static boolean entity(Json.Obj p, RootCauseFacts.Entity en) {
            for (Map.Entry<String, Json> m : p.members().entrySet()) {
                Json v = m.getValue();
                switch (m.getKey()) {
                    case "Name": if (!text(v, en.name())) return false; break;
                    case "Remote": if (((Json.Bool) v).value() != en.remote()) return false; break;
                    case "Coverage": if (((Json.Num) v).value() != en.coverage()) return false; break;
                    default: { // Exceptions
                        List<Json> items = ((Json.Arr) v).items();
                        if (items.size() != en.exceptions().length) return false;
                        for (int k = 0; k < items.size(); k++) {
                            Json.Obj xp = (Json.Obj) items.get(k);
                            RootCauseFacts.Exception x = en.exceptions()[k];
                            Json name = xp.members().get("Name");
                            Json message = xp.members().get("Message");
                            if (name != null && !text(name, x.name())) return false;
                            if (message != null && !text(message, x.message())) return false;
                        }
                    }
                }
            }
            return true;
        }

        private static boolean text(Json v, String have) {
            return have != null && ((Json.Str) v).value().equals(have);
        }
    }
}
