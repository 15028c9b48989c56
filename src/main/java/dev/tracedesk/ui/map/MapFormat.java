package dev.tracedesk.ui.map;

import java.util.Locale;

/** How the map writes latencies, rates and shares: short, fixed-width-friendly, English. */
public final class MapFormat {
    private MapFormat() {
    }

    /** "0.4 ms", "12 ms", "1.25 s", "—" for no data. */
    public static String latency(double seconds) {
        if (Double.isNaN(seconds)) {
            return "—";
        }
        double ms = seconds * 1000;
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, seconds < 10 ? "%.2f s" : "%.1f s", seconds);
    }

    /** "0.22/min", "4.5/min", "120/min", "3.4k/min". */
    public static String rate(double perMinute) {
        if (perMinute >= 1000) {
            return String.format(Locale.ROOT, "%.1fk/min", perMinute / 1000);
        }
        if (perMinute >= 100) {
            return String.format(Locale.ROOT, "%.0f/min", perMinute);
        }
        if (perMinute >= 10) {
            return String.format(Locale.ROOT, "%.1f/min", perMinute);
        }
        return String.format(Locale.ROOT, "%.2f/min", perMinute);
    }

    /** "50%", "0.4%", "0%". */
    public static String share(double fraction) {
        double pct = fraction * 100;
        if (pct == 0 || pct >= 10) {
            return String.format(Locale.ROOT, "%.0f%%", pct);
        }
        return String.format(Locale.ROOT, "%.1f%%", pct);
    }
}
