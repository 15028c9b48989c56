package dev.tracedesk.explore.analytics;

/**
 * Set B of a brush as a bitset over the traces of an {@link AnalyticsData}; every other trace is the baseline A.
 * Built by one scan over the metric and start columns.
 */
public final class Selection {
    final long[] bits;
    private final int count;
    private final int size;

    private Selection(long[] bits, int count, int size) {
        this.bits = bits;
        this.count = count;
        this.size = size;
    }

    public static Selection of(AnalyticsData data, Brush brush) {
        double[] v = data.column(brush.metric());
        long[] start = data.startMillis;
        double lo = brush.low(), hi = brush.high();
        long from = brush.fromMillis(), to = brush.toMillis();
        int n = data.size();
        long[] bits = new long[(n + 63) >>> 6];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double x = v[i];
            long t = start[i];
            if (x >= lo && x <= hi && t >= from && t < to) {
                bits[i >>> 6] |= 1L << i;
                count++;
            }
        }
        return new Selection(bits, count, n);
    }

    /** No trace selected. */
    public static Selection none(AnalyticsData data) {
        return new Selection(new long[(data.size() + 63) >>> 6], 0, data.size());
    }

    public boolean contains(int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    /** Traces in B. */
    public int count() {
        return count;
    }

    /** Traces in A (the rest). */
    public int baselineCount() {
        return size - count;
    }

    /** The indices in B, in index order. */
    public int[] indices() {
        int[] out = new int[count];
        int k = 0;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                out[k++] = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return out;
    }
}
