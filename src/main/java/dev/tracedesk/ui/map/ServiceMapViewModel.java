package dev.tracedesk.ui.map;

import dev.tracedesk.explore.access.Problem;
import dev.tracedesk.explore.access.ProblemKind;
import dev.tracedesk.explore.access.Problems;
import dev.tracedesk.explore.map.MapEdge;
import dev.tracedesk.explore.map.MapLayout;
import dev.tracedesk.explore.map.MapNode;
import dev.tracedesk.explore.map.MapQuery;
import dev.tracedesk.explore.map.ServiceMap;
import dev.tracedesk.explore.map.ServiceMapSource;
import dev.tracedesk.filter.Expr;
import dev.tracedesk.filter.FilterSyntaxException;
import dev.tracedesk.filter.Filters;
import dev.tracedesk.filter.NumberKeyword;
import dev.tracedesk.filter.Op;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TimeWindow;
import dev.tracedesk.xray.Outcome;
import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.graph.Histogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The service map screen: loads the map for the top bar's window and filter (on a worker: fetch, then ELK layout),
 * keeps the selection across reloads, and computes what the map and the side panel show (ring shares, latency and
 * rate figures, statistics, the "View traces" filter). FX thread only; no nodes.
 */
public final class ServiceMapViewModel {

    /** What the screen shows. */
    public enum State { LOADING, READY, EMPTY, ERROR }

    /** One coloured part of a node's ring. */
    public record RingSegment(Outcome outcome, double share) {}

    /** A laid-out map, what the canvas draws. */
    public record Rendered(ServiceMap map, MapLayout.Result layout) {}

    /** A brushed latency range in seconds; either end may be open (NaN). */
    public record LatencyRange(double low, double high) {}

    public enum Direction { LEFT, RIGHT, UP, DOWN }

