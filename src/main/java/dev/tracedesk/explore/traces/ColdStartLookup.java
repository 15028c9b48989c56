package dev.tracedesk.explore.traces;

import dev.tracedesk.xray.trace.LambdaPhases;
import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether traces had a Lambda cold start. Summaries do not say (GetTraceSummaries has no Initialization phase), so
 * the trace documents are read — only for the traces someone looks at, five ids per BatchGetTraces call, and each
 * answer is cached per connection, so scrolling back and reloading the same window ask nothing again. Thread-safe.
 */
public final class ColdStartLookup {

    /** Ids per BatchGetTraces call (the API's limit). */
    public static final int BATCH = 5;
    /** Ids read per {@link #fetch} call at most (a handful of calls, so that a scroll does not queue hundreds). */
    public static final int MAX_PER_FETCH = 4 * BATCH;

    private final int capacity;
    private final Map<String, Boolean> known;

    public ColdStartLookup() {
        this(200_000);
    }

    /** @param capacity answers kept (least recently used dropped first) */
    public ColdStartLookup(int capacity) {
        this.capacity = capacity;
        this.known = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > ColdStartLookup.this.capacity;
            }
        };
    }

    /** The cached answer for {@code id} on {@code connection}, or null when unknown. */
    public synchronized Boolean known(String connection, String id) {
        return known.get(key(connection, id));
    }

    /** Of {@code ids}, those without a cached answer, in order, at most {@link #MAX_PER_FETCH}. */
    public synchronized List<String> unknown(String connection, Collection<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (out.size() == MAX_PER_FETCH) {
                break;
            }
            if (!known.containsKey(key(connection, id)) && !out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * Reads the traces {@code ids} (BatchGetTraces, {@link #BATCH} at a time) and caches whether each had a cold
     * start. Ids the service does not return (expired, not yet indexed) are left unknown. Called from a worker.
     *
     * @return id → cold start, for the ids found
     */
    public Map<String, Boolean> fetch(TraceSource source, String connection, List<String> ids) {
        Map<String, Boolean> found = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            for (Trace t : source.traces(ids.subList(i, Math.min(ids.size(), i + BATCH)))) {
                found.put(t.id().value(), LambdaPhases.hasColdStart(t));
            }
        }
        synchronized (this) {
            found.forEach((id, cold) -> known.put(key(connection, id), cold));
        }
        return found;
    }

    private static String key(String connection, String id) {
        return connection + '\n' + id;
    }
}
