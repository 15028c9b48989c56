package dev.tracedesk.ui.shell;

import dev.tracedesk.filter.FilterHighlighting;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Skin;
import javafx.scene.control.TextField;

/**
 * The single-line filter-expression field: a {@link TextField} (so Enter, selection, the context menu, input methods
 * and prompt text work as everywhere) whose text is drawn in colours by {@link FilterFieldSkin}, with the problem of a
 * malformed expression underlined at its position.
 */
public class FilterField extends TextField {

    private final ObjectProperty<Function<String, List<FilterHighlighting.Span>>> highlighter =
            new SimpleObjectProperty<>(this, "highlighter", FilterHighlighting::spans);
    private final ObjectProperty<FilterEditorModel.Problem> problem = new SimpleObjectProperty<>(this, "problem");

    public FilterField() {
        getStyleClass().add("filter-field");
    }

    /** Splits the text into styled spans (the filter language's by default). */
    public ObjectProperty<Function<String, List<FilterHighlighting.Span>>> highlighterProperty() {
        return highlighter;
    }

    /** The problem to underline; null for none. */
    public ObjectProperty<FilterEditorModel.Problem> problemProperty() {
        return problem;
    }

    public FilterEditorModel.Problem getProblem() {
        return problem.get();
    }

    public void setProblem(FilterEditorModel.Problem value) {
        problem.set(value);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new FilterFieldSkin(this);
    }
}
