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
import java.util.TreeMap;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A small service map of one trace (GetTraceGraph): services in columns by call depth from the entry point, calls as
 * lines, faults red and errors orange. Each Lambda service and its function are one node ({@link MiniGraph}), labels
 * leave out the prefix all services share and alternate below and above the nodes when there are many columns; the
 * tooltip gives the full name. Drawn on a Canvas; a trace has few services.
 */
public final class TraceMiniMap extends Region {
    private static final double W = 360;
    private static final double H = 96;
    private final Canvas canvas = new Canvas(W, H);
    private TraceGraphView graph;
    private static final Font LABEL_FONT = Font.font("System", 10);
    private final Tooltip tooltip = new Tooltip();
    private boolean dark;
    private List<Placed> placed = List.of();

    public TraceMiniMap() {
        getChildren().add(canvas);
        setMinSize(W, H);
        setPrefSize(W, H);
        setMaxSize(W, H);
        // The full name of the node under the pointer: labels are short.
        canvas.setOnMouseMoved(e -> {
            String text = describeAt(e.getX(), e.getY());
            if (text == null) {
                Tooltip.uninstall(canvas, tooltip);
            } else {
                tooltip.setText(text);
                Tooltip.install(canvas, tooltip);
            }
        });
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

    /**
     * Column (call depth) of every node, by breadth-first walk from the roots that nothing calls (GetTraceGraph marks
     * both the client and the entry service root; the client calls the entry service).
     */
    static Map<Integer, Integer> depths(TraceGraphView g) {
        Map<Integer, List<Integer>> out = new HashMap<>();
        java.util.Set<Integer> called = new java.util.HashSet<>();
        g.edges().forEach(e -> {
            out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            if (e.from() != e.to()) {
                called.add(e.to());
            }
        });
        Map<Integer, Integer> depth = new HashMap<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (TraceGraphView.Node n : g.nodes()) {
            if (n.root() && !called.contains(n.ref())) {
                depth.put(n.ref(), 0);
                queue.add(n.ref());
            }
        }
        for (TraceGraphView.Node n : g.nodes()) {
            if (queue.isEmpty() && !called.contains(n.ref())) {
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
        placed = List.of();
        if (graph == null || graph.nodes().isEmpty()) {
            return;
        }
        MiniGraph mini = MiniGraph.of(graph);
        Map<Integer, Integer> depth = depths(mini.asView());
        int columns = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Map<Integer, List<MiniGraph.Node>> byColumn = new TreeMap<>();
        mini.nodes().forEach(n -> byColumn.computeIfAbsent(depth.get(n.ref()), k -> new ArrayList<>()).add(n));
        double colW = W / columns;
        // Many columns: labels alternate below and above the nodes, so each may use two columns' width.
        boolean alternate = columns > 4;
        double labelW = (alternate ? 2 * colW : colW) - 4;
        Map<Integer, double[]> pos = new HashMap<>();
        List<Placed> out = new ArrayList<>();
        byColumn.forEach((col, nodes) -> {
            for (int i = 0; i < nodes.size(); i++) {
                double x = colW * col + colW / 2;
                double y = nodes.size() == 1 ? H / 2 : 18 + (H - 36) * i / (nodes.size() - 1.0);
                pos.put(nodes.get(i).ref(), new double[] {x, y});
                out.add(new Placed(nodes.get(i), x, y));
            }
        });
        placed = out;
        g.setStroke(dark ? Color.web("#7d8590") : Color.web("#8c959f"));
        g.setLineWidth(1);
        for (TraceGraphView.Edge e : mini.edges()) {
            double[] a = pos.get(e.from());
            double[] b = pos.get(e.to());
            if (a != null && b != null) {
                g.strokeLine(a[0], a[1], b[0], b[1]);
            }
        }
        g.setFont(LABEL_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        for (Placed p : out) {
            MiniGraph.Node n = p.node();
            Color fill = n.fault() ? Color.web("#d1343f") : n.error() ? Color.web("#e5a50a") : Color.web("#3b8fd9");
            g.setFill(fill);
            g.fillOval(p.x() - 5, p.y() - 5, 10, 10);
            g.setFill(dark ? Color.web("#e6edf3") : Color.web("#1f2328"));
            int col = depth.get(n.ref());
            boolean above = alternate && col % 2 == 1;
            double x = Math.max(labelW / 2 + 1, Math.min(W - labelW / 2 - 1, p.x()));
            double y = above ? p.y() - 9 : p.y() + 17;
            g.fillText(fit(n.label(), labelW), x, Math.max(10, Math.min(H - 3, y)));
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** The label cut with an ellipsis to {@code width} pixels in the label font. */
    static String fit(String label, double width) {
        if (textWidth(label) <= width) {
            return label;
        }
        String cut = label;
        while (cut.length() > 1 && textWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static double textWidth(String s) {
        Text t = new Text(s);
        t.setFont(LABEL_FONT);
        return t.getLayoutBounds().getWidth();
    }

    /** The full name and type of the node under the pointer, for the tooltip; null away from nodes. */
    String describeAt(double x, double y) {
        for (Placed p : placed) {
            if (Math.abs(p.x() - x) <= 9 && Math.abs(p.y() - y) <= 9) {
                MiniGraph.Node n = p.node();
                return n.type() == null ? n.name() : n.name() + " (" + n.type() + ")";
            }
        }
        return null;
    }

    private record Placed(MiniGraph.Node node, double x, double y) {
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(0, 0);
    }
}
