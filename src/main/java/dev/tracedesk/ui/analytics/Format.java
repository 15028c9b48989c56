package dev.tracedesk.ui.analytics;

import java.util.Locale;

/** Number formats of the analytics screen. */
final class Format {
    private Format() {
    }

    /** 0.004 → "4 ms", 0.44 → "440 ms", 1.5 → "1.5 s". */
    static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "–";
        }
        if (s < 1) {
            double ms = s * 1000;
            return ms < 10 && ms != Math.rint(ms) ? String.format(Locale.ROOT, "%.1f ms", ms)
                    : String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.2f s", s);
    }

    /** 0.667 → "67%". */
    static String share(double f) {
        return String.format(Locale.ROOT, "%.0f%%", f * 100);
    }

    /** Signed percentage points: +67 pp. */
    static String delta(double f) {
        return String.format(Locale.ROOT, "%+.0f pp", f * 100);
    }
}
