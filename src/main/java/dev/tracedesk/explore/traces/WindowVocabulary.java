package dev.tracedesk.explore.traces;

import dev.tracedesk.explore.map.MapNode;
import dev.tracedesk.explore.map.ServiceMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The service names and annotation keys seen in the data of the current window, for completing filter expressions.
 * Each loader (the traces list's summaries, the service map's nodes) owns a source: it {@link #reset}s it when it
 * starts loading a new window and adds what arrives, so what is offered is what the current window holds. Safe to
 * fill from workers and read on the FX thread.
 */
public final class WindowVocabulary {

    /** The traces list's source. */
    public static final String TRACES = "traces";
    /** The service map's source. */
    public static final String MAP = "map";

    private record Seen(Set<String> services, Set<String> annotationKeys) {
        Seen() {
            this(new ConcurrentSkipListSet<>(), new ConcurrentSkipListSet<>());
        }
    }

    private final Map<String, Seen> sources = new ConcurrentHashMap<>();

    /** Forgets what {@code source} saw (it starts loading a new window). */
    public void reset(String source) {
        sources.remove(source);
    }

    /** Remembers the services and annotation keys of summary rows. */
    public void addRows(String source, Collection<TraceRow> rows) {
        Seen seen = seen(source);
        for (TraceRow r : rows) {
            addAll(seen.services(), r.services());
            if (r.entryPoint() != null) {
                seen.services().add(r.entryPoint());
            }
            addAll(seen.annotationKeys(), r.annotations().keySet());
        }
    }

    /** Remembers the names of a service map's nodes. */
    public void addMap(String source, ServiceMap map) {
        Seen seen = seen(source);
        for (MapNode n : map.nodes()) {
            addAll(seen.services(), n.names());
        }
    }

    public void addServices(String source, Collection<String> names) {
        addAll(seen(source).services(), names);
    }

    public void addAnnotationKeys(String source, Collection<String> keys) {
        addAll(seen(source).annotationKeys(), keys);
    }

    /** Service names seen by any source, sorted. */
    public List<String> services() {
        TreeSet<String> all = new TreeSet<>();
        sources.values().forEach(s -> all.addAll(s.services()));
        return List.copyOf(all);
    }

    /** Annotation keys seen by any source, sorted. */
    public List<String> annotationKeys() {
        TreeSet<String> all = new TreeSet<>();
        sources.values().forEach(s -> all.addAll(s.annotationKeys()));
        return List.copyOf(all);
    }

    private Seen seen(String source) {
        return sources.computeIfAbsent(source, k -> new Seen());
    }

    private static void addAll(Set<String> set, Collection<String> values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                set.add(v);
            }
        }
    }
}
