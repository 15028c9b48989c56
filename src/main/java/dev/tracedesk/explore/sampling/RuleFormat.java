package dev.tracedesk.explore.sampling;

import java.math.BigDecimal;

/** How rates and the Default rule read in words. */
public final class RuleFormat {

    private RuleFormat() {
    }

    /** A rate as typed: 0.05, 1, 0.125 (no trailing zeros, no exponent). */
    public static String rate(double fraction) {
        return BigDecimal.valueOf(fraction).stripTrailingZeros().toPlainString();
    }

    /** A rate as a percentage: 5%, 100%, 0.5%. */
    public static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * What a rule samples, in words: "the first request each second, then 5% of the rest" for X-Ray's default of
     * reservoir 1 and rate 0.05.
     */
    public static String explain(int reservoir, double fixedRate) {
        String rest = percent(fixedRate);
        if (reservoir <= 0) {
            return fixedRate >= 1 ? "every request" : fixedRate <= 0 ? "no requests" : rest + " of all requests";
        }
        String first = reservoir == 1 ? "the first request each second"
                : "the first " + reservoir + " requests each second";
        if (fixedRate >= 1) {
            return first + ", then all of the rest";
        }
        if (fixedRate <= 0) {
            return first + ", then none of the rest";
        }
        return first + ", then " + rest + " of the rest";
    }
}
