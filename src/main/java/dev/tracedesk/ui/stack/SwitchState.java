package dev.tracedesk.ui.stack;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One on/off switch whose truth lives in AWS: it shows the value last read back, not the one asked for. A request
 * moves it to SWITCHING (no second request meanwhile); the answer's read-back value becomes the shown value, and the
 * message says what was read back, or that it differs from what was asked; a failure keeps the old value and shows
 * the error. FX thread only.
 */
public final class SwitchState {

    public enum Phase { READY, SWITCHING, FAILED }

    private final Function<Boolean, String> valueName;
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper(this, "on");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.READY);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private boolean target;

    /** @param valueName how a value is named in messages ("Active" / "PassThrough", "on" / "off") */
    public SwitchState(boolean initial, Function<Boolean, String> valueName) {
        this.valueName = Objects.requireNonNull(valueName);
        on.set(initial);
    }

    /** Starts a switch to {@code value}; false (nothing changes) while another switch is under way. */
    public boolean begin(boolean value, String progressText) {
        if (phase.get() == Phase.SWITCHING) {
            return false;
        }
        target = value;
        phase.set(Phase.SWITCHING);
        message.set(progressText);
        return true;
    }

    /** The change went through and {@code readBack} is what the service now reports. */
    public void succeeded(boolean readBack, String readBackText, String mismatchText) {
        on.set(readBack);
        phase.set(Phase.READY);
        message.set(readBack == target ? readBackText : mismatchText);
    }

    public void failed(String error) {
        phase.set(Phase.FAILED);
        message.set(error);
    }

    /** A fresh read of the whole stack: shows {@code value}, forgets messages. Ignored while switching. */
    public void refreshed(boolean value) {
        if (phase.get() == Phase.SWITCHING) {
            return;
        }
        on.set(value);
        phase.set(Phase.READY);
        message.set("");
    }

    public String name(boolean value) {
        return valueName.apply(value);
    }

    public boolean target() {
        return target;
    }

    public ReadOnlyBooleanProperty onProperty() {
        return on.getReadOnlyProperty();
    }

    public boolean isOn() {
        return on.get();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public Phase getPhase() {
        return phase.get();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String getMessage() {
        return message.get();
    }
}
