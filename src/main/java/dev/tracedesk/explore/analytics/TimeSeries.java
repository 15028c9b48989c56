package dev.tracedesk.explore.analytics;

/** Traces per interval of the window, all and selected, so it shows when the slow ones happened. */
public record TimeSeries(long fromMillis, long toMillis, int[] counts, int[] selected) {

    public static TimeSeries of(AnalyticsData data, Selection selection, long fromMillis, long toMillis, int buckets) {
        if (toMillis <= fromMillis || buckets < 1) {
            throw new IllegalArgumentException("empty series " + fromMillis + ".." + toMillis + " / " + buckets);
        }
        int[] counts = new int[buckets];
        int[] selected = new int[buckets];
        double width = (double) (toMillis - fromMillis) / buckets;
        long[] start = data.startMillis;
        for (int i = 0, n = data.size(); i < n; i++) {
            long t = start[i];
            if (t < fromMillis || t >= toMillis) {
                continue;
            }
            int b = Math.min(buckets - 1, (int) ((t - fromMillis) / width));
            counts[b]++;
            if (selection.contains(i)) {
                selected[b]++;
            }
        }
        return new TimeSeries(fromMillis, toMillis, counts, selected);
    }

    public int buckets() {
        return counts.length;
    }

    public long bucketStart(int k) {
        return fromMillis + Math.round((double) (toMillis - fromMillis) * k / counts.length);
    }

    public int maxCount() {
        int m = 0;
        for (int c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }
}
