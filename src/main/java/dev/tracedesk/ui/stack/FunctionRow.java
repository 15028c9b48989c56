package dev.tracedesk.ui.stack;

import dev.tracedesk.explore.stack.RoleCheck;
import dev.tracedesk.explore.stack.StackFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One function on the Stack screen: its configuration, its tracing switch, its role's check. FX thread only. */
public final class FunctionRow {

    private final ReadOnlyObjectWrapper<StackFunction> function;
    private final SwitchState tracing;
    private final ReadOnlyObjectWrapper<RoleCheck> roleCheck = new ReadOnlyObjectWrapper<>(this, "roleCheck");
    private final ReadOnlyStringWrapper iamText = new ReadOnlyStringWrapper(this, "iamText", "");
    private final ReadOnlyBooleanWrapper iamProblem = new ReadOnlyBooleanWrapper(this, "iamProblem");
    private final ReadOnlyBooleanWrapper canAttach = new ReadOnlyBooleanWrapper(this, "canAttach");
    private final ReadOnlyBooleanWrapper attaching = new ReadOnlyBooleanWrapper(this, "attaching");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    FunctionRow(StackFunction f, SwitchState tracing) {
        this.function = new ReadOnlyObjectWrapper<>(this, "function", f);
        this.tracing = tracing;
    }

    public String name() {
        return function.get().name();
    }

    public ReadOnlyObjectProperty<StackFunction> functionProperty() {
        return function.getReadOnlyProperty();
    }

    public StackFunction getFunction() {
        return function.get();
    }

    void setFunction(StackFunction f) {
        function.set(f);
    }

    /** On = Active, off = PassThrough. */
    public SwitchState tracing() {
        return tracing;
    }

    public ReadOnlyObjectProperty<RoleCheck> roleCheckProperty() {
        return roleCheck.getReadOnlyProperty();
    }

    void setRoleCheck(RoleCheck check, String text) {
        roleCheck.set(check);
        iamText.set(text);
        iamProblem.set(check != null && !check.canWriteTraces());
        canAttach.set(check != null && check.attachWouldHelp());
    }

    void setIamError(String text) {
        roleCheck.set(null);
        iamText.set(text);
        iamProblem.set(true);
        canAttach.set(false);
    }

    public ReadOnlyStringProperty iamTextProperty() {
        return iamText.getReadOnlyProperty();
    }

    /** The role lacks the X-Ray write permission (or could not be checked). */
    public ReadOnlyBooleanProperty iamProblemProperty() {
        return iamProblem.getReadOnlyProperty();
    }

    public boolean hasIamProblem() {
        return iamProblem.get();
    }

    /** Attaching AWSXRayDaemonWriteAccess would fix the role. */
    public ReadOnlyBooleanProperty canAttachProperty() {
        return canAttach.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty attachingProperty() {
        return attaching.getReadOnlyProperty();
    }

    void setAttaching(boolean value) {
        attaching.set(value);
    }

    /** Why this function is (or is not) traced given the stage's switch. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    void setNote(String text) {
        note.set(text);
    }
}
