package dev.tracedesk.explore.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A and B side by side: counts, percentiles, outcome shares and the root-cause tables with a delta column. */
public record Comparison(Stats a, Stats b, List<Difference> rootCauseServices, List<Difference> rootCauseExceptions) {

    /** One set's figures; percentiles in seconds (NaN for an empty set). */
    public record Stats(int count, double p50, double p90, double p99, double max, double faultShare,
            double errorShare, double throttleShare) {
    }

    public static Comparison of(AnalyticsData data, Selection selection, Metric metric, List<Difference> ranked) {
        int nB = selection.count(), nA = selection.baselineCount();
        double[] vb = new double[nB], va = new double[nA];
        int[] outB = new int[3], outA = new int[3];
        double[] col = data.column(metric);
        int kb = 0, ka = 0;
        for (int i = 0, n = data.size(); i < n; i++) {
            boolean inB = selection.contains(i);
            int[] out = inB ? outB : outA;
            if (inB) {
                vb[kb++] = col[i];
            } else {
                va[ka++] = col[i];
            }
            byte o = data.outcome[i];
            if ((o & AnalyticsData.FAULT) != 0) {
                out[0]++;
            }
            if ((o & AnalyticsData.ERROR) != 0) {
                out[1]++;
            }
            if ((o & AnalyticsData.THROTTLE) != 0) {
                out[2]++;
            }
        }
        List<Difference> services = new ArrayList<>(), exceptions = new ArrayList<>();
        for (Difference d : ranked) {
            if (d.attribute().kind() == AttributeKind.ROOT_CAUSE_SERVICE) {
                services.add(d);
            } else if (d.attribute().kind() == AttributeKind.ROOT_CAUSE_EXCEPTION) {
                exceptions.add(d);
            }
        }
        return new Comparison(stats(va, outA), stats(vb, outB), services, exceptions);
    }

    private static Stats stats(double[] values, int[] outcomes) {
        Arrays.sort(values);
        int n = values.length;
        double share = n == 0 ? 0 : 1.0 / n;
        return new Stats(n, percentile(values, 50), percentile(values, 90), percentile(values, 99),
                n == 0 ? Double.NaN : values[n - 1], outcomes[0] * share, outcomes[1] * share, outcomes[2] * share);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
