package dev.tracedesk.ui.map;

import dev.tracedesk.explore.map.MapEdge;
import dev.tracedesk.explore.map.MapLayout;
import dev.tracedesk.explore.map.MapNode;
import dev.tracedesk.explore.map.NodeKind;
import dev.tracedesk.explore.map.ServiceMap;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a laid-out map onto a canvas in model coordinates under a scale and offset: culls what is off screen, drops
 * labels when zoomed out (below {@link #LABEL_SCALE}) and icons further out. Shared by the screen and the PNG export.
 */
final class MapPainter {
    static final double LABEL_SCALE = 0.45;
    static final double ICON_SCALE = 0.2;
    private static final double RING_WIDTH = 6;
    private static final Font NAME = Font.font("System", FontWeight.BOLD, 12);
    private static final Font SMALL = Font.font("System", 11);
    private static final Font ICON = Font.font("System", FontWeight.BOLD, 13);

    private MapPainter() {
    }

    /** Paints the whole view: background, edges, nodes. {@code w, h} are the target's size in pixels. */
    static void paint(GraphicsContext g, ServiceMapViewModel model, MapPalette p, double w, double h, double scale,
            double tx, double ty, int selectedNode, int selectedEdge, int hoverEdge) {
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        ServiceMapViewModel.Rendered r = model.renderedProperty().get();
        if (r == null || r.map().isEmpty()) {
            return;
        }
        ServiceMap map = r.map();
        MapLayout.Result layout = r.layout();
        g.setTransform(scale, 0, 0, scale, tx, ty);
        // Visible model rectangle, with a margin for labels and arrowheads.
        double x0 = -tx / scale - MapLayout.NODE_WIDTH;
        double y0 = -ty / scale - MapLayout.NODE_HEIGHT;
        double x1 = (w - tx) / scale + MapLayout.NODE_WIDTH;
        double y1 = (h - ty) / scale + MapLayout.NODE_HEIGHT;
        boolean labels = scale >= LABEL_SCALE;

        double maxRate = 0;
        for (MapEdge e : map.edges()) {
            maxRate = Math.max(maxRate, e.stats().total());
        }
        g.setLineCap(StrokeLineCap.ROUND);
        for (int i = 0; i < map.edges().size(); i++) {
            double[] pts = layout.edgePoints()[i];
            if (!intersects(pts, x0, y0, x1, y1)) {
                continue;
            }
            MapEdge e = map.edges().get(i);
            boolean hot = i == selectedEdge || i == hoverEdge;
            double weight = maxRate <= 0 ? 0 : Math.log1p(e.stats().total()) / Math.log1p(maxRate);
            double width = (1 + 3.5 * weight) / Math.max(scale, 0.35); // stays visible when zoomed out
            Color colour = hot ? p.accent() : e.stats().fault() > 0 ? p.fault().deriveColor(0, 0.7, 1, 0.8) : p.edge();
            drawEdge(g, pts, width, colour, scale);
            if (labels && e.stats().total() > 0) {
                int mid = (pts.length / 2) & ~1;
                double lx = pts.length == 4 ? (pts[0] + pts[2]) / 2 : pts[mid];
                double ly = pts.length == 4 ? (pts[1] + pts[3]) / 2 : pts[mid + 1];
                g.setFont(SMALL);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.BOTTOM);
                g.setFill(hot ? p.accent() : p.muted());
                g.fillText(model.edgeLabel(i), lx, ly - 3);
            }
        }
        for (int i = 0; i < map.nodes().size(); i++) {
            double cx = layout.ringX(i);
            double cy = layout.ringY(i);
            if (cx < x0 || cx > x1 || cy < y0 || cy > y1) {
                continue;
            }
            drawNode(g, model, p, map.nodes().get(i), i, cx, cy, scale, labels, i == selectedNode);
        }
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    private static boolean intersects(double[] pts, double x0, double y0, double x1, double y1) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int k = 0; k < pts.length; k += 2) {
            minX = Math.min(minX, pts[k]);
            maxX = Math.max(maxX, pts[k]);
            minY = Math.min(minY, pts[k + 1]);
            maxY = Math.max(maxY, pts[k + 1]);
        }
        return maxX >= x0 && minX <= x1 && maxY >= y0 && minY <= y1;
    }

    /** The polyline trimmed to the rings at both ends, with an arrowhead at the target. */
    private static void drawEdge(GraphicsContext g, double[] pts, double width, Color colour, double scale) {
        int n = pts.length / 2;
        double r = MapLayout.RING_RADIUS + RING_WIDTH / 2 + 2;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = pts[2 * k];
            ys[k] = pts[2 * k + 1];
        }
        trim(xs, ys, 0, 1, r);
        double arrow = Math.max(9, 3 * width);
        trim(xs, ys, n - 1, n - 2, r);
        double dx = xs[n - 1] - xs[n - 2];
        double dy = ys[n - 1] - ys[n - 2];
        double len = Math.hypot(dx, dy);
        if (len < 1e-6) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        double tipX = xs[n - 1];
        double tipY = ys[n - 1];
        xs[n - 1] = tipX - ux * arrow * 0.8; // the line stops inside the arrowhead, so the tip stays sharp
        ys[n - 1] = tipY - uy * arrow * 0.8;
        g.setStroke(colour);
        g.setLineWidth(width);
        g.setLineDashes((double[]) null);
        g.strokePolyline(xs, ys, n);
        double bx = tipX - ux * arrow;
        double by = tipY - uy * arrow;
        double half = arrow * 0.5;
        g.setFill(colour);
        g.fillPolygon(new double[] {tipX, bx - uy * half, bx + uy * half}, new double[] {tipY, by + ux * half,
                by - ux * half}, 3);
    }

    /** Moves point {@code end} towards point {@code toward} by {@code by} (never past it). */
    private static void trim(double[] xs, double[] ys, int end, int toward, double by) {
        double dx = xs[toward] - xs[end];
        double dy = ys[toward] - ys[end];
        double len = Math.hypot(dx, dy);
        if (len < 1e-6) {
            return;
        }
        double d = Math.min(by, len / 2);
        xs[end] += dx / len * d;
        ys[end] += dy / len * d;
    }

    private static void drawNode(GraphicsContext g, ServiceMapViewModel model, MapPalette p, MapNode node, int i,
            double cx, double cy, double scale, boolean labels, boolean selected) {
        double r = MapLayout.RING_RADIUS;
        g.setFill(p.surface());
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        g.setLineDashes((double[]) null);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineWidth(RING_WIDTH);
        List<ServiceMapViewModel.RingSegment> ring = model.ring(i);
        if (ring.isEmpty()) {
            g.setStroke(p.idle());
            g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        } else {
            double start = 90; // clockwise from the top
            for (ServiceMapViewModel.RingSegment s : ring) {
                double extent = -360 * s.share();
                g.setStroke(p.of(s.outcome()));
                g.setLineDashes(scale >= ICON_SCALE ? MapPalette.dashes(s.outcome()) : null);
                if (ring.size() == 1) {
                    g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
                } else {
                    g.strokeArc(cx - r, cy - r, 2 * r, 2 * r, start, extent, ArcType.OPEN);
                }
                start += extent;
            }
            g.setLineDashes((double[]) null);
        }
        if (selected) {
            g.setStroke(p.accent());
            g.setLineWidth(2.5);
            double s = r + RING_WIDTH + 3;
            g.strokeOval(cx - s, cy - s, 2 * s, 2 * s);
        }
        g.setLineCap(StrokeLineCap.ROUND);
        if (scale >= ICON_SCALE) {
            drawIcon(g, p, node.kind(), cx, cy);
        }
        if (!labels) {
            return;
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double y = cy + r + RING_WIDTH / 2 + 4;
        g.setFont(NAME);
        g.setFill(selected ? p.accent() : p.text());
        // X-Ray names a client node after the root service it calls; under the person icon that read as a second
        // copy of the stage, so it says what it is, as the console does (the details panel keeps the name).
        String name = node.kind() == NodeKind.CLIENT ? "Client" : node.name();
        g.fillText(fit(name, 22), cx, y, MapLayout.NODE_WIDTH);
        String figures = model.nodeFigures(i);
        g.setFont(SMALL);
        if (!figures.isEmpty()) {
            g.setFill(p.muted());
            g.fillText(figures, cx, y + 16, MapLayout.NODE_WIDTH);
        }
        String problems = model.nodeProblems(i);
        if (!problems.isEmpty()) {
            g.setFill(node.stats().fault() > 0 ? p.fault() : node.stats().throttle() > 0 ? p.throttle() : p.error());
            g.fillText(problems, cx, y + 30, MapLayout.NODE_WIDTH);
        }
    }

    private static String fit(String name, int max) {
        return name.length() <= max ? name : name.substring(0, max - 1) + "…";
    }

    /** A small glyph per kind, drawn with lines and text so no image resources or icon fonts are needed. */
    private static void drawIcon(GraphicsContext g, MapPalette p, NodeKind kind, double cx, double cy) {
        g.setStroke(p.text());
        g.setFill(p.text());
        g.setLineWidth(1.6);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(ICON);
        switch (kind) {
            case CLIENT -> { // a person
                g.strokeOval(cx - 5, cy - 12, 10, 10);
                g.strokeArc(cx - 10, cy, 20, 20, 0, 180, ArcType.OPEN);
            }
            case API_GATEWAY -> { // a gateway: two pillars and a lintel
                g.strokeRect(cx - 11, cy - 9, 22, 18);
                g.strokeLine(cx - 4, cy - 9, cx - 4, cy + 9);
                g.strokeLine(cx + 4, cy - 9, cx + 4, cy + 9);
            }
            case LAMBDA -> g.fillText("λ", cx, cy);
            case FUNCTION -> {
                g.fillText("ƒ", cx, cy);
                g.strokeRoundRect(cx - 11, cy - 11, 22, 22, 6, 6);
            }
            case SNS -> { // a broadcast: dot and waves
                g.fillOval(cx - 3, cy - 3, 6, 6);
                g.strokeArc(cx - 8, cy - 8, 16, 16, -45, 90, ArcType.OPEN);
                g.strokeArc(cx - 13, cy - 13, 26, 26, -45, 90, ArcType.OPEN);
                g.strokeArc(cx - 8, cy - 8, 16, 16, 135, 90, ArcType.OPEN);
                g.strokeArc(cx - 13, cy - 13, 26, 26, 135, 90, ArcType.OPEN);
            }
            case DYNAMODB, DATABASE -> { // a cylinder
                g.strokeOval(cx - 10, cy - 11, 20, 7);
                g.strokeLine(cx - 10, cy - 7.5, cx - 10, cy + 8);
                g.strokeLine(cx + 10, cy - 7.5, cx + 10, cy + 8);
                g.strokeArc(cx - 10, cy + 4.5, 20, 7, 180, 180, ArcType.OPEN);
            }
            case REMOTE -> { // a globe
                g.strokeOval(cx - 11, cy - 11, 22, 22);
                g.strokeOval(cx - 5, cy - 11, 10, 22);
                g.strokeLine(cx - 11, cy, cx + 11, cy);
            }
            case SQS -> g.fillText("SQS", cx, cy);
            case S3 -> g.fillText("S3", cx, cy);
            case EC2 -> g.fillText("EC2", cx, cy);
            case OTHER -> { // a box
                g.strokeRect(cx - 9, cy - 9, 18, 18);
                g.strokeLine(cx - 9, cy - 3, cx + 9, cy - 3);
            }
        }
    }
}
