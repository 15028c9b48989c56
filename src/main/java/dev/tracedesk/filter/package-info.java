/**
 * The X-Ray filter-expression language (spec §9): parse, print, build and evaluate.
 *
 * <ul>
 *   <li>{@link dev.tracedesk.filter.FilterParser#parse(String)} → {@link dev.tracedesk.filter.Expr} tree, or a
 *       {@link dev.tracedesk.filter.FilterSyntaxException} with position, length and what was expected;</li>
 *   <li>{@link dev.tracedesk.filter.FilterPrinter#print(Expr)} → canonical text (parse(print(e)) equals e);</li>
 *   <li>{@link dev.tracedesk.filter.Filters} → builders (histogram brush, service-map click);</li>
 *   <li>{@link dev.tracedesk.filter.CompiledFilter#compile(String)} → a matcher, evaluated with
 *       {@link dev.tracedesk.filter.CompiledFilter#matches(TraceFacts)} against the precomputed
 *       {@link dev.tracedesk.filter.TraceFacts} of an assembled trace ({@link dev.tracedesk.filter.TraceFacts#of} or a
 *       shared {@link dev.tracedesk.filter.TraceFactsBuilder}).</li>
 * </ul>
 * Uses only the JDK and {@code dev.tracedesk.xray}.
 */
package dev.tracedesk.filter;
