package dev.tracedesk.explore.analytics;

/**
 * The distribution of one metric on a log axis: {@code buckets} buckets between the smallest positive value and the
 * largest (at least 1 ms wide overall), counts per bucket, and each trace's bucket precomputed so that counting a
 * selection per bucket is one pass with no logarithms.
 */
public final class Histogram {
    public static final double MIN_SECONDS = 0.001;

    private final Metric metric;
    private final double[] edges;
    private final int[] counts;
    private final short[] bucketOf;
    private final double max;

    private Histogram(Metric metric, double[] edges, int[] counts, short[] bucketOf, double max) {
        this.metric = metric;
        this.edges = edges;
        this.counts = counts;
        this.bucketOf = bucketOf;
        this.max = max;
    }

    public static Histogram of(AnalyticsData data, Metric metric, int buckets) {
        if (buckets < 1 || buckets > Short.MAX_VALUE) {
            throw new IllegalArgumentException("buckets: " + buckets);
        }
        double[] v = data.column(metric);
        int n = data.size();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int i = 0; i < n; i++) {
            double x = v[i];
            if (x > 0 && x < lo) {
                lo = x;
            }
            if (x > hi) {
                hi = x;
            }
        }
        if (Double.isInfinite(lo)) {
            lo = MIN_SECONDS;
        }
        lo = Math.max(MIN_SECONDS, lo);
        double top = Math.max(hi, lo * 1.001);
        // Buckets are [edge k, edge k+1); the maximum, on the top edge, belongs to the last one.
        double logLo = Math.log(lo), logHi = Math.log(top);
        double step = (logHi - logLo) / buckets;
        double[] edges = new double[buckets + 1];
        for (int k = 0; k <= buckets; k++) {
            edges[k] = Math.exp(logLo + step * k);
        }
        int[] counts = new int[buckets];
        short[] bucketOf = new short[n];
        for (int i = 0; i < n; i++) {
            double x = v[i];
            int b = x <= lo ? 0 : (int) ((Math.log(x) - logLo) / step);
            b = Math.min(buckets - 1, Math.max(0, b));
            // Floating point may put a value a hair across an edge: the edges decide.
            if (b > 0 && x < edges[b]) {
                b--;
            } else if (b < buckets - 1 && x >= edges[b + 1]) {
                b++;
            }
            bucketOf[i] = (short) b;
            counts[b]++;
        }
        return new Histogram(metric, edges, counts, bucketOf, hi);
    }

    public Metric metric() {
        return metric;
    }

    public int buckets() {
        return counts.length;
    }

    /** Lower edge of bucket k (k = buckets() gives the upper edge of the last). */
    public double edge(int k) {
        return edges[k];
    }

    public int count(int k) {
        return counts[k];
    }

    /** The largest value in the data (seconds). */
    public double max() {
        return max;
    }

    public int maxCount() {
        int m = 0;
        for (int c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }

    /** Counts of the selected traces per bucket. */
    public int[] selectedCounts(Selection selection) {
        int[] out = new int[counts.length];
        long[] bits = selection.bits;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                out[bucketOf[(w << 6) + Long.numberOfTrailingZeros(word)]]++;
                word &= word - 1;
            }
        }
        return out;
    }

    /** The bucket a value falls in (clamped to the axis). */
    public int bucketFor(double value) {
        for (int k = 1; k < edges.length - 1; k++) {
            if (value < edges[k]) {
                return k - 1;
            }
        }
        return counts.length - 1;
    }
}
