package dev.tracedesk.ui.shell;

import dev.tracedesk.filter.FilterHighlighting;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.skin.TextFieldSkin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;

/**
 * A {@link TextFieldSkin} that draws the text in colours: the field's own text node stays in place (caret, selection
 * and hit-testing keep using it) but is drawn transparent, and one styled {@link Text} per span lies over it at the
 * same position, with a wavy line under the problem. Positions come from the text node's own caret shapes, so they
 * follow scrolling and fonts.
 */
final class FilterFieldSkin extends TextFieldSkin {

    private static final Paint TRANSPARENT = Color.TRANSPARENT;

    private final FilterField field;
    private final Group overlay = new Group();
    private final Group tokens = new Group();
    private final Path underline = new Path();
    private Text textNode;

    FilterFieldSkin(FilterField field) {
        super(field);
        this.field = field;
        overlay.getStyleClass().add("filter-overlay");
        overlay.setManaged(false);
        overlay.setMouseTransparent(true);
        underline.getStyleClass().add("filter-underline");
        underline.setManaged(false);
        overlay.getChildren().setAll(tokens, underline);
        InvalidationListener redraw = o -> redraw();
        field.textProperty().addListener(redraw);
        field.fontProperty().addListener(redraw);
        field.highlighterProperty().addListener(redraw);
        field.problemProperty().addListener(redraw);
        attach();
        redraw();
    }

    /** Finds the field's text node (the one whose visibility is its own; the prompt's follows the empty text). */
    private void attach() {
        for (Node child : getChildren()) {
            if (child instanceof Parent group) {
                for (Node n : group.getChildrenUnmodifiable()) {
                    if (n instanceof Text t && !t.visibleProperty().isBound()) {
                        textNode = t;
                        ((javafx.scene.layout.Pane) group).getChildren().add(group.getChildrenUnmodifiable().indexOf(t) + 1,
                                overlay);
                        t.fillProperty().bind(new SimpleObjectProperty<>(TRANSPARENT));
                        overlay.layoutXProperty().bind(t.layoutXProperty());
                        overlay.layoutYProperty().bind(t.layoutYProperty());
                        overlay.translateXProperty().bind(t.translateXProperty());
                        overlay.translateYProperty().bind(t.translateYProperty());
                        t.layoutBoundsProperty().addListener(o -> redraw());
                        return;
                    }
                }
            }
        }
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        super.layoutChildren(x, y, w, h);
        if (textNode != null) {
            placeUnderline();
        }
    }

    private void redraw() {
        if (textNode == null) {
            return;
        }
        String text = field.getText() == null ? "" : field.getText();
        List<Node> nodes = new ArrayList<>();
        if (text.equals(textNode.getText())) {
            for (FilterHighlighting.Span span : field.highlighterProperty().get().apply(text)) {
                Text t = new Text(text.substring(span.start(), span.end()));
                t.fontProperty().bind(textNode.fontProperty());
                t.setTextOrigin(textNode.getTextOrigin());
                t.setBoundsType(textNode.getBoundsType());
                t.setX(textNode.getX() + xAt(span.start()));
                t.setY(textNode.getY());
                t.getStyleClass().addAll("filter-token", FilterEditorModel.styleClass(span.style()));
                nodes.add(t);
            }
        } else {
            // the text node has not caught up: draw the plain text until it has
            Text t = new Text(text);
            t.fontProperty().bind(textNode.fontProperty());
            t.setTextOrigin(textNode.getTextOrigin());
            t.setX(textNode.getX());
            t.setY(textNode.getY());
            t.getStyleClass().addAll("filter-token", "filter-word");
            nodes.add(t);
        }
        tokens.getChildren().setAll(nodes);
        placeUnderline();
    }

    private void placeUnderline() {
        FilterEditorModel.Problem p = field.getProblem();
        String text = field.getText() == null ? "" : field.getText();
        if (p == null || textNode == null || p.start() > text.length() || !text.equals(textNode.getText())) {
            underline.getElements().clear();
            underline.setVisible(false);
            return;
        }
        double from = textNode.getX() + xAt(p.start());
        double to = p.end() > p.start() ? textNode.getX() + xAt(p.end()) : from + 6;
        Bounds b = textNode.getLayoutBounds();
        double y = b.getMaxY() - 1;
        List<PathElement> wave = new ArrayList<>();
        wave.add(new MoveTo(from, y));
        boolean up = true;
        for (double x = from + 2; x <= to + 0.01; x += 2) {
            wave.add(new LineTo(x, up ? y - 2 : y));
            up = !up;
        }
        underline.getElements().setAll(wave);
        underline.setVisible(true);
    }

    /** The x of the leading edge of character {@code index}, in the text node's coordinates, minus its x. */
    private double xAt(int index) {
        int i = Math.max(0, Math.min(index, textNode.getText().length()));
        PathElement[] caret = textNode.caretShape(i, true);
        if (caret.length > 0 && caret[0] instanceof MoveTo m) {
            return m.getX() - textNode.getX();
        }
        return 0;
    }

    /** Test hook: the styled text pieces on top of the field. */
    List<Text> tokenNodes() {
        List<Text> out = new ArrayList<>();
        tokens.getChildren().forEach(n -> out.add((Text) n));
        return out;
    }

    /** Test hook: whether a problem is underlined, and where (in the field's coordinates). */
    Bounds underlineBoundsInField() {
        return underline.isVisible() ? field.sceneToLocal(underline.localToScene(underline.getBoundsInLocal())) : null;
    }

    @Override
    public void dispose() {
        if (textNode != null) {
            textNode.fillProperty().unbind();
        }
        super.dispose();
    }
}
