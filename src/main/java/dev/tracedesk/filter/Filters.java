package dev.tracedesk.filter;

import java.util.Objects;

/**
 * Entry points and builders for filter expressions, for code that produces filters (a brush on a histogram, a click
 * on a service-map node) rather than parsing what a user typed.
 *
 * <pre>{@code
 * Filters.print(Filters.responseTimeBetween(0.4, 1.2))      // responsetime >= 0.4 AND responsetime <= 1.2
 * Filters.print(Filters.service(Filters.node("AMIS_shop_decrypt", "AWS::Lambda::Function"),
 *                               Filters.number(NumberKeyword.RESPONSETIME, Op.GE, 0.4)))
 *     // service(id(name: "AMIS_shop_decrypt", type: "AWS::Lambda::Function")) { responsetime >= 0.4 }
 * }</pre>
 */
public final class Filters {
    private Filters() {
    }

    /** Same as {@link FilterParser#parse(String)}. */
    public static Expr parse(String text) {
        return FilterParser.parse(text);
    }

    /** Same as {@link FilterPrinter#print(Expr)}. */
    public static String print(Expr e) {
        return FilterPrinter.print(e);
    }

    /** {@code a AND b AND ...}, left-associated like the parser builds it. */
    public static Expr and(Expr first, Expr... rest) {
        Expr e = Objects.requireNonNull(first);
        for (Expr r : rest) e = new Expr.And(e, r);
        return e;
    }

    /** {@code a OR b OR ...}, left-associated like the parser builds it. */
    public static Expr or(Expr first, Expr... rest) {
        Expr e = Objects.requireNonNull(first);
        for (Expr r : rest) e = new Expr.Or(e, r);
        return e;
    }

    /** {@code !e}. */
    public static Expr not(Expr e) {
        return new Expr.Not(e);
    }

    /** Bare boolean keyword, e.g. {@code fault}. */
    public static Expr is(BoolKeyword keyword) {
        return new Expr.BoolTest(keyword, true);
    }

    /** {@code keyword op value}, e.g. {@code http.status >= 500}. */
    public static Expr number(NumberKeyword keyword, Op op, double value) {
        return new Expr.NumberTest(keyword, op, value);
    }

    /** {@code keyword op "value"}, e.g. {@code http.url CONTAINS "/shop"}. */
    public static Expr string(StringKeyword keyword, Op op, String value) {
        return new Expr.StringTest(keyword, op, value);
    }

    /** {@code annotation.key op value}, value a Number, String or Boolean. */
    public static Expr annotation(String key, Op op, Object value) {
        Expr.Literal literal;
        if (value instanceof Number n) literal = new Expr.NumberLiteral(n.doubleValue());
        else if (value instanceof String s) literal = new Expr.StringLiteral(s);
        else if (value instanceof Boolean b) literal = new Expr.BoolLiteral(b);
        else throw new IllegalArgumentException("annotation values are numbers, strings or booleans: " + value);
        return new Expr.AnnotationTest(key, op, literal);
    }

    /** The histogram brush: {@code responsetime >= low AND responsetime <= high}. */
    public static Expr responseTimeBetween(double low, double high) {
        return between(NumberKeyword.RESPONSETIME, low, high);
    }

    /** {@code duration >= low AND duration <= high}. */
    public static Expr durationBetween(double low, double high) {
        return between(NumberKeyword.DURATION, low, high);
    }

    /** {@code keyword >= low AND keyword <= high}. */
    public static Expr between(NumberKeyword keyword, double low, double high) {
        if (low > high) throw new IllegalArgumentException("empty range " + low + ".." + high);
        return new Expr.And(new Expr.NumberTest(keyword, Op.GE, low), new Expr.NumberTest(keyword, Op.LE, high));
    }

    /** {@code id(name: "...", type: "...")} for a service-map node; a null type is omitted. */
    public static Expr.NodeRef node(String name, String type) {
        return Expr.NodeRef.id(Objects.requireNonNull(name), type, null);
    }

    /** {@code service(node) { body }}; null node = {@code service()}, null body = no body. */
    public static Expr service(Expr.NodeRef node, Expr body) {
        return new Expr.Service(node, body);
    }

    /** {@code edge(source, destination) { body }}; null body = no body. */
    public static Expr edge(Expr.NodeRef source, Expr.NodeRef destination, Expr body) {
        return new Expr.Edge(source, destination, body);
    }
}
