package dev.tracedesk.xray.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A latency histogram as the API reports it (spec §6.6): each latency rounded to the millisecond, equal values merged,
 * entries ascending. Exact counts, so merging histograms equals histogramming the union.
 */
public final class Histogram {
    private final TreeMap<Long, Long> countsByMillis = new TreeMap<>();

    public void add(double seconds) {
        add(seconds, 1);
    }

    public void add(double seconds, long count) {
        if (Double.isNaN(seconds) || count <= 0) {
            return;
        }
        countsByMillis.merge(Math.round(seconds * 1000.0), count, Long::sum);
    }

    public void merge(Histogram other) {
        other.countsByMillis.forEach((ms, c) -> countsByMillis.merge(ms, c, Long::sum));
    }

    public boolean isEmpty() {
        return countsByMillis.isEmpty();
    }

    public long totalCount() {
        long n = 0;
        for (long c : countsByMillis.values()) {
            n += c;
        }
        return n;
    }

    /** The latency at quantile q (0..1) by expanding the entries, or NaN when empty. */
    public double quantile(double q) {
        long total = totalCount();
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (Map.Entry<Long, Long> e : countsByMillis.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey() / 1000.0;
            }
        }
        return countsByMillis.lastKey() / 1000.0;
    }

    /** The API entries, ascending by value. */
    public List<HistogramEntry> entries() {
        List<HistogramEntry> out = new ArrayList<>(countsByMillis.size());
        countsByMillis.forEach((ms, c) -> out.add(new HistogramEntry(ms / 1000.0, c)));
        return out;
    }

    public Histogram copy() {
        Histogram h = new Histogram();
        h.countsByMillis.putAll(countsByMillis);
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && h.countsByMillis.equals(countsByMillis);
    }

    @Override
    public int hashCode() {
        return countsByMillis.hashCode();
    }

    @Override
    public String toString() {
        return entries().toString();
    }
}
