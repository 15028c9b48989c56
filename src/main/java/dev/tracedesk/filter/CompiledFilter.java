package dev.tracedesk.filter;

/**
 * A filter expression compiled once into a tree of matchers; {@link #matches(TraceFacts)} then evaluates it against a
 * trace's precomputed facts without allocating. Immutable and thread-safe.
 *
 * <pre>{@code
 * CompiledFilter f = CompiledFilter.compile("responsetime > 0.4 AND service(\"AMIS_shop_decrypt\") { fault }");
 * boolean hit = f.matches(TraceFacts.of(trace));
 * }</pre>
 */
public final class CompiledFilter {
    private static final CompiledFilter ALL = new CompiledFilter(null, new FilterCompiler.TraceMatcher() {
        @Override
        boolean test(TraceFacts f) {
            return true;
        }
    });

    private final Expr expression;
    private final FilterCompiler.TraceMatcher matcher;

    CompiledFilter(Expr expression, FilterCompiler.TraceMatcher matcher) {
        this.expression = expression;
        this.matcher = matcher;
    }

    /** The filter that matches every trace (an empty FilterExpression). */
    public static CompiledFilter all() {
        return ALL;
    }

    /**
     * Parses and compiles {@code text} with {@link FilterOptions#DEFAULT}; null or blank = {@link #all()}.
     *
     * @throws FilterSyntaxException when the text is malformed or names an unknown group
     */
    public static CompiledFilter compile(String text) {
        return compile(text, FilterOptions.DEFAULT);
    }

    /** As {@link #compile(String)}, with options (case sensitivity, groups). */
    public static CompiledFilter compile(String text, FilterOptions options) {
        if (text == null || text.isBlank()) return ALL;
        return compile(FilterParser.parse(text), options);
    }

    /** Compiles a tree with {@link FilterOptions#DEFAULT}. */
    public static CompiledFilter compile(Expr expression) {
        return compile(expression, FilterOptions.DEFAULT);
    }

    /** Compiles a tree. */
    public static CompiledFilter compile(Expr expression, FilterOptions options) {
        return new CompiledFilter(expression, new FilterCompiler(options).trace(expression));
    }

    /** True when the trace satisfies the filter. Allocation-free. */
    public boolean matches(TraceFacts facts) {
        return matcher.test(facts);
    }

    /** The compiled tree, or null for {@link #all()}. */
    public Expr expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression == null ? "<all>" : FilterPrinter.print(expression);
    }
}
