package dev.tracedesk.ui.trace;

import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The trace timeline: one Canvas sized to the viewport (never to the content) plus explicit scroll bars, drawing a
 * {@link TimelineModel} through {@link TimelineRenderer} with repaints coalesced into one per pulse. Mouse: wheel
 * zooms around the pointer (over the bars) or scrolls rows (over the names), shift+wheel pans, drag over the bars
 * zooms to the dragged range, right- or middle-drag pans, a click selects, a click on the triangle collapses, a
 * click on the minimap moves the window. Keys: up/down rows, left/right collapse/expand (with shift: pan),
 * +/- zoom, 0 whole trace, Enter opens details. FX thread only.
 */
public final class TimelineView extends Region {

    private final Canvas canvas = new Canvas();
    private final ScrollBar vertical = new ScrollBar();
    private final ScrollBar horizontal = new ScrollBar();
    private final TimelineRenderer renderer = new TimelineRenderer();
    private final TimelineViewport viewport = new TimelineViewport();
    private final GraphicsContextPainter painter = new GraphicsContextPainter(canvas.getGraphicsContext2D());
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(this, "selectedRow", -1);
    private TimelineModel model;
    private TimelinePalette palette = TimelinePalette.LIGHT;
    private boolean repaintQueued;
    private boolean syncing;
    private double dragFromX = Double.NaN;
    private double dragToX = Double.NaN;
    private double panLastX = Double.NaN;
    private IntConsumer onOpen = row -> { };

