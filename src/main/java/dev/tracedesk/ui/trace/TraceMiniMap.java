package dev.tracedesk.ui.trace;

import dev.tracedesk.explore.traces.TraceGraphView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A small service map of one trace (GetTraceGraph): services in columns by call depth from the entry point, calls as
 * lines, faults red and errors orange. Drawn on a Canvas; a trace has few services.
 */
public final class TraceMiniMap extends Region {
    private static final double W = 360;
    private static final double H = 96;
    private final Canvas canvas = new Canvas(W, H);
    private TraceGraphView graph;
    private boolean dark;

    public TraceMiniMap() {
        getChildren().add(canvas);
        setMinSize(W, H);
        setPrefSize(W, H);
        setMaxSize(W, H);
        sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null) {
                scene.getStylesheets().addListener((javafx.collections.ListChangeListener<String>) c -> themeChanged());
                themeChanged();
            }
        });
    }

    private void themeChanged() {
        dark = getScene() != null && getScene().getStylesheets().stream().anyMatch(s -> s.contains("dark"));
        draw();
    }

    public void setGraph(TraceGraphView value) {
        graph = value;
        draw();
    }

    /** Column (call depth) of every node, by breadth-first walk from the roots. */
    static Map<Integer, Integer> depths(TraceGraphView g) {
        Map<Integer, List<Integer>> out = new HashMap<>();
        g.edges().forEach(e -> out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to()));
        Map<Integer, Integer> depth = new HashMap<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (TraceGraphView.Node n : g.nodes()) {
            if (n.root()) {
                depth.put(n.ref(), 0);
                queue.add(n.ref());
            }
        }
        if (queue.isEmpty() && !g.nodes().isEmpty()) {
            depth.put(g.nodes().get(0).ref(), 0);
            queue.add(g.nodes().get(0).ref());
        }
        while (!queue.isEmpty()) {
            int at = queue.poll();
            for (int next : out.getOrDefault(at, List.of())) {
                if (!depth.containsKey(next)) {
                    depth.put(next, depth.get(at) + 1);
                    queue.add(next);
                }
            }
        }
        g.nodes().forEach(n -> depth.putIfAbsent(n.ref(), 0));
        return depth;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(dark ? Color.web("#23282e") : Color.web("#f6f8fa"));
        g.fillRect(0, 0, W, H);
        if (graph == null || graph.nodes().isEmpty()) {
            return;
        }
        Map<Integer, Integer> depth = depths(graph);
        int columns = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Map<Integer, List<TraceGraphView.Node>> byColumn = new HashMap<>();
        graph.nodes().forEach(n -> byColumn.computeIfAbsent(depth.get(n.ref()), k -> new ArrayList<>()).add(n));
        Map<Integer, double[]> pos = new HashMap<>();
        double colW = W / columns;
        byColumn.forEach((col, nodes) -> {
            for (int i = 0; i < nodes.size(); i++) {
                pos.put(nodes.get(i).ref(), new double[] {colW * col + colW / 2, H * (i + 0.5) / nodes.size()});
            }
        });
        g.setStroke(dark ? Color.web("#7d8590") : Color.web("#8c959f"));
        g.setLineWidth(1);
        for (TraceGraphView.Edge e : graph.edges()) {
            double[] a = pos.get(e.from());
            double[] b = pos.get(e.to());
            if (a != null && b != null) {
                g.strokeLine(a[0], a[1], b[0], b[1]);
            }
        }
        g.setFont(Font.font("System", 9));
        for (TraceGraphView.Node n : graph.nodes()) {
            double[] p = pos.get(n.ref());
            Color fill = n.fault() ? Color.web("#d1343f") : n.error() ? Color.web("#e5a50a") : Color.web("#3b8fd9");
            g.setFill(fill);
            g.fillOval(p[0] - 5, p[1] - 5, 10, 10);
            g.setFill(dark ? Color.web("#e6edf3") : Color.web("#1f2328"));
            String name = n.name() == null ? "?" : n.name();
            int max = (int) Math.max(6, colW / 5.2);
            if (name.length() > max) {
                name = name.substring(0, max - 1) + "…";
            }
            g.fillText(name, Math.max(2, p[0] - name.length() * 2.5), Math.min(H - 2, p[1] + 15));
        }
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(0, 0);
    }
}
