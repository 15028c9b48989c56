package dev.tracedesk.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** print(parse(e)) is the identity on trees: every generated tree prints to text that parses back to it. */
class FilterRoundTripPropertyTest {

    @Property(tries = 1000)
    void printedTreeParsesToTheSameTree(@ForAll("expressions") Expr tree) {
        String text = FilterPrinter.print(tree);
        Expr reparsed = FilterParser.parse(text);
        assertThat(reparsed).as(text).isEqualTo(tree);
        assertThat(FilterPrinter.print(reparsed)).isEqualTo(text);
    }

    @Provide
    Arbitrary<Expr> expressions() {
        return Arbitraries.randomValue(random -> new Generator(random).expr(Scope.TRACE, 4));
    }

    private enum Scope { TRACE, SERVICE, EDGE, RC_SERVICE, RC_ENTITY, RC_RT_ENTITY, RC_EXCEPTION }

    /** Random trees that respect the keyword contexts the parser enforces. */
    private static final class Generator {
        private static final List<Op> NUMBER_OPS = List.of(Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE);
        private static final List<Op> STRING_OPS = List.of(Op.EQ, Op.NE, Op.CONTAINS, Op.BEGINSWITH, Op.ENDSWITH);
        private static final String ALPHABET = "abcXYZ019 _-./:\"\\'{}()!=<>#[]é\u00e8\u4e2d\t";
        private final Random r;

        Generator(Random r) {
            this.r = r;
        }

        Expr expr(Scope scope, int depth) {
            int pick = depth <= 0 ? 3 + r.nextInt(5) : r.nextInt(8);
            switch (pick) {
                case 0: return new Expr.And(expr(scope, depth - 1), expr(scope, depth - 1));
                case 1: return new Expr.Or(expr(scope, depth - 1), expr(scope, depth - 1));
                case 2: return new Expr.Not(expr(scope, depth - 1));
                default: return leaf(scope, depth);
            }
        }

        private Expr leaf(Scope scope, int depth) {
            switch (scope) {
                case TRACE: {
                    int k = r.nextInt(9);
                    if (k == 0) return bool("ok", "error", "throttle", "fault", "partial", "inferred");
                    if (k == 1) return number("responsetime", "duration", "http.status");
                    if (k == 2) return string("http.url", "http.method", "http.useragent", "http.clientip", "user",
                            "availabilityzone", "instance.id", "resource.arn", "account.id");
                    if (k == 3) return annotation();
                    if (k == 4) return new Expr.Service(r.nextInt(4) == 0 ? null : node(),
                            r.nextBoolean() ? null : expr(Scope.SERVICE, Math.min(depth, 2)));
                    if (k == 5) return new Expr.Edge(node(), node(), r.nextBoolean() ? null : expr(Scope.EDGE, Math.min(depth, 2)));
                    if (k == 6) return new Expr.Group(r.nextBoolean() ? Expr.GroupAttribute.NAME : Expr.GroupAttribute.ARN, text());
                    if (k == 7) return rootCause(depth);
                    return new Expr.RootCauseJson(jsonPattern());
                }
                case SERVICE: {
                    int k = r.nextInt(3);
                    if (k == 0) return bool("ok", "error", "throttle", "fault", "partial", "inferred", "root");
                    if (k == 1) return number("responsetime", "duration", "http.status");
                    return string("http.url", "http.method", "http.useragent", "http.clientip", "user", "name", "type",
                            "account.id", "availabilityzone", "instance.id", "resource.arn");
                }
                case EDGE: {
                    int k = r.nextInt(3);
                    if (k == 0) return bool("ok", "error", "throttle", "fault", "partial", "inferred");
                    if (k == 1) return number("responsetime", "duration", "http.status");
                    return string("http.url", "http.method", "http.useragent", "http.clientip");
                }
                case RC_SERVICE: {
                    int k = r.nextInt(3);
                    if (k == 0) return bool("inferred", "first", "last");
                    if (k == 1) return number("index");
                    return string("name", "type", "account.id");
                }
                case RC_ENTITY:
                case RC_RT_ENTITY: {
                    int k = r.nextInt(3);
                    if (k == 0) return bool("inferred", "remote", "first", "last");
                    if (k == 1) return scope == Scope.RC_RT_ENTITY ? number("index", "coverage") : number("index");
                    return string("name", "type", "account.id");
                }
                default: {
                    int k = r.nextInt(3);
                    if (k == 0) return bool("inferred", "remote", "first", "last");
                    if (k == 1) return number("index");
                    return string("name", "message", "type", "account.id");
                }
            }
        }

