package dev.tracedesk.shop.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Statistics of one function's REPORT lines: invocations, cold starts, durations, memory, init durations. */
public record FunctionStats(String function, int invocations, int coldStarts, int timeouts, double minMs, double avgMs,
                            double p50Ms, double p95Ms, double maxMs, double avgMemoryMb, int maxMemoryMb,
                            double avgInitMs, double maxInitMs) {

    public static FunctionStats of(String function, List<ReportLine> reports) {
        List<Double> d = new ArrayList<>();
        List<Double> init = new ArrayList<>();
        long memSum = 0;
        int memMax = 0;
        int timeouts = 0;
        for (ReportLine r : reports) {
            d.add(r.durationMs());
            memSum += r.maxMemoryUsedMb();
            memMax = Math.max(memMax, r.maxMemoryUsedMb());
            if (r.initDurationMs() != null) init.add(r.initDurationMs());
            if (r.timedOut()) timeouts++;
        }
        Collections.sort(d);
        int n = d.size();
        return new FunctionStats(function, n, init.size(), timeouts, n == 0 ? 0 : d.get(0),
                n == 0 ? 0 : d.stream().mapToDouble(Double::doubleValue).sum() / n, pct(d, 50), pct(d, 95),
                n == 0 ? 0 : d.get(n - 1), n == 0 ? 0 : (double) memSum / n, memMax,
                init.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                init.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    /** Nearest-rank percentile. */
    static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
