package dev.tracedesk.ui.stack;

import dev.tracedesk.explore.stack.StackActions;
import dev.tracedesk.explore.stack.StackFunction;
import dev.tracedesk.ui.common.Strings;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Builds the Stack screen's switch cards: one per stage and one per function, each with its switch, its progress and
 * the state read back, and (functions) the role check with its Attach button. Node ids carry the resource's name so
 * tests and keyboard users reach each control: {@code fnTracing_AMIS_shop_accept}, {@code stageTracing_AMIS_api_gateway_prod}.
 */
final class TracingCards {

    private final TracingViewModel model;
    private final ResourceBundle strings;

    TracingCards(TracingViewModel model, ResourceBundle strings) {
        this.model = model;
        this.strings = strings;
    }

    static String id(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    List<Node> stageCards() {
        List<Node> cards = new ArrayList<>();
        for (StageRow row : model.stages()) {
            String key = id(row.getStage().apiName() + "_" + row.getStage().stageName());
            Label name = new Label(row.getStage().serviceName());
            name.getStyleClass().add("stack-card-title");
            CheckBox box = switchBox(row.tracing(), strings.getString("stack.tracing.stageSwitch"), "stageTracing_" + key,
                    on -> model.setStageTracing(row, on));
            HBox line = new HBox(10, name, box, progress(row.tracing()), message(row.tracing(), "stageMessage_" + key));
            line.setAlignment(Pos.CENTER_LEFT);
            VBox card = new VBox(4, line);
            card.getStyleClass().add("stack-card");
            cards.add(card);
        }
        return cards;
    }

    List<Node> functionCards() {
        List<Node> cards = new ArrayList<>();
        for (FunctionRow row : model.functions()) {
            String key = id(row.name());
            Label name = new Label(row.name());
            name.getStyleClass().add("stack-card-title");
            CheckBox box = switchBox(row.tracing(), strings.getString("stack.tracing.activeSwitch"), "fnTracing_" + key,
                    on -> model.setTracing(row, on));
            HBox line = new HBox(10, name, box, progress(row.tracing()), message(row.tracing(), "fnMessage_" + key));
            line.setAlignment(Pos.CENTER_LEFT);

            Label details = new Label();
            details.getStyleClass().add("stack-hint");
            details.textProperty().bind(Bindings.createStringBinding(() -> details(row.getFunction()),
                    row.functionProperty()));
            Label note = new Label();
            note.setId("fnNote_" + key);
            note.getStyleClass().add("stack-note");
            note.setWrapText(true);
            note.textProperty().bind(row.noteProperty());

            Label iam = new Label();
            iam.setId("fnIam_" + key);
            iam.setWrapText(true);
            iam.textProperty().bind(row.iamTextProperty());
            iam.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(iam, Priority.ALWAYS);
            InvalidationListener style = o -> {
                iam.getStyleClass().removeAll("stack-iam-ok", "stack-iam-problem");
                iam.getStyleClass().add(row.hasIamProblem() ? "stack-iam-problem" : "stack-iam-ok");
            };
            keep(iam, style);
            row.iamProblemProperty().addListener(new WeakInvalidationListener(style));
            style.invalidated(null);
            Button attach = new Button(strings.getString("stack.iam.attach"));
            attach.setId("fnAttach_" + key);
            attach.setMinWidth(Region.USE_PREF_SIZE);
            attach.visibleProperty().bind(row.canAttachProperty());
            attach.managedProperty().bind(attach.visibleProperty());
            attach.disableProperty().bind(row.attachingProperty());
            attach.setOnAction(e -> model.attachXRayWriteAccess(row));
            HBox iamLine = new HBox(10, iam, attach);
            iamLine.setAlignment(Pos.CENTER_LEFT);

            VBox card = new VBox(4, line, details, note, iamLine);
            card.getStyleClass().add("stack-card");
            cards.add(card);
        }
        return cards;
    }

    private String details(StackFunction f) {
        String role = f.role().isEmpty() ? "–" : StackActions.roleName(f.role());
        return Strings.format(strings, "stack.tracing.details", f.runtime().isEmpty() ? "–" : f.runtime(),
                Integer.toString(f.memoryMb()), Integer.toString(f.timeoutSeconds()), role);
    }

    /**
     * A check box that asks for a change rather than being the truth: clicking asks the model, the box shows the
     * target while switching, then the value read back (or the old one after a failure).
     */
    private CheckBox switchBox(SwitchState state, String text, String id, java.util.function.Consumer<Boolean> request) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setMinWidth(Region.USE_PREF_SIZE);
        InvalidationListener sync = o -> {
            box.setSelected(state.getPhase() == SwitchState.Phase.SWITCHING ? state.target() : state.isOn());
            box.setDisable(state.getPhase() == SwitchState.Phase.SWITCHING);
        };
        keep(box, sync);
        state.phaseProperty().addListener(new WeakInvalidationListener(sync));
        state.onProperty().addListener(new WeakInvalidationListener(sync));
        sync.invalidated(null);
        box.setOnAction(e -> {
            request.accept(box.isSelected());
            sync.invalidated(null);
        });
        return box;
    }

    private static ProgressIndicator progress(SwitchState state) {
        ProgressIndicator p = new ProgressIndicator();
        p.getStyleClass().add("stack-switch-progress");
        p.setPrefSize(16, 16);
        p.setMaxSize(16, 16);
        p.visibleProperty().bind(state.phaseProperty().isEqualTo(SwitchState.Phase.SWITCHING));
        p.managedProperty().bind(p.visibleProperty());
        return p;
    }

    private static Label message(SwitchState state, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(state.messageProperty());
        InvalidationListener style = o -> {
            l.getStyleClass().removeAll("stack-switch-failed", "stack-hint");
            l.getStyleClass().add(state.getPhase() == SwitchState.Phase.FAILED ? "stack-switch-failed" : "stack-hint");
        };
        keep(l, style);
        state.phaseProperty().addListener(new WeakInvalidationListener(style));
        style.invalidated(null);
        return l;
    }

    /** The node holds its listener strongly; the model only weakly, so dropped cards do not leak. */
    private static void keep(Node node, InvalidationListener listener) {
        node.getProperties().put("stack.listener." + System.identityHashCode(listener), listener);
    }
}
