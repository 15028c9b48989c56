package dev.tracedesk.ui.stack;

import dev.tracedesk.explore.stack.RestStage;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One REST API stage on the Stack screen with its tracing switch. FX thread only. */
public final class StageRow {

    private final ReadOnlyObjectWrapper<RestStage> stage;
    private final SwitchState tracing;

    StageRow(RestStage stage, SwitchState tracing) {
        this.stage = new ReadOnlyObjectWrapper<>(this, "stage", stage);
        this.tracing = tracing;
    }

    public ReadOnlyObjectProperty<RestStage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public RestStage getStage() {
        return stage.get();
    }

    void setStage(RestStage s) {
        stage.set(s);
    }

    public SwitchState tracing() {
        return tracing;
    }
}
