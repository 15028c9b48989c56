package dev.tracedesk.explore.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Left-to-right layered layout of a {@link ServiceMap} with Eclipse ELK (layered). Pure computation, no JavaFX: run it
 * on a worker thread. Every node gets the same box, so the layout depends only on the map's topology (which services
 * call which), never on counts; with nodes and edges in their sorted order, the same topology always gives the same
 * positions, and {@link #reuse} keeps a previous layout when only counts changed.
 */
public final class MapLayout {

    /** Box of one node in model units: the ring sits at the top centre, name and figures below it. */
    public static final double NODE_WIDTH = 150;
    public static final double NODE_HEIGHT = 100;
    public static final double RING_RADIUS = 26;
    /** Centre of the ring, relative to the node box's top-left. */
    public static final double RING_CENTER_Y = RING_RADIUS + 4;

    /** Where things are, in model units. {@code edgePoints[i]} is x0,y0,x1,y1,... for edge i of the map. */
    public record Result(String topology, double[] nodeX, double[] nodeY, double[][] edgePoints, double width,
                         double height) {
        /** Centre of node i's ring. */
        public double ringX(int i) {
            return nodeX[i] + NODE_WIDTH / 2;
        }

        public double ringY(int i) {
            return nodeY[i] + RING_CENTER_Y;
        }
    }

    static {
        // Registers ELK's option types (their defaults are cloned through ElkReflect) and the layered options.
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private MapLayout() {
    }

    /** A string that is equal for two maps exactly when they have the same nodes and edges. */
    public static String topology(ServiceMap map) {
        StringBuilder sb = new StringBuilder(map.nodes().size() * 32);
        for (MapNode n : map.nodes()) {
            sb.append(n.id()).append('\n');
        }
        for (MapEdge e : map.edges()) {
            sb.append(e.source()).append('>').append(e.target()).append(';');
        }
        return sb.toString();
    }

    /** {@code previous} when it was computed for the same topology, else null. */
    public static Result reuse(Result previous, ServiceMap map) {
        return previous != null && previous.topology().equals(topology(map)) ? previous : null;
    }

    public static Result layout(ServiceMap map) {
        Objects.requireNonNull(map);
        int n = map.nodes().size();
        if (n == 0) {
            return new Result(topology(map), new double[0], new double[0], new double[0][], 0, 0);
        }
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 90.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 12.0);
        root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, 48.0);
        root.setProperty(LayeredOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(24));
        root.setProperty(LayeredOptions.RANDOM_SEED, 1);
        root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.LAYER_SWEEP);
        if (n <= 300) {
            // Long call chains (the shop is eleven layers deep) wrap into rows instead of one strip too wide to read.
            root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
            root.setProperty(LayeredOptions.ASPECT_RATIO, 1.3);
        } else {
            // Big accounts: fewer sweeps and the linear-time node placer keep 500-2,000 nodes around a second.
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.LINEAR_SEGMENTS);
        }
        List<ElkNode> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setIdentifier("n" + i);
            node.setDimensions(NODE_WIDTH, NODE_HEIGHT);
            nodes.add(node);
        }
        List<ElkEdge> edges = new ArrayList<>(map.edges().size());
        for (MapEdge e : map.edges()) {
            edges.add(ElkGraphUtil.createSimpleEdge(nodes.get(e.source()), nodes.get(e.target())));
        }
        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());

        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = nodes.get(i).getX();
            ys[i] = nodes.get(i).getY();
        }
        double[][] points = new double[edges.size()][];
        for (int i = 0; i < edges.size(); i++) {
            points[i] = route(edges.get(i), map.edges().get(i), xs, ys);
        }
        return new Result(topology(map), xs, ys, points, root.getWidth(), root.getHeight());
    }

    /**
     * The edge as ring centre → ELK's bend points → ring centre. ELK routes between node boxes; the map draws circles,
     * so the ends are re-anchored on the rings (the renderer trims them to the circle's edge).
     */
    private static double[] route(ElkEdge edge, MapEdge mapEdge, double[] xs, double[] ys) {
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {xs[mapEdge.source()] + NODE_WIDTH / 2, ys[mapEdge.source()] + RING_CENTER_Y});
        if (mapEdge.source() != mapEdge.target() && !edge.getSections().isEmpty()) {
            ElkEdgeSection section = edge.getSections().get(0);
            for (ElkBendPoint b : section.getBendPoints()) {
                pts.add(new double[] {b.getX(), b.getY()});
            }
        }
        pts.add(new double[] {xs[mapEdge.target()] + NODE_WIDTH / 2, ys[mapEdge.target()] + RING_CENTER_Y});
        double[] flat = new double[pts.size() * 2];
        for (int i = 0; i < pts.size(); i++) {
            flat[2 * i] = pts.get(i)[0];
            flat[2 * i + 1] = pts.get(i)[1];
        }
        return flat;
    }
}
