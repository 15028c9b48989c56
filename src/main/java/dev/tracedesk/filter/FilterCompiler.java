package dev.tracedesk.filter;

import dev.tracedesk.xray.ServiceId;
import java.util.HashSet;
import java.util.List;
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
    private static final StringKeyword[] STRING_KEYWORDS = StringKeyword.values();

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
                              int index, boolean last, double coverage);
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
        switch (STRING_KEYWORDS[field]) {
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
                if (source.matches(s.nodes[from[c]]) && destination.matches(s.nodes[s.entryNode[e]])
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
                    return compare(f.times[f.shape.timeSlot[i]], op, x);
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
            ServiceId id = s.nodes[s.entryNode[e]];
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
            boolean rt = kind == Expr.RootCauseKind.RESPONSETIME;
            RootCauseFacts.Cause[] list = kind == Expr.RootCauseKind.FAULT ? f.rootCauses.fault()
                    : kind == Expr.RootCauseKind.ERROR ? f.rootCauses.error() : f.rootCauses.responseTime();
            int j = f.coverageBase(); // cursor over the response-time coverages, in entity order
            for (RootCauseFacts.Cause c : list) {
                RootCauseFacts.Service[] services = c.services();
                for (int si = 0; si < services.length; si++) {
                    RootCauseFacts.Service s = services[si];
                    RootCauseFacts.Entity[] path = s.entityPath();
                    if (level == Expr.RootCauseLevel.SERVICE) {
                        if (body.test(s, null, null, si, si == services.length - 1, Double.NaN)) return true;
                        j += path.length;
                        continue;
                    }
                    for (int ei = 0; ei < path.length; ei++) {
                        RootCauseFacts.Entity en = path[ei];
                        double coverage = rt ? f.times[j++] : Double.NaN;
                        if (level == Expr.RootCauseLevel.ENTITY) {
                            if (body.test(s, en, null, ei, ei == path.length - 1, coverage)) return true;
                            continue;
                        }
                        RootCauseFacts.Exception[] xs = en.exceptions();
                        for (int xi = 0; xi < xs.length; xi++) {
                            if (body.test(s, en, xs[xi], xi, xi == xs.length - 1, coverage)) return true;
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
                boolean test(RootCauseFacts.Service s, RootCauseFacts.Entity en, RootCauseFacts.Exception x, int i, boolean last, double cov) {
                    return l.test(s, en, x, i, last, cov) && r.test(s, en, x, i, last, cov);
                }
            };
        }
        if (e instanceof Expr.Or o) {
            CauseMatcher l = cause(o.left(), level);
            CauseMatcher r = cause(o.right(), level);
            return new CauseMatcher() {
                boolean test(RootCauseFacts.Service s, RootCauseFacts.Entity en, RootCauseFacts.Exception x, int i, boolean last, double cov) {
                    return l.test(s, en, x, i, last, cov) || r.test(s, en, x, i, last, cov);
                }
            };
        }
        if (e instanceof Expr.Not n) {
            CauseMatcher m = cause(n.operand(), level);
            return new CauseMatcher() {
                boolean test(RootCauseFacts.Service s, RootCauseFacts.Entity en, RootCauseFacts.Exception x, int i, boolean last, double cov) {
                    return !m.test(s, en, x, i, last, cov);
                }
            };
        }
        if (e instanceof Expr.BoolTest b) {
            BoolKeyword k = b.keyword();
            boolean expected = b.expected();
            return new CauseMatcher() {
                boolean test(RootCauseFacts.Service s, RootCauseFacts.Entity en, RootCauseFacts.Exception x, int i, boolean last, double cov) {
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
                boolean test(RootCauseFacts.Service s, RootCauseFacts.Entity en, RootCauseFacts.Exception x, int i, boolean last, double cov) {
                    double v = index ? i : cov;
                    return compare(v, op, x0);
                }
            };
        }
        if (e instanceof Expr.StringTest st) {
            StringMatch m = strings(st);
            Op op = st.op();
            StringKeyword k = st.keyword();
            return new CauseMatcher() {
                boolean test(RootCauseFacts.Service s, RootCauseFacts.Entity en, RootCauseFacts.Exception x, int i, boolean last, double cov) {
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
     * the same length, and missing fields are wildcards. The JSON is compiled into plain arrays so that matching does
     * not allocate.
     */
    private static final class RootCauseJsonMatcher extends TraceMatcher {
        private final CausePattern[] patterns;

        RootCauseJsonMatcher(Json.Arr pattern) {
            this.patterns = new CausePattern[pattern.items().size()];
            for (int k = 0; k < patterns.length; k++) patterns[k] = new CausePattern((Json.Obj) pattern.items().get(k));
        }

        @Override
        boolean test(TraceFacts f) {
            for (CausePattern p : patterns) {
                if (!p.matchesAny(f.rootCauses.fault(), null, 0) && !p.matchesAny(f.rootCauses.error(), null, 0)
                        && !p.matchesAny(f.rootCauses.responseTime(), f.times, f.coverageBase())) {
                    return false;
                }
            }
            return true;
        }
    }

    private static String text(Json.Obj o, String field) {
        Json v = o.members().get(field);
        return v == null ? null : ((Json.Str) v).value();
    }

    private static Boolean bool(Json.Obj o, String field) {
        Json v = o.members().get(field);
        return v == null ? null : ((Json.Bool) v).value();
    }

    private static List<Json> list(Json.Obj o, String field) {
        Json v = o.members().get(field);
        return v == null ? null : ((Json.Arr) v).items();
    }

    private static boolean same(String want, String have) {
        return want == null || want.equals(have);
    }

    private static boolean same(Boolean want, boolean have) {
        return want == null || want == have;
    }

    private static final class CausePattern {
        private final Boolean clientImpacting;
        private final ServicePattern[] services;

        CausePattern(Json.Obj o) {
            clientImpacting = bool(o, "ClientImpacting");
            List<Json> items = list(o, "Services");
            services = items == null ? null : new ServicePattern[items.size()];
            for (int k = 0; services != null && k < services.length; k++) {
                services[k] = new ServicePattern((Json.Obj) items.get(k));
            }
        }

        /** {@code coverages} null: coverage is in the entities; else entity coverages start at {@code j}. */
        boolean matchesAny(RootCauseFacts.Cause[] causes, double[] coverages, int j) {
            for (RootCauseFacts.Cause c : causes) {
                if (matches(c, coverages, j)) return true;
                for (RootCauseFacts.Service s : c.services()) j += s.entityPath().length;
            }
            return false;
        }

        private boolean matches(RootCauseFacts.Cause c, double[] coverages, int j) {
            if (!same(clientImpacting, c.clientImpacting())) return false;
            if (services == null) return true;
            if (services.length != c.services().length) return false;
            for (int k = 0; k < services.length; k++) {
                if (!services[k].matches(c.services()[k], coverages, j)) return false;
                j += c.services()[k].entityPath().length;
            }
            return true;
        }
    }

    private static final class ServicePattern {
        private final String name;
        private final String[] names;
        private final String type;
        private final String account;
        private final Boolean inferred;
        private final EntityPattern[] path;

        ServicePattern(Json.Obj o) {
            name = text(o, "Name");
            type = text(o, "Type");
            account = text(o, "AccountId");
            inferred = bool(o, "Inferred");
            List<Json> n = list(o, "Names");
            names = n == null ? null : new String[n.size()];
            for (int k = 0; names != null && k < names.length; k++) names[k] = ((Json.Str) n.get(k)).value();
            List<Json> p = list(o, "EntityPath");
            path = p == null ? null : new EntityPattern[p.size()];
            for (int k = 0; path != null && k < path.length; k++) path[k] = new EntityPattern((Json.Obj) p.get(k));
        }

        boolean matches(RootCauseFacts.Service s, double[] coverages, int j) {
            if (!same(name, s.name()) || !same(type, s.type()) || !same(account, s.accountId())
                    || !same(inferred, s.inferred())) {
                return false;
            }
            if (names != null && !java.util.Arrays.equals(names, s.names())) return false;
            if (path == null) return true;
            if (path.length != s.entityPath().length) return false;
            for (int k = 0; k < path.length; k++) {
                RootCauseFacts.Entity e = s.entityPath()[k];
                if (!path[k].matches(e, coverages == null ? e.coverage() : coverages[j + k])) return false;
            }
            return true;
        }
    }

    private static final class EntityPattern {
        private final String name;
        private final Boolean remote;
        private final boolean hasCoverage;
        private final double coverage;
        private final String[] exceptionNames;
        private final String[] exceptionMessages;

        EntityPattern(Json.Obj o) {
            name = text(o, "Name");
            remote = bool(o, "Remote");
            Json c = o.members().get("Coverage");
            hasCoverage = c != null;
            coverage = c == null ? Double.NaN : ((Json.Num) c).value();
            List<Json> xs = list(o, "Exceptions");
            exceptionNames = xs == null ? null : new String[xs.size()];
            exceptionMessages = xs == null ? null : new String[xs.size()];
            for (int k = 0; xs != null && k < xs.size(); k++) {
                exceptionNames[k] = text((Json.Obj) xs.get(k), "Name");
                exceptionMessages[k] = text((Json.Obj) xs.get(k), "Message");
            }
        }

        boolean matches(RootCauseFacts.Entity e, double entityCoverage) {
            if (!same(name, e.name()) || !same(remote, e.remote())) return false;
            if (hasCoverage && coverage != entityCoverage) return false;
            if (exceptionNames == null) return true;
            RootCauseFacts.Exception[] xs = e.exceptions();
            if (xs.length != exceptionNames.length) return false;
            for (int k = 0; k < xs.length; k++) {
                if (!same(exceptionNames[k], xs[k].name()) || !same(exceptionMessages[k], xs[k].message())) return false;
            }
            return true;
        }
    }
}
