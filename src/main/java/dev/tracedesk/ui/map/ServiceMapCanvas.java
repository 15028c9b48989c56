package dev.tracedesk.ui.map;

import dev.tracedesk.explore.map.MapLayout;
import dev.tracedesk.explore.map.ServiceMap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javax.imageio.ImageIO;

/**
 * The map drawn on one canvas the size of the view (never the size of the map): zoom with the wheel or +/-, pan by
 * dragging, click to select, hover an edge for its figures, arrow keys move between nodes. The viewport (scale and
 * offset) lives here; what is selected lives in the {@link ServiceMapViewModel}. Repaints are coalesced to one per
 * pulse.
 */
public final class ServiceMapCanvas extends Region {
    static final double MIN_SCALE = 0.02;
    static final double MAX_SCALE = 3;
    private static final double LEGEND_ROOM = 44;

    private final ServiceMapViewModel model;
    private final Canvas canvas = new Canvas();
    private final Label themeProbe = new Label(); // carries the theme's colours from CSS into the painter
    private final Tooltip tooltip = new Tooltip();
    private double scale = 1;
    private double tx;
    private double ty;
    private int hoverEdge = -1;
    private boolean dirty;
    private boolean fitPending = true;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragging;
    private boolean userMoved; // once the user zooms or pans, resizing no longer refits

