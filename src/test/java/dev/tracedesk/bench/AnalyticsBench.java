package dev.tracedesk.bench;

import dev.tracedesk.explore.analytics.AnalyticsData;
import dev.tracedesk.explore.analytics.Attribute;
import dev.tracedesk.explore.analytics.AttributeKind;
import dev.tracedesk.explore.analytics.Brush;
import dev.tracedesk.explore.analytics.Difference;
import dev.tracedesk.explore.analytics.Differences;
import dev.tracedesk.explore.analytics.Histogram;
import dev.tracedesk.explore.analytics.Metric;
import dev.tracedesk.explore.analytics.Selection;
import dev.tracedesk.explore.analytics.TimeSeries;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Analytics over 1,000,000 shop-shaped summaries (warm ~100 ms, 1 in 10 cold at ~600 ms+, 3 % faults, 8 services, 4
 * URLs, 50 users, an annotation with 20 values, cold start and root cause from documents). A brush move is the
 * selection scan plus the per-bucket counts of the histogram and the time series; "what sets them apart" is the
 * ranking. Targets: brush move ≤ 16 ms, ranking ≤ 250 ms.
 * {@code scripts/bench jmh AnalyticsBench -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AnalyticsBench {
    @Param("1000000")
    public int traces;

    private AnalyticsData data;
    private Histogram histogram;
    private Selection selection;
    private long from;
    private long to;
    private int move;

    @Setup
    public void build() {
        SplittableRandom random = new SplittableRandom(7);
        AnalyticsData.Builder b = AnalyticsData.builder();
        int[] services = new int[8];
        for (int i = 0; i < services.length; i++) {
            services[i] = b.intern(new Attribute(AttributeKind.SERVICE, "AMIS_service_" + i));
        }
        int cold = b.intern(new Attribute(AttributeKind.COLD_START, "yes"));
        int fault = b.intern(new Attribute(AttributeKind.OUTCOME, "fault"));
        int ok = b.intern(new Attribute(AttributeKind.OUTCOME, "ok"));
        int rootCause = b.intern(new Attribute(AttributeKind.ROOT_CAUSE_SERVICE, "AMIS_shop_update_db"));
        int[] urls = new int[4];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = b.intern(new Attribute(AttributeKind.URL, "https://api/prod/path" + i));
        }
        int[] users = new int[50];
        for (int i = 0; i < users.length; i++) {
            users[i] = b.intern(new Attribute(AttributeKind.USER, "user" + i));
        }
        int[] tiers = new int[20];
        for (int i = 0; i < tiers.length; i++) {
            tiers[i] = b.intern(new Attribute(AttributeKind.ANNOTATION, "tier = " + i));
        }
        from = 1_764_000_000_000L;
        to = from + 3_600_000L;
        int[] attrs = new int[16];
        for (int i = 0; i < traces; i++) {
            boolean isCold = random.nextInt(10) == 0;
            boolean isFault = random.nextInt(33) == 0;
            double rt = isCold ? 0.6 + random.nextDouble() * 0.4 : 0.05 + random.nextDouble() * 0.1;
            int n = 0;
            for (int s = 0; s < 4 + random.nextInt(4); s++) {
                attrs[n++] = services[s];
            }
            attrs[n++] = urls[random.nextInt(urls.length)];
            attrs[n++] = users[random.nextInt(users.length)];
            attrs[n++] = tiers[random.nextInt(tiers.length)];
            attrs[n++] = isFault ? fault : ok;
            if (isCold) {
                attrs[n++] = cold;
            }
            if (isFault) {
                attrs[n++] = rootCause;
            }
            b.addRaw("t" + i, rt, rt + 0.1, from + random.nextLong(3_600_000L), isFault ? AnalyticsData.FAULT : 0,
                    true, attrs, n);
        }
        data = b.build();
        histogram = Histogram.of(data, Metric.RESPONSE_TIME, 40);
        selection = Selection.of(data, Brush.atLeast(Metric.RESPONSE_TIME, 0.4));
    }

    /** One brush move: a new range (it walks, as a drag does), set B, counts per histogram bucket and per interval. */
    @Benchmark
    public int brushMove() {
        double low = 0.3 + (move++ % 20) * 0.01;
        Selection s = Selection.of(data, Brush.atLeast(Metric.RESPONSE_TIME, low));
        int[] perBucket = histogram.selectedCounts(s);
        TimeSeries series = TimeSeries.of(data, s, from, to, 60);
        return perBucket[perBucket.length - 1] + series.selected()[0] + s.count();
    }

    /** Building the histogram of a metric (a metric switch or a new load). */
    @Benchmark
    public Histogram histogram() {
        return Histogram.of(data, Metric.RESPONSE_TIME, 40);
    }

    /** "What sets them apart" for the 400 ms brush. */
    @Benchmark
    public List<Difference> whatSetsThemApart() {
        return Differences.rank(data, selection);
    }
}
