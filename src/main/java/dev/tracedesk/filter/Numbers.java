package dev.tracedesk.filter;

import java.math.BigDecimal;

/** Canonical number text shared by the printer and the JSON writer. */
final class Numbers {
    private Numbers() {
    }

    /** -0.0 becomes 0.0 so that printing and re-reading gives an equal tree. */
    static double normalize(double d) {
        return d == 0.0 ? 0.0 : d;
    }

    /** Shortest text that reads back to the same double: 0.4, 12, 1.5E+300. */
    static String format(double d) {
        if (!Double.isFinite(d)) throw new IllegalArgumentException("not a finite number: " + d);
        BigDecimal b = BigDecimal.valueOf(normalize(d)).stripTrailingZeros();
        int exponent = b.precision() - b.scale() - 1;
        if (exponent > -7 && exponent < 21) return b.toPlainString();
        return b.toString();
    }
}