    public TimelineView() {
        getStyleClass().add("timeline-view");
        setFocusTraversable(true);
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.setOrientation(Orientation.HORIZONTAL);
        getChildren().addAll(canvas, vertical, horizontal);
        vertical.valueProperty().addListener((obs, o, v) -> {
            if (!syncing && model != null) {
                viewport.setFirstRow((int) Math.round(v.doubleValue()), model.visibleCount(), rowsShown());
                repaint();
            }
        });
        horizontal.valueProperty().addListener((obs, o, v) -> {
            if (!syncing && model != null) {
                viewport.setViewStart(v.doubleValue());
                repaint();
            }
        });
        selectedRow.addListener((obs, o, v) -> repaint());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null) {
                scene.getStylesheets().addListener((javafx.collections.ListChangeListener<String>) c -> themeChanged());
                themeChanged();
            }
        });
    }

    private void themeChanged() {
        boolean dark = getScene() != null && getScene().getStylesheets().stream().anyMatch(s -> s.contains("dark"));
        palette = dark ? TimelinePalette.DARK : TimelinePalette.LIGHT;
        paint(); // now, so a snapshot taken right after a theme switch shows the new colours
    }

    /** Shows {@code value} (null clears) with the whole trace in view. */
    public void setModel(TimelineModel value) {
        model = value;
        if (model != null) {
            viewport.reset(model.span());
        }
        selectedRow.set(-1);
        syncScrollBars();
        repaint();
    }

    public TimelineModel getModel() {
        return model;
    }

    public TimelineViewport viewport() {
        return viewport;
    }

    /** The selected row of the model (not the visible index), or -1. */
    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    /** Called with the selected row when Enter is pressed or a row is double-clicked. */
    public void setOnOpen(IntConsumer handler) {
        onOpen = handler;
    }

    /** Re-reads the model's visible rows (after collapse, expand or find). */
    public void modelChanged() {
        syncScrollBars();
        repaint();
    }

    /** Selects {@code row} and scrolls it into view. */
    public void select(int row) {
        selectedRow.set(row);
        ensureVisible(row);
    }

    public void zoomBy(double factor) {
        viewport.zoom(factor, viewport.barWidth() / 2);
        syncScrollBars();
        repaint();
    }

    public void showWholeTrace() {
        if (model != null) {
            int first = viewport.firstRow();
            viewport.reset(model.span());
            viewport.setFirstRow(first, model.visibleCount(), rowsShown());
            syncScrollBars();
            repaint();
        }
    }

    private int rowsShown() {
        return TimelineRenderer.rowsShown(canvas.getHeight());
    }

    private void ensureVisible(int row) {
        if (model == null || row < 0) {
            return;
        }
        int index = model.visibleIndexOf(row);
        if (index < 0) {
            return;
        }
        int shown = rowsShown();
        if (index < viewport.firstRow()) {
            viewport.setFirstRow(index, model.visibleCount(), shown);
        } else if (index >= viewport.firstRow() + shown) {
            viewport.setFirstRow(index - shown + 1, model.visibleCount(), shown);
        }
        syncScrollBars();
        repaint();
    }

    // ~ layout and painting

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double sb = vertical.prefWidth(-1);
        double hb = horizontal.prefHeight(-1);
        canvas.setWidth(Math.max(1, w - sb));
        canvas.setHeight(Math.max(1, h - hb));
        canvas.relocate(0, 0);
        vertical.resizeRelocate(w - sb, 0, sb, h - hb);
        horizontal.resizeRelocate(renderer.nameWidth(), h - hb, Math.max(1, w - sb - renderer.nameWidth()), hb);
        renderer.setNameWidth(Math.min(340, Math.max(200, w * 0.3)));
        viewport.setBarWidth(canvas.getWidth() - renderer.nameWidth() - 8);
        syncScrollBars();
        paint();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 400;
    }

    /** Asks for one repaint on the next pulse, however many changes come before it. */
    public void repaint() {
        if (!repaintQueued) {
            repaintQueued = true;
            Platform.runLater(() -> {
                repaintQueued = false;
                paint();
            });
        }
    }

    private void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (model == null) {
            painter.fillRect(0, 0, w, h, palette.background());
            return;
        }
        renderer.render(model, viewport, palette, painter, w, h, selectedRow.get());
        if (!Double.isNaN(dragFromX) && !Double.isNaN(dragToX)) {
            double a = Math.min(dragFromX, dragToX);
            painter.fillRect(a, TimelineRenderer.MINIMAP_HEIGHT, Math.abs(dragToX - dragFromX),
                    h - TimelineRenderer.MINIMAP_HEIGHT, palette.minimapWindow());
        }
    }

    private void syncScrollBars() {
        if (model == null) {
            return;
        }
        syncing = true;
        try {
            int shown = rowsShown();
            viewport.setFirstRow(viewport.firstRow(), model.visibleCount(), shown);
            vertical.setMin(0);
            vertical.setMax(Math.max(0, model.visibleCount() - shown));
            vertical.setVisibleAmount(shown);
            vertical.setUnitIncrement(1);
            vertical.setBlockIncrement(Math.max(1, shown - 1));
            vertical.setValue(viewport.firstRow());
            double span = viewport.traceSpan();
            double margin = viewport.viewSpan() * 0.25;
            horizontal.setMin(-margin);
            horizontal.setMax(Math.max(-margin, span + margin - viewport.viewSpan()));
            horizontal.setVisibleAmount(viewport.viewSpan());
            horizontal.setUnitIncrement(viewport.viewSpan() / 20);
            horizontal.setBlockIncrement(viewport.viewSpan() / 2);
            horizontal.setValue(viewport.viewStart());
        } finally {
            syncing = false;
        }
    }

    // ~ input

    private void onPressed(MouseEvent e) {
        requestFocus();
        if (model == null) {
            return;
        }
        double barX = e.getX() - renderer.nameWidth();
        if (e.getY() < TimelineRenderer.MINIMAP_HEIGHT && barX >= 0) {
            double span = viewport.traceSpan() * 1.02;
            double t = barX / viewport.barWidth() * span;
            viewport.setViewStart(t - viewport.viewSpan() / 2);
            syncScrollBars();
            repaint();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY || e.isShiftDown()) {
            panLastX = e.getX();
            return;
        }
        int index = renderer.visibleIndexAt(model, viewport, e.getY());
        if (index >= 0) {
            int row = model.visibleRows()[index];
            double triangleX = 6 + model.depth(row) * 12;
            if (e.getX() >= triangleX - 2 && e.getX() <= triangleX + 12 && model.hasChildren(row)) {
                model.toggle(row);
                modelChanged();
                return;
            }
            selectedRow.set(row);
            if (e.getClickCount() == 2) {
                onOpen.accept(row);
            }
        }
        if (barX >= 0) {
            dragFromX = e.getX();
        }
    }

    private void onDragged(MouseEvent e) {
        if (!Double.isNaN(panLastX)) {
            viewport.pan(panLastX - e.getX());
            panLastX = e.getX();
            syncScrollBars();
            repaint();
        } else if (!Double.isNaN(dragFromX)) {
            dragToX = Math.max(renderer.nameWidth(), e.getX());
            repaint();
        }
    }

    private void onReleased(MouseEvent e) {
        if (!Double.isNaN(dragFromX) && !Double.isNaN(dragToX) && Math.abs(dragToX - dragFromX) > 4) {
            double a = viewport.time(dragFromX - renderer.nameWidth());
            double b = viewport.time(dragToX - renderer.nameWidth());
            viewport.zoomTo(a, b);
            syncScrollBars();
        }
        dragFromX = Double.NaN;
        dragToX = Double.NaN;
        panLastX = Double.NaN;
        repaint();
    }

    private void onScroll(ScrollEvent e) {
        if (model == null) {
            return;
        }
        double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
        double barX = e.getX() - renderer.nameWidth();
        if (e.isShiftDown()) {
            viewport.pan(-delta);
        } else if (barX >= 0 && e.getY() >= TimelineRenderer.MINIMAP_HEIGHT) {
            viewport.zoom(delta > 0 ? 0.8 : 1.25, barX);
        } else {
            int step = delta > 0 ? -3 : 3;
            viewport.setFirstRow(viewport.firstRow() + step, model.visibleCount(), rowsShown());
        }
        syncScrollBars();
        repaint();
        e.consume();
    }

    private void onKey(KeyEvent e) {
        if (model == null || model.visibleCount() == 0) {
            return;
        }
        int[] visible = model.visibleRows();
        int current = Math.max(0, model.visibleIndexOf(selectedRow.get()));
        boolean handled = true;
        switch (e.getCode()) {
            case DOWN -> select(visible[Math.min(visible.length - 1, selectedRow.get() < 0 ? 0 : current + 1)]);
            case UP -> select(visible[Math.max(0, current - 1)]);
            case HOME -> select(visible[0]);
            case END -> select(visible[visible.length - 1]);
            case PAGE_DOWN -> select(visible[Math.min(visible.length - 1, current + rowsShown() - 1)]);
            case PAGE_UP -> select(visible[Math.max(0, current - rowsShown() + 1)]);
            case ENTER -> {
                if (selectedRow.get() >= 0) {
                    onOpen.accept(selectedRow.get());
                }
            }
            case LEFT, RIGHT -> {
                if (e.isShiftDown() || selectedRow.get() < 0) {
                    viewport.pan((e.getCode() == KeyCode.LEFT ? -1 : 1) * viewport.barWidth() / 10);
                    syncScrollBars();
                    repaint();
                } else {
                    model.setCollapsed(selectedRow.get(), e.getCode() == KeyCode.LEFT);
                    modelChanged();
                }
            }
            case PLUS, ADD, EQUALS -> zoomBy(0.8);
            case MINUS, SUBTRACT -> zoomBy(1.25);
            case DIGIT0, NUMPAD0 -> showWholeTrace();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }
}
