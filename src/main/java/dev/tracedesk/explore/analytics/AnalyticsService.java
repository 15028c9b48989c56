package dev.tracedesk.explore.analytics;

import dev.tracedesk.explore.traces.TraceQuery;
import dev.tracedesk.explore.traces.TraceRow;
import dev.tracedesk.explore.traces.TracesBackend;
import dev.tracedesk.xray.trace.Trace;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a window's analytics set: the summaries in parallel time slices within a {@link ReadBudget}
 * ({@link SlicedSummaryRead}; on the sandbox every trace counts, no budget), then the documents of up to
 * {@code detailBudget} traces (BatchGetTraces, 5 at a time) for the attributes only documents carry. The slow
 * traces' documents are read first, so B is covered before A. "Read all" continues a stopped read where each slice
 * stopped. Loads run on a worker, one at a time.
 */
public final class AnalyticsService {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsService.class);

    /** What one load may read on AWS before it stops and says the window holds more ("read all" lifts it). */
    public static final ReadBudget AWS_BUDGET = new ReadBudget(50_000, 1_000);
    /** Trace documents read per load. */
    public static final int DETAIL_BUDGET = 2_000;

    private record Key(String connection, TraceQuery query) {
    }

    private record Stopped(Key key, SlicedSummaryRead read) {
    }

    private final Supplier<TracesBackend> backend;
    private final ReadBudget awsBudget;
    private final ReadBudget sandboxBudget;
    private final int detailBudget;
    private volatile Stopped stopped;

    public AnalyticsService(Supplier<TracesBackend> backend) {
        this(backend, AWS_BUDGET, ReadBudget.UNLIMITED, DETAIL_BUDGET);
    }

    /** @param sandboxBudget the budget on the sandbox: unlimited in the app, smaller in tests of the budget path */
    public AnalyticsService(Supplier<TracesBackend> backend, ReadBudget awsBudget, ReadBudget sandboxBudget,
            int detailBudget) {
        this.backend = Objects.requireNonNull(backend);
        this.awsBudget = Objects.requireNonNull(awsBudget);
        this.sandboxBudget = Objects.requireNonNull(sandboxBudget);
        this.detailBudget = detailBudget;
    }

    /**
     * Loads on the calling (worker) thread; null when cancelled. {@code readAll} reads the whole window: the rest of
     * the last stopped read of the same window, else everything.
     */
    public AnalyticsLoad load(Instant from, Instant to, String filter, boolean readAll, BooleanSupplier cancelled) {
        TracesBackend b = backend.get();
        TraceQuery query = new TraceQuery(from, to, filter);
        Key key = new Key(b.connectionKey(), query);
        Stopped last = stopped;
        SummaryRead summaries;
        SlicedSummaryRead read;
        if (readAll && last != null && last.key().equals(key)) {
            read = last.read();
            summaries = read.continueRead(b.summaries(), cancelled);
        } else {
            read = SlicedSummaryRead.of(query);
            ReadBudget budget = readAll ? ReadBudget.UNLIMITED : b.isSandbox() ? sandboxBudget : awsBudget;
            summaries = read.read(b.summaries(), budget, cancelled);
        }
        if (summaries == null) {
            return null;
        }
        stopped = summaries.complete() ? null : new Stopped(key, read);
        List<TraceRow> rows = summaries.rows();
        List<String> ids = rows.stream()
                .sorted((x, y) -> Double.compare(nz(y.responseTime()), nz(x.responseTime())))
                .limit(detailBudget).map(TraceRow::id).toList();
        Map<String, TraceDetails> details = new HashMap<>();
        for (int i = 0; i < ids.size() && !cancelled.getAsBoolean(); i += 100) {
            for (Trace t : b.traces().traces(ids.subList(i, Math.min(ids.size(), i + 100)))) {
                details.put(t.id().value(), TraceDetails.of(t));
            }
        }
        if (cancelled.getAsBoolean()) {
            return null;
        }
        LOG.debug("analytics: {} summaries of about {} ({} scanned, {} requests, {} slices), {} documents", rows.size(),
                summaries.estimatedTotal(), summaries.processed(), summaries.requests(), summaries.slices(),
                details.size());
        return new AnalyticsLoad(AnalyticsData.of(rows, details), summaries.processed(), !summaries.complete(),
                summaries.estimatedTotal(), details.size(), summaries.requests(), summaries.slices(),
                summaries.remainingScan(), summaries.remainingRequests());
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }
}
