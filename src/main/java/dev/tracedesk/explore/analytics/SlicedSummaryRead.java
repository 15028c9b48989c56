package dev.tracedesk.explore.analytics;

import dev.tracedesk.explore.traces.SummaryPage;
import dev.tracedesk.explore.traces.TraceQuery;
import dev.tracedesk.explore.traces.TraceRow;
import dev.tracedesk.explore.traces.TraceSummarySource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a window's trace summaries the way Grafana's X-Ray plugin does for analytics: the window is cut into time
 * slices that are read in parallel (a few at a time; throttling is left to the SDK's retry strategy and its
 * backoff), each slice page by page until it is read through or has spent its share of the {@link ReadBudget}. What
 * was not read is estimated per slice from how far back its pages came (ApproximateTime, else the oldest trace
 * read), so the counts stay honest. A stopped read keeps each slice's NextToken: {@link #continueRead} reads the rest
 * ("Read all") without reading anything twice. One instance per window and filter; not thread-safe itself (one read
 * at a time), its slices run on their own threads.
 */
public final class SlicedSummaryRead {
    private static final Logger LOG = LoggerFactory.getLogger(SlicedSummaryRead.class);

    /** Slices a window is cut into at least (more when it is longer than X-Ray's 24 h per request). */
    public static final int MIN_SLICES = 8;
    /** Slices read at the same time: bounded, like the plugin's four streams, to stay clear of X-Ray's rate limit. */
    public static final int PARALLEL = 4;
    /** A slice whose pages came back almost no time is estimated as if this share of it had been read. */
    private static final double MIN_COVERAGE = 0.01;

    private final TraceQuery query;
    private final List<Slice> slices;

    private SlicedSummaryRead(TraceQuery query, List<TraceQuery> parts) {
        this.query = query;
        this.slices = parts.stream().map(Slice::new).toList();
    }

    /** A read of {@code query} cut into slices; nothing is requested yet. */
    public static SlicedSummaryRead of(TraceQuery query) {
        return new SlicedSummaryRead(query, slices(query, MIN_SLICES));
    }

    /**
     * The window cut into equal, adjacent slices, newest first: at least {@code minSlices} (fewer when the window is
     * shorter than that many seconds), each at most 24 hours.
     */
    static List<TraceQuery> slices(TraceQuery query, int minSlices) {
        Duration window = Duration.between(query.from(), query.to());
        long byDay = (window.toMillis() + TraceQuery.MAX_WINDOW.toMillis() - 1) / TraceQuery.MAX_WINDOW.toMillis();
        long count = Math.max(byDay, Math.min(minSlices, Math.max(1, window.toSeconds())));
        List<TraceQuery> out = new ArrayList<>();
        long fromNanos = toNanos(query.from());
        long span = toNanos(query.to()) - fromNanos;
        Instant end = query.to();
        for (long i = count - 1; i >= 0; i--) {
            Instant start = i == 0 ? query.from() : fromNanos(fromNanos + span / count * i
                    + Math.floorDiv((span % count) * i, count));
            out.add(new TraceQuery(start, end, query.filter()));
            end = start;
        }
        return out;
    }

    public TraceQuery query() {
        return query;
    }

    /** Reads every slice until done or its share of {@code budget} is spent. Null when cancelled. */
    public SummaryRead read(TraceSummarySource source, ReadBudget budget, BooleanSupplier cancelled) {
        return run(source, budget, cancelled);
    }

    /** Reads what an earlier, stopped read left (every slice from its NextToken), with no budget. Null if cancelled. */
    public SummaryRead continueRead(TraceSummarySource source, BooleanSupplier cancelled) {
        return run(source, ReadBudget.UNLIMITED, cancelled);
    }

    private SummaryRead run(TraceSummarySource source, ReadBudget budget, BooleanSupplier cancelled) {
        Objects.requireNonNull(source);
        List<Slice> open = slices.stream().filter(s -> !s.complete).toList();
        ReadBudget share = budget.share(slices.size());
        if (!open.isEmpty()) {
            ExecutorService pool = pool(Math.min(PARALLEL, open.size()));
            try {
                List<Future<?>> running = new ArrayList<>();
                for (Slice slice : open) {
                    running.add(pool.submit(() -> {
                        slice.read(source, share, cancelled);
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CancellationException) {
                    return null;
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        if (cancelled.getAsBoolean()) {
            return null;
        }
        return summarize();
    }

    private SummaryRead summarize() {
        Map<String, TraceRow> merged = new LinkedHashMap<>();
        long processed = 0;
        long requests = 0;
        double estimatedTraces = 0;
        double estimatedScan = 0;
        double estimatedRequests = 0;
        boolean complete = true;
        for (Slice s : slices) { // newest slice first, each newest first: the merged list stays newest first
            for (TraceRow row : s.rows) {
                merged.putIfAbsent(row.id(), row); // a trace at a slice border is answered by both slices
            }
            processed += s.processed;
            requests += s.requests;
            double coverage = s.coverage();
            estimatedTraces += s.rows.size() / coverage;
            estimatedScan += s.processed / coverage;
            estimatedRequests += s.complete ? s.requests : Math.max(s.requests + 1, s.requests / coverage);
            complete &= s.complete;
        }
        List<TraceRow> rows = new ArrayList<>(merged.values());
        long estimate = complete ? rows.size() : Math.max(rows.size(), Math.round(estimatedTraces));
        long scanEstimate = complete ? processed : Math.max(processed, Math.round(estimatedScan));
        long requestEstimate = complete ? requests : Math.round(estimatedRequests);
        LOG.debug("read {} summaries in {} requests over {} slices (complete {}, about {} in the window)", rows.size(),
                requests, slices.size(), complete, estimate);
        return new SummaryRead(rows, processed, requests, slices.size(), complete, estimate,
                Math.max(0, scanEstimate - processed), Math.max(0, requestEstimate - requests));
    }

    private static ExecutorService pool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "summary-slice-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static long toNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** One slice's progress; touched by one thread at a time (its worker, then the summarizing caller). */
    private static final class Slice {
        final TraceQuery query;
        final List<TraceRow> rows = new ArrayList<>();
        String token;
        long processed;
        long requests;
        boolean complete;
        /** How far back the slice has been scanned; {@code query.to()} before the first page. */
        Instant reached;

        Slice(TraceQuery query) {
            this.query = query;
            this.reached = query.to();
        }

        void read(TraceSummarySource source, ReadBudget share, BooleanSupplier cancelled) {
            long rowsBefore = rows.size();
            long requestsBefore = requests;
            while (!complete) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException();
                }
                if (rows.size() - rowsBefore >= share.traces() || requests - requestsBefore >= share.requests()) {
                    return; // this slice's share is spent; the estimate covers the rest
                }
                SummaryPage page = source.page(query, token);
                requests++;
                processed += page.processed();
                rows.addAll(page.rows());
                token = page.nextToken();
                complete = token == null;
                Instant back = page.approximateTime() != null ? page.approximateTime() : oldest(page.rows());
                if (back != null && back.isBefore(reached)) {
                    reached = back.isBefore(query.from()) ? query.from() : back;
                }
            }
        }

        /** The share of the slice read so far (1 when read through). */
        double coverage() {
            if (complete) {
                return 1;
            }
            double span = Duration.between(query.from(), query.to()).toMillis();
            double done = Duration.between(reached, query.to()).toMillis();
            return span <= 0 ? 1 : Math.max(MIN_COVERAGE, Math.min(1, done / span));
        }

        private static Instant oldest(List<TraceRow> page) {
            return page.stream().map(TraceRow::start).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
        }
    }
}
