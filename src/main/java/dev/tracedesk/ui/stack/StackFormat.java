package dev.tracedesk.ui.stack;

import dev.tracedesk.explore.load.RunComparison;
import java.util.Locale;

/** How the Stack screen writes figures: one decimal for milliseconds, signed differences, ratios as ×. */
final class StackFormat {

    static final String MISSING = "–";

    private StackFormat() {
    }

    static String value(double v, RunComparison.Unit unit) {
        if (Double.isNaN(v)) {
            return MISSING;
        }
        return switch (unit) {
            case MILLISECONDS -> String.format(Locale.ROOT, "%.1f ms", v);
            case PER_SECOND -> String.format(Locale.ROOT, "%.1f/s", v);
            case MEGABYTES -> String.format(Locale.ROOT, "%.1f MB", v);
            case COUNT -> String.format(Locale.ROOT, "%.0f", v);
        };
    }

    static String difference(double d, RunComparison.Unit unit) {
        if (Double.isNaN(d)) {
            return MISSING;
        }
        String sign = d > 0 ? "+" : d < 0 ? "−" : "±";
        return sign + value(Math.abs(d), unit);
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? MISSING : String.format(Locale.ROOT, "%.2f×", r);
    }

    /** A relative change as a signed percentage: {@code +12%}, {@code −3%}. */
    static String percent(double change) {
        if (Double.isNaN(change)) {
            return MISSING;
        }
        long p = Math.round(change * 100);
        return (p > 0 ? "+" : p < 0 ? "−" : "±") + Math.abs(p) + "%";
    }

    static String ms(double v) {
        return value(v, RunComparison.Unit.MILLISECONDS);
    }
}