        private Expr rootCause(int depth) {
            Expr.RootCauseKind kind = Expr.RootCauseKind.values()[r.nextInt(3)];
            Expr.RootCauseLevel level = Expr.RootCauseLevel.values()[r.nextInt(kind == Expr.RootCauseKind.RESPONSETIME ? 2 : 3)];
            Scope scope = level == Expr.RootCauseLevel.SERVICE ? Scope.RC_SERVICE
                    : level == Expr.RootCauseLevel.EXCEPTION ? Scope.RC_EXCEPTION
                    : kind == Expr.RootCauseKind.RESPONSETIME ? Scope.RC_RT_ENTITY : Scope.RC_ENTITY;
            return new Expr.RootCause(kind, level, expr(scope, Math.min(depth, 2)));
        }

        private String pick(String... words) {
            return words[r.nextInt(words.length)];
        }

        private Expr bool(String... words) {
            String w = pick(words);
            for (BoolKeyword k : BoolKeyword.values()) {
                if (k.word().equals(w)) return new Expr.BoolTest(k, r.nextInt(3) > 0);
            }
            throw new IllegalArgumentException(w);
        }

        private Expr number(String... words) {
            String w = pick(words);
            for (NumberKeyword k : NumberKeyword.values()) {
                if (k.word().equals(w)) return new Expr.NumberTest(k, NUMBER_OPS.get(r.nextInt(6)), numberValue());
            }
            throw new IllegalArgumentException(w);
        }

        private Expr string(String... words) {
            String w = pick(words);
            for (StringKeyword k : StringKeyword.values()) {
                if (k.word().equals(w)) {
                    return r.nextInt(5) == 0 ? new Expr.StringTest(k, null, null)
                            : new Expr.StringTest(k, STRING_OPS.get(r.nextInt(5)), text());
                }
            }
            throw new IllegalArgumentException(w);
        }

        private Expr annotation() {
            String key = pick("tenant", "order_id", "Retries", "x1", "_k");
            switch (r.nextInt(4)) {
                case 0: return new Expr.AnnotationTest(key, null, null);
                case 1: return new Expr.AnnotationTest(key, NUMBER_OPS.get(r.nextInt(6)), new Expr.NumberLiteral(numberValue()));
                case 2: return new Expr.AnnotationTest(key, STRING_OPS.get(r.nextInt(5)), new Expr.StringLiteral(text()));
                default: return new Expr.AnnotationTest(key, r.nextBoolean() ? Op.EQ : Op.NE, new Expr.BoolLiteral(r.nextBoolean()));
            }
        }

        private Expr.NodeRef node() {
            if (r.nextBoolean()) return Expr.NodeRef.named(text());
            String name = r.nextBoolean() ? text() : null;
            String type = r.nextBoolean() ? pick("AWS::Lambda", "AWS::Lambda::Function", "remote") : null;
            String account = r.nextInt(3) == 0 ? "123456789012" : null;
            if (name == null && type == null && account == null) name = text();
            return Expr.NodeRef.id(name, type, account);
        }

        private double numberValue() {
            switch (r.nextInt(5)) {
                case 0: return r.nextInt(600);
                case 1: return Math.round(r.nextDouble() * 10_000) / 1000.0;
                case 2: return -r.nextDouble() * 5;
                case 3: return r.nextDouble() * Math.pow(10, r.nextInt(60) - 30);
                default: return r.nextDouble();
            }
        }

        private String text() {
            int n = r.nextInt(8);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            return sb.toString();
        }

        private Json.Arr jsonPattern() {
            Map<String, Json> entity = new LinkedHashMap<>();
            entity.put("Name", new Json.Str(text()));
            if (r.nextBoolean()) entity.put("Remote", new Json.Bool(r.nextBoolean()));
            if (r.nextBoolean()) entity.put("Coverage", new Json.Num(numberValue()));
            if (r.nextBoolean()) {
                entity.put("Exceptions", new Json.Arr(List.of(new Json.Obj(Map.of("Message", new Json.Str(text() + "\n\u0001"))))));
            }
            Map<String, Json> service = new LinkedHashMap<>();
            service.put("Name", new Json.Str(text()));
            if (r.nextBoolean()) service.put("Inferred", new Json.Bool(true));
            service.put("EntityPath", new Json.Arr(List.of(new Json.Obj(entity))));
            Map<String, Json> cause = new LinkedHashMap<>();
            cause.put("Services", new Json.Arr(List.of(new Json.Obj(service))));
            if (r.nextBoolean()) cause.put("ClientImpacting", new Json.Bool(r.nextBoolean()));
            return new Json.Arr(List.of(new Json.Obj(cause)));
        }
    }
}
