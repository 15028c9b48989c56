package dev.tracedesk.explore.analytics;

import java.util.List;
import java.util.Locale;

/** The histogram and the comparison as CSV (RFC 4180 quoting), for spreadsheets. */
public final class AnalyticsCsv {
    private AnalyticsCsv() {
    }

    public static String histogram(Histogram h, int[] selected) {
        StringBuilder out = new StringBuilder("bucket_low_s,bucket_high_s,traces,selected\n");
        for (int k = 0; k < h.buckets(); k++) {
            out.append(num(h.edge(k))).append(',').append(num(h.edge(k + 1))).append(',').append(h.count(k))
                    .append(',').append(selected[k]).append('\n');
        }
        return out.toString();
    }

    public static String comparison(Comparison c, List<Difference> ranked) {
        StringBuilder out = new StringBuilder("section,name,a,b,delta\n");
        row(out, "stats", "count", c.a().count(), c.b().count());
        row(out, "stats", "p50_s", c.a().p50(), c.b().p50());
        row(out, "stats", "p90_s", c.a().p90(), c.b().p90());
        row(out, "stats", "p99_s", c.a().p99(), c.b().p99());
        row(out, "stats", "max_s", c.a().max(), c.b().max());
        row(out, "stats", "fault_share", c.a().faultShare(), c.b().faultShare());
        row(out, "stats", "error_share", c.a().errorShare(), c.b().errorShare());
        row(out, "stats", "throttle_share", c.a().throttleShare(), c.b().throttleShare());
        for (Difference d : ranked) {
            String section = d.attribute().kind().name().toLowerCase(Locale.ROOT);
            row(out, section, d.attribute().value(), d.shareA(), d.shareB());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String section, String name, double a, double b) {
        out.append(quote(section)).append(',').append(quote(name)).append(',').append(num(a)).append(',')
                .append(num(b)).append(',').append(Double.isNaN(a) || Double.isNaN(b) ? "" : num(b - a)).append('\n');
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String num(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.6g", d);
    }
}
