package dev.tracedesk.explore.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Two runs side by side: for the client (performance runs) and for every function either run saw, each figure in
 * run A and run B, the difference B − A and the ratio B / A. "What does tracing cost" is A = PassThrough,
 * B = Active: a positive difference is what tracing adds.
 */
public final class RunComparison {

    /** What a figure measures, so the screen can name it and say which way is worse. */
    public enum Unit { MILLISECONDS, PER_SECOND, COUNT, MEGABYTES }

    /** A figure the comparison lists, with where its value comes from. */
    public enum Figure {
        THROUGHPUT(Unit.PER_SECOND, false),
        CLIENT_AVG(Unit.MILLISECONDS, true),
        CLIENT_P50(Unit.MILLISECONDS, true),
        CLIENT_P95(Unit.MILLISECONDS, true),
        CLIENT_MAX(Unit.MILLISECONDS, true),
        FAILURES(Unit.COUNT, true),
        INVOCATIONS(Unit.COUNT, false),
        COLD_STARTS(Unit.COUNT, true),
        AVG_DURATION(Unit.MILLISECONDS, true),
        P95_DURATION(Unit.MILLISECONDS, true),
        MAX_DURATION(Unit.MILLISECONDS, true),
        AVG_MEMORY(Unit.MEGABYTES, true),
        AVG_INIT(Unit.MILLISECONDS, true);

        private final Unit unit;
        private final boolean lowerIsBetter;

        Figure(Unit unit, boolean lowerIsBetter) {
            this.unit = unit;
            this.lowerIsBetter = lowerIsBetter;
        }

        public Unit unit() {
            return unit;
        }

        public boolean lowerIsBetter() {
            return lowerIsBetter;
        }
    }

    /**
     * One line: {@code scope} is empty for the client's figures, else the function's name. A value is NaN when that
     * run has no such figure (a smoke run has no client latency; a function that was not invoked has no durations).
     */
    public record Row(String scope, Figure figure, double a, double b) {

        /** B − A, or NaN when either side is missing. */
        public double difference() {
            return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : b - a;
        }

        /** B / A, or NaN when either side is missing or A is zero. */
        public double ratio() {
            return Double.isNaN(a) || Double.isNaN(b) || a == 0 ? Double.NaN : b / a;
        }

        /** The relative change (B − A) / A, or NaN as for {@link #ratio()}. */
        public double change() {
            double r = ratio();
            return Double.isNaN(r) ? Double.NaN : r - 1;
        }

        /** Whether B is worse than A for this figure (more latency, fewer requests per second). */
        public boolean worse() {
            double d = difference();
            return !Double.isNaN(d) && (figure.lowerIsBetter() ? d > 0 : d < 0);
        }
    }

    private static final List<Figure> CLIENT = List.of(Figure.THROUGHPUT, Figure.CLIENT_AVG, Figure.CLIENT_P50,
            Figure.CLIENT_P95, Figure.CLIENT_MAX, Figure.FAILURES);
    private static final List<Figure> FUNCTION = List.of(Figure.INVOCATIONS, Figure.COLD_STARTS, Figure.AVG_DURATION,
            Figure.P95_DURATION, Figure.MAX_DURATION, Figure.AVG_MEMORY, Figure.AVG_INIT);

    private RunComparison() {
    }

    /** The client's figures (when either run has them), then each function's, in the order the runs list them. */
    public static List<Row> compare(RunResult a, RunResult b) {
        List<Row> rows = new ArrayList<>();
        if (a.latency().isPresent() || b.latency().isPresent()) {
            for (Figure f : CLIENT) {
                rows.add(new Row("", f, client(a, f), client(b, f)));
            }
        }
        Set<String> functions = new LinkedHashSet<>();
        a.functions().forEach(s -> functions.add(s.function()));
        b.functions().forEach(s -> functions.add(s.function()));
        for (String fn : functions) {
            for (Figure f : FUNCTION) {
                rows.add(new Row(fn, f, function(a.function(fn), f), function(b.function(fn), f)));
            }
        }
        return rows;
    }

    /**
     * The headline of "what does tracing cost": the mean over the functions invoked in both runs of the change in
     * average duration, or NaN when no function ran in both.
     */
    public static double meanDurationChange(List<Row> rows) {
        return rows.stream().filter(r -> r.figure() == Figure.AVG_DURATION && !r.scope().isEmpty())
                .mapToDouble(Row::change).filter(c -> !Double.isNaN(c)).average().orElse(Double.NaN);
    }

    /** The change of the client's average latency (B over A), or NaN without client figures on both sides. */
    public static double clientLatencyChange(List<Row> rows) {
        return rows.stream().filter(r -> r.figure() == Figure.CLIENT_AVG).mapToDouble(Row::change).findFirst()
                .orElse(Double.NaN);
    }

    private static double client(RunResult run, Figure f) {
        Optional<ClientLatency> l = run.latency();
        if (l.isEmpty()) {
            return Double.NaN;
        }
        ClientLatency c = l.get();
        if (c.completed() == 0 && f != Figure.FAILURES && f != Figure.THROUGHPUT) {
            return Double.NaN;
        }
        return switch (f) {
            case THROUGHPUT -> c.throughput();
            case CLIENT_AVG -> c.avgMs();
            case CLIENT_P50 -> c.p50Ms();
            case CLIENT_P95 -> c.p95Ms();
            case CLIENT_MAX -> c.maxMs();
            case FAILURES -> c.failures();
            default -> throw new IllegalArgumentException(f + " is not a client figure");
        };
    }

    private static double function(Optional<FunctionStatistics> stats, Figure f) {
        if (stats.isEmpty()) {
            return Double.NaN;
        }
        FunctionStatistics s = stats.get();
        if (f == Figure.INVOCATIONS) {
            return s.invocations();
        }
        if (f == Figure.COLD_STARTS) {
            return s.coldStarts();
        }
        if (s.invocations() == 0 || (f == Figure.AVG_INIT && s.coldStarts() == 0)) {
            return Double.NaN; // no reports, or no cold start: nothing to average
        }
        ToDoubleFunction<FunctionStatistics> value = switch (f) {
            case AVG_DURATION -> FunctionStatistics::avgMs;
            case P95_DURATION -> FunctionStatistics::p95Ms;
            case MAX_DURATION -> FunctionStatistics::maxMs;
            case AVG_MEMORY -> FunctionStatistics::avgMemoryMb;
            case AVG_INIT -> FunctionStatistics::avgInitMs;
            default -> throw new IllegalArgumentException(f + " is not a function figure");
        };
        return value.applyAsDouble(s);
    }
}
