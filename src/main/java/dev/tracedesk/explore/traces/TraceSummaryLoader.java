package dev.tracedesk.explore.traces;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads trace summaries page by page, newest slice first (spec §2.2, §11): ranges longer than 24 h are split, every
 * page is handed to a listener as it arrives so the list fills while loading, a cancel stops between pages, and a
 * row cap ends the load with {@link SummaryLoad#capped()} set. Complete loads are cached per connection, window and
 * filter, so asking again costs no request. Thread-safe; loads run on a worker.
 */
public final class TraceSummaryLoader {
    private static final Logger LOG = LoggerFactory.getLogger(TraceSummaryLoader.class);

    /** Rows kept per load before it stops and says the window holds more. */
    public static final int DEFAULT_ROW_LIMIT = 100_000;
    private static final int CACHE_ENTRIES = 16;

    /** A progress report: the rows of one page, and the running totals. */
    public record Progress(List<TraceRow> page, int loaded, long processed, int slice, int slices) {
    }

    private record Key(String connection, TraceQuery query) {
    }

    private final int rowLimit;
    private final Map<Key, SummaryLoad> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SummaryLoad> eldest) {
            return size() > CACHE_ENTRIES;
        }
    });

    public TraceSummaryLoader() {
        this(DEFAULT_ROW_LIMIT);
    }

    public TraceSummaryLoader(int rowLimit) {
        if (rowLimit < 1) {
            throw new IllegalArgumentException("row limit must be positive: " + rowLimit);
        }
        this.rowLimit = rowLimit;
    }

    /**
     * Loads {@code query} from {@code source}; {@code connection} names the account/endpoint for the cache.
     * Returns null when cancelled. Runs on the calling (worker) thread.
     */
    public SummaryLoad load(String connection, TraceSummarySource source, TraceQuery query,
            Consumer<Progress> onPage, BooleanSupplier cancelled) {
        Objects.requireNonNull(source);
        Key key = new Key(connection, query);
        SummaryLoad hit = cache.get(key);
        if (hit != null) {
            onPage.accept(new Progress(hit.rows(), hit.rows().size(), hit.processed(), 1, 1));
            return new SummaryLoad(hit.rows(), hit.processed(), hit.complete(), hit.capped(), true);
        }
        List<TraceQuery> slices = query.slices();
        List<TraceRow> rows = new ArrayList<>();
        long processed = 0;
        for (int i = 0; i < slices.size(); i++) {
            String token = null;
            do {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                SummaryPage page = source.page(slices.get(i), token);
                processed += page.processed();
                List<TraceRow> taken = page.rows();
                int room = rowLimit - rows.size();
                boolean overflow = taken.size() > room;
                if (overflow) {
                    taken = taken.subList(0, room);
                }
                rows.addAll(taken);
                onPage.accept(new Progress(taken, rows.size(), processed, i + 1, slices.size()));
                token = page.nextToken();
                boolean more = overflow || token != null || i < slices.size() - 1;
                if (rows.size() >= rowLimit && more) {
                    LOG.info("stopped at {} trace summaries; the window holds more", rowLimit);
                    return new SummaryLoad(rows, processed, false, true, false);
                }
            } while (token != null);
        }
        SummaryLoad done = new SummaryLoad(rows, processed, true, false, false);
        cache.put(key, done);
        return done;
    }

    /** Forgets every cached load (a manual refresh of an absolute range wants fresh data). */
    public void clearCache() {
        cache.clear();
    }
}
