package dev.tracedesk.ui.analytics;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A resizable canvas with a drag brush: subclasses paint bars in plot coordinates and turn a dragged pixel range into
 * a selection. A click without a drag clears. Repaints are coalesced to one per pulse by the caller's listeners.
 */
abstract class ChartCanvas extends Region {
    static final double PAD_LEFT = 44, PAD_RIGHT = 12, PAD_TOP = 10, AXIS = 20;

    final Canvas canvas = new Canvas();
    private final Label themeProbe = new Label();
    private double dragFrom = Double.NaN, dragTo = Double.NaN;

    ChartCanvas(String styleClass) {
        getStyleClass().add(styleClass);
        themeProbe.getStyleClass().add("analytics-theme");
        themeProbe.setManaged(false);
        themeProbe.setVisible(false);
        getChildren().addAll(canvas, themeProbe);
        themeProbe.textFillProperty().addListener((obs, o, n) -> paint());
        canvas.setOnMousePressed(e -> {
            dragFrom = clampX(e.getX());
            dragTo = dragFrom;
            paint();
        });
        canvas.setOnMouseDragged(e -> {
            dragTo = clampX(e.getX());
            paint();
        });
        canvas.setOnMouseReleased(e -> {
            double from = Math.min(dragFrom, dragTo), to = Math.max(dragFrom, dragTo);
            dragFrom = dragTo = Double.NaN;
            if (Double.isNaN(from) || to - from < 3) {
                cleared();
            } else {
                brushed(from, to);
            }
            paint();
        });
    }

    /** The user dragged from x {@code from} to {@code to} (canvas pixels, inside the plot). */
    abstract void brushed(double from, double to);

    /** A click without a drag. */
    abstract void cleared();

    /** Paints the bars and axes; {@code g} is cleared, the plot is [plotLeft(), plotRight()] x [PAD_TOP, plotBottom()]. */
    abstract void paintPlot(GraphicsContext g, ChartPalette p);

    /** The committed brush as pixel x range, or null. */
    abstract double[] brushPixels();

    double plotLeft() {
        return PAD_LEFT;
    }

    double plotRight() {
        return Math.max(PAD_LEFT + 1, canvas.getWidth() - PAD_RIGHT);
    }

    double plotBottom() {
        return Math.max(PAD_TOP + 1, canvas.getHeight() - AXIS);
    }

    double plotWidth() {
        return plotRight() - plotLeft();
    }

    private double clampX(double x) {
        return Math.max(plotLeft(), Math.min(plotRight(), x));
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            paint();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return 180;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    ChartPalette palette() {
        return themeProbe.getTextFill() instanceof Color c && c.getBrightness() > 0.6 ? ChartPalette.DARK
                : ChartPalette.LIGHT;
    }

    /** Paints now (also what the screenshot renderer calls before a snapshot). */
    public void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        ChartPalette p = palette();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(p.surface());
        g.fillRect(0, 0, w, h);
        if (w <= PAD_LEFT + PAD_RIGHT + 10 || h <= PAD_TOP + AXIS + 10) {
            return;
        }
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        paintPlot(g, p);
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.strokeLine(plotLeft(), plotBottom() + 0.5, plotRight(), plotBottom() + 0.5);
        double[] b = Double.isNaN(dragFrom) ? brushPixels()
                : new double[] {Math.min(dragFrom, dragTo), Math.max(dragFrom, dragTo)};
        if (b != null) {
            g.setFill(p.brush().deriveColor(0, 1, 1, 0.14));
            g.fillRect(b[0], PAD_TOP, Math.max(1, b[1] - b[0]), plotBottom() - PAD_TOP);
            g.setStroke(p.brush());
            g.strokeLine(b[0] + 0.5, PAD_TOP, b[0] + 0.5, plotBottom());
            g.strokeLine(b[1] - 0.5, PAD_TOP, b[1] - 0.5, plotBottom());
        }
    }

    /** A "max count" label at the top left of the plot, so bar heights read as numbers. */
    void paintCountAxis(GraphicsContext g, ChartPalette p, int max) {
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(Integer.toString(max), plotLeft() - 6, PAD_TOP + 4);
        g.fillText("0", plotLeft() - 6, plotBottom());
        g.setTextBaseline(VPos.TOP);
    }
}
