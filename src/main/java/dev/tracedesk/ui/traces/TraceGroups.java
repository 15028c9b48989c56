package dev.tracedesk.ui.traces;

import dev.tracedesk.explore.traces.TraceRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes the groups above the trace list. Pure; runs on a worker for big lists. */
public final class TraceGroups {

    private TraceGroups() {
    }

    /** Groups {@code rows}, largest group first (then by key). Traces without a response time count as 0 s. */
    public static List<TraceGroup> of(List<TraceRow> rows, GroupBy by, String annotationKey) {
        Map<String, Acc> groups = new HashMap<>();
        for (TraceRow row : rows) {
            for (String key : by.keys(row, annotationKey)) {
                groups.computeIfAbsent(key, Acc::new).add(row);
            }
        }
        List<TraceGroup> out = new ArrayList<>(groups.size());
        groups.values().forEach(a -> out.add(a.figures()));
        out.sort(Comparator.comparingInt(TraceGroup::count).reversed().thenComparing(TraceGroup::key));
        return out;
    }

    /** Nearest-rank percentile of sorted values (p in 0..100). */
    static double percentile(double[] sorted, int count, double p) {
        if (count == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }

    private static final class Acc {
        final String key;
        double[] times = new double[8];
        int count;
        int faults;
        int errors;
        double sum;

        Acc(String key) {
            this.key = key;
        }

        void add(TraceRow row) {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
            }
            double t = row.responseTime() == null ? 0 : row.responseTime();
            times[count++] = t;
            sum += t;
            faults += row.fault() ? 1 : 0;
            errors += row.error() ? 1 : 0;
        }

        TraceGroup figures() {
            double[] sorted = Arrays.copyOf(times, count);
            Arrays.sort(sorted);
            return new TraceGroup(key, count, sum / count, percentile(sorted, count, 50), percentile(sorted, count, 95),
                    sorted[count - 1], (double) faults / count, (double) errors / count);
        }
    }
}
