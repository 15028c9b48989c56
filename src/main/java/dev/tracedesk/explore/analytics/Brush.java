package dev.tracedesk.explore.analytics;

import dev.tracedesk.filter.Expr;
import dev.tracedesk.filter.Filters;
import dev.tracedesk.filter.Op;
import java.util.Objects;

/**
 * A brushed selection: a metric range (inclusive, seconds; {@code high} infinite = "to the maximum") and optionally a
 * start-time range (epoch ms, inclusive start, exclusive end). Bounds are snapped to whole milliseconds so that the
 * printed filter expression selects exactly the same traces as the scan.
 */
public record Brush(Metric metric, double low, double high, long fromMillis, long toMillis) {
    public static final long ALL_TIME_FROM = Long.MIN_VALUE, ALL_TIME_TO = Long.MAX_VALUE;

    public Brush {
        Objects.requireNonNull(metric);
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("empty range " + low + ".." + high);
        }
        if (fromMillis > toMillis) {
            throw new IllegalArgumentException("empty time range " + fromMillis + ".." + toMillis);
        }
        low = snap(low);
        high = Double.isInfinite(high) ? high : snap(high);
    }

    /** A metric range over the whole window. */
    public static Brush of(Metric metric, double low, double high) {
        return new Brush(metric, low, high, ALL_TIME_FROM, ALL_TIME_TO);
    }

    /** From {@code low} to the maximum. */
    public static Brush atLeast(Metric metric, double low) {
        return of(metric, low, Double.POSITIVE_INFINITY);
    }

    public Brush withTime(long from, long to) {
        return new Brush(metric, low, high, from, to);
    }

    public Brush withoutTime() {
        return new Brush(metric, low, high, ALL_TIME_FROM, ALL_TIME_TO);
    }

    public boolean hasTimeRange() {
        return fromMillis != ALL_TIME_FROM || toMillis != ALL_TIME_TO;
    }

    public boolean contains(double value, long startMillis) {
        return value >= low && value <= high && startMillis >= fromMillis && startMillis < toMillis;
    }

    /**
     * The metric range as a filter expression, such as {@code responsetime >= 0.4}. X-Ray filters have no start-time
     * keyword: a time brush narrows the window instead, so it is not part of the expression.
     */
    public Expr expression() {
        if (Double.isInfinite(high)) {
            return Filters.number(metric.keyword(), Op.GE, low);
        }
        return Filters.between(metric.keyword(), low, high);
    }

    public String expressionText() {
        return Filters.print(expression());
    }

    private static double snap(double seconds) {
        return Math.round(seconds * 1000.0) / 1000.0;
    }
}
