package dev.tracedesk.explore.analytics;

import dev.tracedesk.explore.traces.SummaryLoad;
import dev.tracedesk.explore.traces.TraceQuery;
import dev.tracedesk.explore.traces.TraceRow;
import dev.tracedesk.explore.traces.TraceSummaryLoader;
import dev.tracedesk.explore.traces.TracesBackend;
import dev.tracedesk.xray.trace.Trace;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a window's analytics set: the summaries through the traces package's {@link TraceSummaryLoader} (its slices,
 * paging and cache), then the documents of up to {@code detailBudget} traces (BatchGetTraces, 5 at a time) for the
 * attributes only documents carry. The slow traces' documents are read first, so B is covered before A.
 */
public final class AnalyticsService {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsService.class);

    /** Summaries read before the load stops and says the window holds more ("read all" lifts it). */
    public static final int SUMMARY_BUDGET = 50_000;
    /** Trace documents read per load. */
    public static final int DETAIL_BUDGET = 2_000;

    private final Supplier<TracesBackend> backend;
    private final TraceSummaryLoader budgeted;
    private final TraceSummaryLoader unlimited;
    private final int detailBudget;

    public AnalyticsService(Supplier<TracesBackend> backend) {
        this(backend, new TraceSummaryLoader(SUMMARY_BUDGET), DETAIL_BUDGET);
    }

    public AnalyticsService(Supplier<TracesBackend> backend, TraceSummaryLoader budgeted, int detailBudget) {
        this.backend = backend;
        this.budgeted = budgeted;
        this.unlimited = new TraceSummaryLoader(Integer.MAX_VALUE);
        this.detailBudget = detailBudget;
    }

    /** Loads on the calling (worker) thread; null when cancelled. {@code readAll} lifts the summary budget. */
    public AnalyticsLoad load(Instant from, Instant to, String filter, boolean readAll, BooleanSupplier cancelled) {
        TracesBackend b = backend.get();
        TraceQuery query = new TraceQuery(from, to, filter);
        SummaryLoad summaries = (readAll ? unlimited : budgeted).load(b.connectionKey(), b.summaries(), query,
                p -> { }, cancelled);
        if (summaries == null) {
            return null;
        }
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
        long estimate = rows.size();
        if (summaries.capped() && !rows.isEmpty()) {
            Instant oldest = rows.stream().map(TraceRow::start).filter(s -> s != null).min(Instant::compareTo)
                    .orElse(from);
            double covered = (double) (to.toEpochMilli() - oldest.toEpochMilli()) / (to.toEpochMilli()
                    - from.toEpochMilli());
            estimate = covered <= 0 ? rows.size() : Math.round(rows.size() / Math.min(1, covered));
        }
        LOG.debug("analytics: {} summaries ({} processed, capped {}), {} documents", rows.size(),
                summaries.processed(), summaries.capped(), details.size());
        return new AnalyticsLoad(AnalyticsData.of(rows, details), summaries.processed(), summaries.capped(), estimate,
                details.size());
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }
}