    public ServiceMapCanvas(ServiceMapViewModel model) {
        this.model = model;
        getStyleClass().add("service-map-canvas");
        themeProbe.getStyleClass().add("service-map-theme");
        themeProbe.setManaged(false);
        themeProbe.setVisible(false);
        getChildren().addAll(canvas, themeProbe);
        setFocusTraversable(true);
        model.renderedProperty().addListener((obs, old, r) -> {
            if (old == null || r == null || old.layout() != r.layout()) {
                fitPending = true; // a new layout: fit it; the same layout (only counts changed): keep the view
            }
            hoverEdge = -1;
            redraw();
        });
        model.selectionProperty().addListener((obs, old, sel) -> redraw());
        widthProperty().addListener((obs, o, n) -> resized());
        heightProperty().addListener((obs, o, n) -> resized());
        themeProbe.textFillProperty().addListener((obs, o, n) -> redraw());
        setOnScroll(this::onScroll);
        setOnMousePressed(this::onPressed);
        setOnMouseDragged(this::onDragged);
        setOnMouseReleased(this::onReleased);
        setOnMouseMoved(this::onMoved);
        setOnMouseExited(e -> setHover(-1, e));
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    // ~ viewport

    private void resized() {
        if (!userMoved) {
            fitPending = true;
        }
        redraw();
    }

    public double scale() {
        return scale;
    }

    /** Scales the map to fit the view, at most 1:1. */
    public void fit() {
        ServiceMapViewModel.Rendered r = model.renderedProperty().get();
        if (r == null || getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            return;
        }
        double w = Math.max(1, r.layout().width());
        double h = Math.max(1, r.layout().height());
        double room = Math.max(1, getHeight() - LEGEND_ROOM); // the legend overlays the bottom edge
        scale = clamp(Math.min(1, Math.min(getWidth() / w, room / h)));
        tx = (getWidth() - w * scale) / 2;
        ty = (room - h * scale) / 2;
        fitPending = false;
        userMoved = false;
        redraw();
    }

    public void zoomBy(double factor) {
        zoomAt(factor, getWidth() / 2, getHeight() / 2);
    }

    private void zoomAt(double factor, double x, double y) {
        userMoved = true;
        double next = clamp(scale * factor);
        tx = x - (x - tx) * next / scale;
        ty = y - (y - ty) * next / scale;
        scale = next;
        redraw();
    }

    /** Brings node i to the middle of the view, zooming in so its label shows. */
    public void centerOn(int node) {
        ServiceMapViewModel.Rendered r = model.renderedProperty().get();
        if (r == null || node < 0 || node >= r.map().nodes().size()) {
            return;
        }
        userMoved = true;
        scale = Math.max(scale, 0.8);
        tx = getWidth() / 2 - r.layout().ringX(node) * scale;
        ty = getHeight() / 2 - r.layout().ringY(node) * scale;
        redraw();
    }

    /** Centres node i only when it is not fully visible. */
    public void reveal(int node) {
        ServiceMapViewModel.Rendered r = model.renderedProperty().get();
        if (r == null || node < 0) {
            return;
        }
        double x = r.layout().ringX(node) * scale + tx;
        double y = r.layout().ringY(node) * scale + ty;
        if (x < 40 || y < 40 || x > getWidth() - 40 || y > getHeight() - 40 || scale < MapPainter.LABEL_SCALE) {
            centerOn(node);
        }
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }

    /** Screen position of node i's ring centre (for tests and tooltips). */
    public double[] screenPosition(int node) {
        MapLayout.Result layout = model.renderedProperty().get().layout();
        return new double[] {layout.ringX(node) * scale + tx, layout.ringY(node) * scale + ty};
    }

    // ~ painting

    private void redraw() {
        if (!dirty) {
            dirty = true;
            Platform.runLater(this::paintNow);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    private void paintNow() {
        dirty = false;
        if (fitPending && getWidth() > 0) {
            fit();
            dirty = false;
        }
        MapPainter.paint(canvas.getGraphicsContext2D(), model, palette(), canvas.getWidth(), canvas.getHeight(), scale,
                tx, ty, model.selectedNode(), model.selectedEdge(), hoverEdge);
    }

    /** Paints right away (for snapshots, which do not wait for the coalesced repaint). */
    public void paintImmediately() {
        applyCss();
        layout();
        paintNow();
    }

    MapPalette palette() {
        Paint fill = themeProbe.getTextFill();
        // The probe's text colour is the theme's text colour: light text means a dark theme.
        return fill instanceof Color c && c.getBrightness() > 0.6 ? MapPalette.DARK : MapPalette.LIGHT;
    }

    /** Writes the whole map (not just the visible part) to a PNG, at most {@code maxSide} pixels on a side. */
    public void exportPng(Path file, int maxSide) throws IOException {
        ServiceMapViewModel.Rendered r = model.renderedProperty().get();
        if (r == null || r.map().isEmpty()) {
            throw new IOException("there is no map to export");
        }
        double w = r.layout().width();
        double h = r.layout().height();
        double s = Math.min(1.5, maxSide / Math.max(w, h));
        Canvas out = new Canvas(Math.ceil(w * s), Math.ceil(h * s));
        MapPainter.paint(out.getGraphicsContext2D(), model, palette(), out.getWidth(), out.getHeight(), s, 0, 0,
                model.selectedNode(), model.selectedEdge(), -1);
        WritableImage image = out.snapshot(null, null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    // ~ hit testing (model space)

    /** The node under screen point (x, y): its ring or its label box; -1 for none. */
    public int nodeAt(double x, double y) {
        ServiceMapViewModel.Rendered r = model.renderedProperty().get();
        if (r == null) {
            return -1;
        }
        double mx = (x - tx) / scale;
        double my = (y - ty) / scale;
        MapLayout.Result l = r.layout();
        double reach = MapLayout.RING_RADIUS + 6;
        for (int i = 0; i < r.map().nodes().size(); i++) {
            double dx = mx - l.ringX(i);
            double dy = my - l.ringY(i);
            if (dx * dx + dy * dy <= reach * reach) {
                return i;
            }
            boolean labels = scale >= MapPainter.LABEL_SCALE;
            if (labels && Math.abs(dx) <= MapLayout.NODE_WIDTH / 2 && dy > 0 && dy <= MapLayout.NODE_HEIGHT - 10) {
                return i;
            }
        }
        return -1;
    }

    /** The edge within a few pixels of screen point (x, y), or -1. */
    public int edgeAt(double x, double y) {
        ServiceMapViewModel.Rendered r = model.renderedProperty().get();
        if (r == null) {
            return -1;
        }
        double mx = (x - tx) / scale;
        double my = (y - ty) / scale;
        double tolerance = 6 / scale;
        int best = -1;
        double bestD = tolerance;
        double[][] all = r.layout().edgePoints();
        for (int i = 0; i < all.length; i++) {
            double[] p = all[i];
            for (int k = 0; k + 3 < p.length; k += 2) {
                double d = segmentDistance(mx, my, p[k], p[k + 1], p[k + 2], p[k + 3]);
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
        }
        return best;
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    // ~ input

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragging = false;
    }

    private void onDragged(MouseEvent e) {
        if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) > 3) {
            dragging = true;
        }
        if (dragging) {
            userMoved = true;
            tx += e.getX() - lastX;
            ty += e.getY() - lastY;
            lastX = e.getX();
            lastY = e.getY();
            redraw();
        }
    }

    private void onReleased(MouseEvent e) {
        if (dragging || e.getButton() != MouseButton.PRIMARY || model.renderedProperty().get() == null) {
            return;
        }
        int node = nodeAt(e.getX(), e.getY());
        if (node >= 0) {
            model.selectNode(node);
            return;
        }
        int edge = edgeAt(e.getX(), e.getY());
        if (edge >= 0) {
            model.selectEdge(edge);
        } else {
            model.clearSelection();
        }
    }

    private void onMoved(MouseEvent e) {
        int edge = nodeAt(e.getX(), e.getY()) >= 0 ? -1 : edgeAt(e.getX(), e.getY());
        setHover(edge, e);
    }

    private void setHover(int edge, MouseEvent e) {
        if (edge == hoverEdge) {
            return;
        }
        hoverEdge = edge;
        if (edge >= 0) {
            tooltip.setText(model.edgeTooltip(edge));
            tooltip.show(this, e.getScreenX() + 14, e.getScreenY() + 14);
        } else {
            tooltip.hide();
        }
        redraw();
    }

    private void onKey(KeyEvent e) {
        int moved = -2;
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> zoomBy(1.25);
            case MINUS, SUBTRACT -> zoomBy(0.8);
            case DIGIT0, NUMPAD0 -> fit();
            case LEFT -> moved = model.selectNeighbour(ServiceMapViewModel.Direction.LEFT);
            case RIGHT -> moved = model.selectNeighbour(ServiceMapViewModel.Direction.RIGHT);
            case UP -> moved = model.selectNeighbour(ServiceMapViewModel.Direction.UP);
            case DOWN -> moved = model.selectNeighbour(ServiceMapViewModel.Direction.DOWN);
            case ESCAPE -> model.clearSelection();
            default -> {
                return;
            }
        }
        if (moved >= 0) {
            reveal(moved);
        }
        e.consume();
    }

    public ServiceMapViewModel model() {
        return model;
    }

    /** For the map's own tests: the map currently drawn. */
    ServiceMap map() {
        return model.renderedProperty().get() == null ? null : model.renderedProperty().get().map();
    }
}