    private final ResourceBundle strings;
    private final ServiceMapSource source;
    private final MapContext context;
    private final BackgroundTasks tasks;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper messageTitle = new ReadOnlyStringWrapper(this, "messageTitle", "");
    private final ReadOnlyStringWrapper messageText = new ReadOnlyStringWrapper(this, "messageText", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<Rendered> rendered = new ReadOnlyObjectWrapper<>(this, "rendered");
    private final ObjectProperty<MapSelection> selection = new SimpleObjectProperty<>(this, "selection");
    private final ReadOnlyObjectWrapper<SelectionDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ObjectProperty<LatencyRange> brush = new SimpleObjectProperty<>(this, "brush");
    private final StringProperty viewTracesFilter = new SimpleStringProperty(this, "viewTracesFilter", "");
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live", true);
    private final StringProperty group = new SimpleStringProperty(this, "group", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    private BackgroundTasks.Handle running;
    private long generation;
    private String lastSearch = "";
    private int lastSearchHit = -1;

    public ServiceMapViewModel(ResourceBundle strings, ServiceMapSource source, MapContext context,
            BackgroundTasks tasks) {
        this.strings = Objects.requireNonNull(strings);
        this.source = Objects.requireNonNull(source);
        this.context = Objects.requireNonNull(context);
        this.tasks = Objects.requireNonNull(tasks);
        context.refreshCountProperty().addListener((obs, old, count) -> {
            if (live.get()) {
                reload();
            }
        });
        selection.addListener((obs, old, sel) -> {
            brush.set(null);
            updateDetails();
        });
        brush.addListener((obs, old, range) -> updateFilter());
        rendered.addListener((obs, old, r) -> updateDetails());
    }

    // ~ loading

    /** Fetches and lays out the map for the current window, filter and group; keeps the selection. */
    public void reload() {
        TimeWindow window = context.windowProperty().get();
        if (window == null) {
            return;
        }
        if (running != null) {
            running.cancel();
        }
        MapQuery query = new MapQuery(window.from(), window.to(), group.get(), context.filterProperty().get());
        long mine = ++generation;
        busy.set(true);
        progressText.set(strings.getString("map.progress.fetching"));
        if (rendered.get() == null) {
            state.set(State.LOADING);
        }
        MapLayout.Result previous = rendered.get() == null ? null : rendered.get().layout();
        running = tasks.task(strings.getString("map.task"), progress -> {
            ServiceMap map = source.fetch(query, progress::update);
            MapLayout.Result layout = MapLayout.reuse(previous, map);
            if (layout == null) {
                progress.update(-1, Strings.format(strings, "map.progress.layout", map.nodes().size()));
                layout = MapLayout.layout(map);
            }
            return new Rendered(map, layout);
        }).onSuccess(r -> {
            if (mine == generation) {
                show(r);
            }
        }).onFailure(error -> {
            if (mine == generation) {
                showError(error);
            }
        }).andFinally(() -> {
            if (mine == generation) {
                busy.set(false);
                running = null;
            }
        }).start();
    }

    /** Shows a laid-out map (also what {@link #reload()} ends in). */
    void show(Rendered r) {
        rendered.set(r);
        ServiceMap map = r.map();
        if (map.isEmpty()) {
            state.set(State.EMPTY);
            boolean filtered = context.filterProperty().get() != null && !context.filterProperty().get().isBlank();
            messageTitle.set(strings.getString(filtered ? "map.empty.filtered.title" : "map.empty.title"));
            messageText.set(strings.getString(filtered ? "map.empty.filtered.message" : "map.empty.message"));
            summary.set("");
        } else {
            state.set(State.READY);
            String text = Strings.format(strings, "map.summary", map.nodes().size(), map.edges().size());
            if (map.tracesUsed() >= 0) {
                text += " · " + Strings.format(strings, map.truncated() ? "map.summary.tracesCapped"
                        : "map.summary.traces", map.tracesUsed());
            }
            summary.set(text);
        }
    }

    void showError(Throwable error) {
        state.set(State.ERROR);
        summary.set("");
        if (error instanceof FilterSyntaxException f) {
            messageTitle.set(strings.getString("map.error.filter.title"));
            messageText.set(f.getMessage());
            return;
        }
        Problem problem = Problems.classify(error);
        if (problem.kind() == ProblemKind.ACCESS_DENIED) {
            messageTitle.set(strings.getString("map.error.denied.title"));
            messageText.set(Strings.format(strings, "map.error.denied.message",
                    problem.missingPermission().orElse("xray:GetServiceGraph")));
        } else if (problem.kind() == ProblemKind.NETWORK_UNREACHABLE && context.isSandbox()) {
            messageTitle.set(strings.getString("map.error.sandbox.title"));
            messageText.set(strings.getString("map.error.sandbox.message"));
        } else {
            messageTitle.set(strings.getString("map.error.title"));
            messageText.set(problem.userMessage());
        }
    }

    // ~ what the map draws

    /** The ring of node i: one segment per outcome with calls, in the order ok, error, throttle, fault. */
    public List<RingSegment> ring(int node) {
        return ring(map().nodes().get(node).stats());
    }

    static List<RingSegment> ring(dev.tracedesk.explore.map.MapStats stats) {
        List<RingSegment> out = new ArrayList<>(4);
        for (Outcome o : List.of(Outcome.OK, Outcome.ERROR, Outcome.THROTTLE, Outcome.FAULT)) {
            double share = stats.share(o);
            if (share > 0) {
                out.add(new RingSegment(o, share));
            }
        }
        return out;
    }

    /** "42 ms · 1.5/min" under a node; empty for client nodes, which carry no statistics. */
    public String nodeFigures(int node) {
        MapNode n = map().nodes().get(node);
        if (n.stats().total() == 0) {
            return "";
        }
        return MapFormat.latency(n.stats().averageResponseTime()) + " · " + MapFormat.rate(perMinute(n.stats()));
    }

    /** "fault 50% · error 5%": the non-ok shares in words (the colour-independent cue); empty when all ok. */
    public String nodeProblems(int node) {
        dev.tracedesk.explore.map.MapStats s = map().nodes().get(node).stats();
        List<String> parts = new ArrayList<>();
        for (Outcome o : List.of(Outcome.FAULT, Outcome.THROTTLE, Outcome.ERROR)) {
            if (s.count(o) > 0) {
                parts.add(o.name().toLowerCase(Locale.ROOT) + " " + MapFormat.share(s.share(o)));
            }
        }
        return String.join(" · ", parts);
    }

    /** "2.5/min" on an edge. */
    public String edgeLabel(int edge) {
        return MapFormat.rate(perMinute(map().edges().get(edge).stats()));
    }

    /** What hovering an edge says: its counts and latency. */
    public String edgeTooltip(int edge) {
        MapEdge e = map().edges().get(edge);
        dev.tracedesk.explore.map.MapStats s = e.stats();
        return Strings.format(strings, "map.edge.tooltip", map().nodes().get(e.source()).name(),
                map().nodes().get(e.target()).name(), s.total(), s.ok(), s.error(), s.fault(), s.throttle(),
                MapFormat.latency(s.averageResponseTime()), MapFormat.rate(perMinute(s)));
    }

    public double perMinute(dev.tracedesk.explore.map.MapStats stats) {
        return stats.perMinute(map().seconds());
    }

    private ServiceMap map() {
        return rendered.get().map();
    }

    // ~ selection

    public void selectNode(int index) {
        selection.set(index < 0 ? null : new MapSelection.Node(map().nodes().get(index).id()));
    }

    public void selectEdge(int index) {
        MapEdge e = map().edges().get(index);
        selection.set(new MapSelection.Edge(map().nodes().get(e.source()).id(), map().nodes().get(e.target()).id()));
    }

    public void clearSelection() {
        selection.set(null);
    }

    /** Index of the selected node in the current map, or -1. */
    public int selectedNode() {
        if (rendered.get() != null && selection.get() instanceof MapSelection.Node n) {
            return map().indexOf(n.id());
        }
        return -1;
    }

    /** Index of the selected edge in the current map, or -1. */
    public int selectedEdge() {
        if (rendered.get() != null && selection.get() instanceof MapSelection.Edge e) {
            int s = map().indexOf(e.source());
            int t = map().indexOf(e.target());
            return s < 0 || t < 0 ? -1 : map().edgeIndex(s, t);
        }
        return -1;
    }

    /**
     * Selects the next node whose name contains {@code text} (case-insensitive); repeating the same text steps
     * through the matches. Returns the node's index, or -1 when none matches.
     */
    public int search(String text) {
        if (rendered.get() == null || text == null || text.isBlank()) {
            return -1;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        List<MapNode> nodes = map().nodes();
        int start = needle.equals(lastSearch) ? lastSearchHit + 1 : 0;
        lastSearch = needle;
        for (int k = 0; k < nodes.size(); k++) {
            int i = (start + k) % nodes.size();
            if (nodes.get(i).name().toLowerCase(Locale.ROOT).contains(needle)) {
                lastSearchHit = i;
                selectNode(i);
                return i;
            }
        }
        lastSearchHit = -1;
        return -1;
    }

    /**
     * Keyboard navigation: selects the nearest node in that direction from the selected one (the first node when
     * nothing is selected). Returns the new selection's index, or -1.
     */
    public int selectNeighbour(Direction direction) {
        if (rendered.get() == null || map().isEmpty()) {
            return -1;
        }
        MapLayout.Result layout = rendered.get().layout();
        int from = selectedNode();
        if (from < 0) {
            int first = 0;
            for (int i = 1; i < map().nodes().size(); i++) {
                if (layout.nodeX()[i] + layout.nodeY()[i] < layout.nodeX()[first] + layout.nodeY()[first]) {
                    first = i;
                }
            }
            selectNode(first);
            return first;
        }
        double x0 = layout.ringX(from);
        double y0 = layout.ringY(from);
        int best = -1;
        double bestScore = Double.MAX_VALUE;
        for (int i = 0; i < map().nodes().size(); i++) {
            double dx = layout.ringX(i) - x0;
            double dy = layout.ringY(i) - y0;
            double along = switch (direction) {
                case RIGHT -> dx;
                case LEFT -> -dx;
                case DOWN -> dy;
                case UP -> -dy;
            };
            double across = direction == Direction.LEFT || direction == Direction.RIGHT ? Math.abs(dy) : Math.abs(dx);
            if (i == from || along <= 1) {
                continue;
            }
            double score = along + 2 * across; // prefer nodes straight ahead over nearer ones off to the side
            if (score < bestScore) {
                bestScore = score;
                best = i;
            }
        }
        if (best >= 0) {
            selectNode(best);
        }
        return best;
    }

    private void updateDetails() {
        SelectionDetails d = computeDetails();
        details.set(d);
        if (d == null && selection.get() != null && rendered.get() != null && state.get() == State.READY) {
            selection.set(null); // the selected node left the map
            return;
        }
        updateFilter();
    }

    private SelectionDetails computeDetails() {
        if (rendered.get() == null) {
            return null;
        }
        int node = selectedNode();
        if (node >= 0) {
            MapNode n = map().nodes().get(node);
            Histogram h = n.responseTimes();
            return new SelectionDetails(n.name(), n.kind().label(), n.type(), n.stats(), perMinute(n.stats()),
                    h.quantile(0.5), h.quantile(0.9), h.quantile(0.99), h);
        }
        int edge = selectedEdge();
        if (edge >= 0) {
            MapEdge e = map().edges().get(edge);
            Histogram h = e.responseTimes();
            String title = map().nodes().get(e.source()).name() + " → " + map().nodes().get(e.target()).name();
            return new SelectionDetails(title, strings.getString("map.details.edge"), null, e.stats(),
                    perMinute(e.stats()), h.quantile(0.5), h.quantile(0.9), h.quantile(0.99), h);
        }
        return null;
    }

    // ~ View traces

    /**
     * The expression "View traces" opens: the selected node ({@code service(id(...))}) or edge
     * ({@code edge(id(...), id(...))}), with the brushed response-time range as its body. A client node stands for
     * the requests it sent, i.e. its root service. Null without a selection.
     */
    public Expr selectionFilter() {
        MapSelection sel = selection.get();
        if (sel == null) {
            return null;
        }
        Expr body = brushBody();
        if (sel instanceof MapSelection.Node n) {
            ServiceId id = n.id();
            if (id.isClient() && rendered.get() != null) {
                int index = map().indexOf(id);
                for (MapEdge e : map().edges()) {
                    if (e.source() == index) {
                        id = map().nodes().get(e.target()).id();
                        break;
                    }
                }
            }
            return Filters.service(Filters.node(id.name(), id.type()), body);
        }
        MapSelection.Edge e = (MapSelection.Edge) sel;
        return Filters.edge(Filters.node(e.source().name(), e.source().type()),
                Filters.node(e.target().name(), e.target().type()), body);
    }

    private Expr brushBody() {
        LatencyRange r = brush.get();
        if (r == null) {
            return null;
        }
        boolean hasLow = !Double.isNaN(r.low()) && r.low() > 0;
        boolean hasHigh = !Double.isNaN(r.high());
        if (hasLow && hasHigh) {
            return Filters.responseTimeBetween(round(r.low()), round(r.high()));
        }
        if (hasLow) {
            return Filters.number(NumberKeyword.RESPONSETIME, Op.GE, round(r.low()));
        }
        return hasHigh ? Filters.number(NumberKeyword.RESPONSETIME, Op.LE, round(r.high())) : null;
    }

    /** Milliseconds are the histograms' resolution; more digits would only make the expression harder to read. */
    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private void updateFilter() {
        Expr e = selectionFilter();
        viewTracesFilter.set(e == null ? "" : Filters.print(e));
    }

    /** Opens Traces with the (possibly edited) filter text over the map's window. */
    public void viewTraces() {
        String text = viewTracesFilter.get();
        if (text == null || text.isBlank() || rendered.get() == null) {
            return;
        }
        ServiceMap map = map();
        context.showTraces(text.strip(), new TimeWindow(map.from(), map.to()));
    }

    // ~ properties

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    public ReadOnlyStringProperty messageTitleProperty() {
        return messageTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageTextProperty() {
        return messageText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Rendered> renderedProperty() {
        return rendered.getReadOnlyProperty();
    }

    public ObjectProperty<MapSelection> selectionProperty() {
        return selection;
    }

    public ReadOnlyObjectProperty<SelectionDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ObjectProperty<LatencyRange> brushProperty() {
        return brush;
    }

    public StringProperty viewTracesFilterProperty() {
        return viewTracesFilter;
    }

    public BooleanProperty liveProperty() {
        return live;
    }

    /** The X-Ray group the map is limited to (blank = all traces). */
    public StringProperty groupProperty() {
        return group;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
