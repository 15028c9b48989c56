package dev.tracedesk.ui.shell;

import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Point2D;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Popup;
import javafx.util.Duration;

/**
 * Binds a {@link FilterField} to the {@link FilterEditorModel}: highlighting as you type, the problem underlined after
 * a short pause (nothing is requested for a malformed expression), completion in a popup list (opens as you type a
 * word, or on Ctrl+Space; Up/Down choose, Enter/Tab accept, Escape closes), Up/Down walk the history when no list is
 * open, Escape goes back to the expression in effect. Enter applies through {@code apply}.
 */
public final class FilterFieldSupport {

    /** How long typing must pause before the expression is checked and its problem shown. */
    public static final Duration CHECK_DELAY = Duration.millis(250);

    private final FilterField field;
    private final FilterEditorModel model;
    private final PauseTransition checkLater = new PauseTransition(CHECK_DELAY);
    private final ListView<FilterCompletions.Item> list = new ListView<>();
    private final Popup popup = new Popup();
    private FilterCompletions shown = FilterCompletions.NONE;
    private boolean programmatic;

    /**
     * @param apply applies the field's expression (Enter); returns false when it is malformed and was not applied
     */
    public FilterFieldSupport(FilterField field, FilterEditorModel model, BooleanSupplier apply) {
        this.field = field;
        this.model = model;
        field.problemProperty().bind(model.problemProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(
                () -> model.getProblem() == null ? "" : model.getProblem().message(), model.problemProperty()));
        model.problemProperty().addListener((obs, o, p) -> field.setTooltip(p == null ? null : tip));

        checkLater.setOnFinished(e -> model.check());
        field.textProperty().addListener((obs, o, n) -> {
            if (!programmatic) {
                checkLater.playFromStart();
            }
        });
        field.setOnAction(e -> {
            checkLater.stop();
            hide();
            apply.getAsBoolean();
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        field.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (!e.getCharacter().isEmpty() && e.getCharacter().charAt(0) >= ' ' && !e.isShortcutDown()) {
                Platform.runLater(() -> suggest(false));
            }
        });
        field.focusedProperty().addListener((obs, o, focused) -> {
            if (!focused) {
                hide();
            }
        });

        list.setId("filterCompletions");
        list.getStyleClass().add("filter-completions");
        list.setFocusTraversable(false);
        list.setPrefWidth(360);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(FilterCompletions.Item item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(c -> c.startsWith("completion-"));
                setText(empty || item == null ? null : item.label());
                if (!empty && item != null) {
                    getStyleClass().add("completion-" + item.kind());
                }
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                accept(list.getSelectionModel().getSelectedItem());
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        popup.setHideOnEscape(false);
    }

    /** Whether the completion list is open. */
    public boolean isShowingCompletions() {
        return popup.isShowing();
    }

    private void keyPressed(KeyEvent e) {
        KeyCode code = e.getCode();
        if (popup.isShowing()) {
            switch (code) {
                case DOWN -> move(1);
                case UP -> move(-1);
                case PAGE_DOWN -> move(8);
                case PAGE_UP -> move(-8);
                case ENTER, TAB -> accept(list.getSelectionModel().getSelectedItem());
                case ESCAPE -> hide();
                case BACK_SPACE, DELETE, LEFT, RIGHT, HOME, END -> {
                    Platform.runLater(() -> suggest(false));
                    return;
                }
                default -> {
                    return;
                }
            }
            e.consume();
            return;
        }
        if (code == KeyCode.SPACE && e.isControlDown()) {
            suggest(true);
            e.consume();
        } else if (code == KeyCode.UP && !e.isShortcutDown()) {
            walk(model::older);
            e.consume();
        } else if (code == KeyCode.DOWN && !e.isShortcutDown()) {
            walk(model::newer);
            e.consume();
        } else if (code == KeyCode.ESCAPE) {
            checkLater.stop();
            programmatic = true;
            try {
                model.revert();
            } finally {
                programmatic = false;
            }
            field.end();
            e.consume();
        }
    }

    private void walk(BooleanSupplier step) {
        checkLater.stop();
        programmatic = true;
        try {
            if (step.getAsBoolean()) {
                field.end();
            }
        } finally {
            programmatic = false;
        }
    }

    private void move(int by) {
        int size = list.getItems().size();
        if (size == 0) {
            return;
        }
        int at = list.getSelectionModel().getSelectedIndex();
        int next = Math.max(0, Math.min(size - 1, at + by));
        list.getSelectionModel().select(next);
        list.scrollTo(Math.max(0, next - 3));
    }

    /** Shows the candidates at the caret (or hides the list when there are none). */
    void suggest(boolean explicit) {
        if (!field.isFocused() && !explicit) {
            hide();
            return;
        }
        FilterCompletions c = model.complete(field.getText(), field.getCaretPosition(), explicit);
        if (c.isEmpty()) {
            hide();
            return;
        }
        shown = c;
        list.getItems().setAll(c.items());
        list.getSelectionModel().select(0);
        list.scrollTo(0);
        list.setPrefHeight(Math.min(8, c.items().size()) * 24 + 4);
        if (!popup.isShowing() && field.getScene() != null) {
            Point2D at = field.localToScreen(0, field.getHeight());
            if (at != null) {
                popup.show(field, at.getX(), at.getY());
            }
        }
    }

    private void accept(FilterCompletions.Item item) {
        if (item == null) {
            hide();
            return;
        }
        String text = shown.apply(field.getText(), item);
        int caret = shown.caretAfter(item);
        hide();
        field.setText(text);
        field.positionCaret(caret);
        // inside the quotes of service("") the service names follow at once
        Platform.runLater(() -> suggest(false));
    }

    private void hide() {
        if (popup.isShowing()) {
            popup.hide();
        }
        shown = FilterCompletions.NONE;
    }
}
