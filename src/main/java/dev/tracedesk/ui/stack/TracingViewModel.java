package dev.tracedesk.ui.stack;

import dev.tracedesk.explore.access.Problems;
import dev.tracedesk.explore.stack.ManagedPolicies;
import dev.tracedesk.explore.stack.RestStage;
import dev.tracedesk.explore.stack.RoleCheck;
import dev.tracedesk.explore.stack.StackFunction;
import dev.tracedesk.explore.stack.TracingMode;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.Strings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Stack screen's switches: the functions with their tracing mode and role check, the REST API stages with their
 * tracing flag. Every switch shows its progress and then the state read back; the role check offers to attach
 * AWSXRayDaemonWriteAccess where that would help. FX thread only; no nodes.
 */
public final class TracingViewModel {

    public enum State { LOADING, READY, ERROR }

    private record Loaded(List<StackFunction> functions, List<RestStage> stages, Map<String, Object> roles) {}

    private final ResourceBundle strings;
    private final StackControls controls;
    private final BackgroundTasks tasks;

    private final ObservableList<FunctionRow> functions = FXCollections.observableArrayList();
    private final ObservableList<StageRow> stages = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper(this, "scope", "");
    private final ReadOnlyStringWrapper stageExplanation = new ReadOnlyStringWrapper(this, "stageExplanation", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private long generation;

    public TracingViewModel(ResourceBundle strings, StackControls controls, BackgroundTasks tasks) {
        this.strings = Objects.requireNonNull(strings);
        this.controls = Objects.requireNonNull(controls);
        this.tasks = Objects.requireNonNull(tasks);
    }

    // ~ reading

    /** Reads the functions, stages and roles (on a worker). */
    public void reload() {
        long mine = ++generation;
        busy.set(true);
        if (functions.isEmpty() && stages.isEmpty()) {
            state.set(State.LOADING);
        }
        tasks.task(strings.getString("stack.task.read"), progress -> {
            List<StackFunction> fns = controls.functions();
            List<RestStage> sts = controls.stages();
            // One check per role: the shop's functions usually share theirs. A failed check is kept as its message.
            Map<String, Object> roles = new LinkedHashMap<>();
            for (StackFunction f : fns) {
                if (!f.role().isEmpty() && !roles.containsKey(f.role())) {
                    try {
                        roles.put(f.role(), controls.checkRole(f.role()));
                    } catch (RuntimeException e) {
                        roles.put(f.role(), Problems.classify(e).userMessage());
                    }
                }
            }
            return new Loaded(fns, sts, roles);
        }).onSuccess(loaded -> {
            if (mine == generation) {
                show(loaded);
            }
        }).onFailure(e -> {
            if (mine == generation) {
                loadError.set(Problems.classify(e).userMessage());
                state.set(State.ERROR);
            }
        }).andFinally(() -> {
            if (mine == generation) {
                busy.set(false);
            }
        }).start();
    }

    private void show(Loaded loaded) {
        scope.set(loaded.functions().isEmpty() && loaded.stages().isEmpty()
                ? Strings.format(strings, "stack.tracing.nothing", controls.describe())
                : Strings.format(strings, "stack.tracing.scope", controls.describe()));
        Map<String, FunctionRow> byName = functions.stream().collect(Collectors.toMap(FunctionRow::name, r -> r));
        functions.setAll(loaded.functions().stream().map(f -> {
            FunctionRow row = byName.get(f.name());
            if (row == null) {
                row = new FunctionRow(f, new SwitchState(f.isActive(), this::modeName));
            } else {
                row.setFunction(f);
                row.tracing().refreshed(f.isActive());
            }
            Object check = loaded.roles().get(f.role());
            if (check instanceof RoleCheck rc) {
                row.setRoleCheck(rc, iamText(rc));
            } else if (check instanceof String error) {
                row.setIamError(Strings.format(strings, "stack.iam.unreadable", error));
            } else {
                row.setRoleCheck(null, strings.getString("stack.iam.noRole"));
            }
            return row;
        }).collect(Collectors.toList()));
        Map<String, StageRow> stagesByArn = stages.stream().collect(Collectors.toMap(r -> r.getStage().stageArn(), r -> r));
        stages.setAll(loaded.stages().stream().map(s -> {
            StageRow row = stagesByArn.get(s.stageArn());
            if (row == null) {
                row = new StageRow(s, new SwitchState(s.tracingEnabled(), this::onOff));
            } else {
                row.setStage(s);
                row.tracing().refreshed(s.tracingEnabled());
            }
            return row;
        }).collect(Collectors.toList()));
        updateNotes();
        loadError.set("");
        state.set(State.READY);
    }

    // ~ switching

    /** Switches a function to Active ({@code true}) or PassThrough; the row shows progress, then what was read back. */
    public void setTracing(FunctionRow row, boolean active) {
        TracingMode mode = active ? TracingMode.ACTIVE : TracingMode.PASS_THROUGH;
        if (row.tracing().isOn() == active && row.tracing().getPhase() != SwitchState.Phase.FAILED
                || !row.tracing().begin(active, Strings.format(strings, "stack.switch.switching", mode.apiValue()))) {
            return;
        }
        tasks.task(Strings.format(strings, "stack.task.tracing", row.name(), mode.apiValue()),
                progress -> controls.setTracing(row.name(), mode))
                .onSuccess(after -> {
                    row.setFunction(after);
                    row.tracing().succeeded(after.isActive(),
                            Strings.format(strings, "stack.switch.readBack", after.tracing().apiValue()),
                            Strings.format(strings, "stack.switch.mismatch", mode.apiValue(), after.tracing().apiValue()));
                    updateNotes();
                })
                .onFailure(e -> row.tracing().failed(Problems.classify(e).userMessage()))
                .start();
    }

    /** Switches a stage's tracing on or off; the row shows progress, then what was read back. */
    public void setStageTracing(StageRow row, boolean on) {
        if (row.tracing().isOn() == on && row.tracing().getPhase() != SwitchState.Phase.FAILED
                || !row.tracing().begin(on, Strings.format(strings, "stack.switch.switching", onOff(on)))) {
            return;
        }
        RestStage stage = row.getStage();
        tasks.task(Strings.format(strings, "stack.task.stageTracing", stage.serviceName(), onOff(on)),
                progress -> controls.setStageTracing(stage, on))
                .onSuccess(after -> {
                    row.setStage(after);
                    row.tracing().succeeded(after.tracingEnabled(),
                            Strings.format(strings, "stack.switch.readBack", onOff(after.tracingEnabled())),
                            Strings.format(strings, "stack.switch.mismatch", onOff(on), onOff(after.tracingEnabled())));
                    updateNotes();
                })
                .onFailure(e -> row.tracing().failed(Problems.classify(e).userMessage()))
                .start();
    }

    /** Attaches AWSXRayDaemonWriteAccess to the row's role; every function with that role shows the new check. */
    public void attachXRayWriteAccess(FunctionRow row) {
        String role = row.getFunction().role();
        if (role.isEmpty() || row.attachingProperty().get()) {
            return;
        }
        List<FunctionRow> sharing = functions.stream().filter(r -> r.getFunction().role().equals(role))
                .collect(Collectors.toList());
        sharing.forEach(r -> r.setAttaching(true));
        tasks.task(Strings.format(strings, "stack.task.attach", ManagedPolicies.XRAY_DAEMON_WRITE_ACCESS),
                progress -> controls.attachXRayWriteAccess(role))
                .onSuccess(check -> sharing.forEach(r -> r.setRoleCheck(check, iamText(check))))
                .onFailure(e -> sharing.forEach(r -> r.setIamError(Strings.format(strings, "stack.iam.attachFailed",
                        Problems.classify(e).userMessage()))))
                .andFinally(() -> sharing.forEach(r -> r.setAttaching(false)))
                .start();
    }

    // ~ texts

    /** The role check in words: fine, or what is missing and what that does to the traces. */
    String iamText(RoleCheck check) {
        if (check.canWriteTraces()) {
            return Strings.format(strings, "stack.iam.ok", check.roleName());
        }
        String text = Strings.format(strings, "stack.iam.missing", check.roleName(),
                String.join(", ", check.missingActions()));
        if (check.attachWouldHelp()) {
            text += " " + Strings.format(strings, "stack.iam.attachHelps", ManagedPolicies.XRAY_DAEMON_WRITE_ACCESS);
        } else {
            text += " " + check.explanation();
        }
        return text;
    }

    /** Per function, why it is traced or not given the stages' switches; and the stage area's explanation. */
    private void updateNotes() {
        boolean stageOn = stages.stream().anyMatch(s -> s.tracing().isOn());
        for (FunctionRow row : functions) {
            String key = row.tracing().isOn() ? (stageOn ? "stack.note.activeBehindStage" : "stack.note.active")
                    : (stageOn ? "stack.note.passThroughStageOn" : "stack.note.passThroughStageOff");
            row.setNote(strings.getString(key));
        }
        stageExplanation.set(strings.getString(stages.isEmpty() ? "stack.stage.none" : "stack.stage.explained"));
    }

    private String modeName(boolean active) {
        return (active ? TracingMode.ACTIVE : TracingMode.PASS_THROUGH).apiValue();
    }

    private String onOff(boolean on) {
        return strings.getString(on ? "stack.switch.on" : "stack.switch.off");
    }

    // ~ properties

    public ObservableList<FunctionRow> functions() {
        return functions;
    }

    public ObservableList<StageRow> stages() {
        return stages;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stageExplanationProperty() {
        return stageExplanation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The HTTP API note: shown beside the stages, never a switch. */
    public String httpApiNote() {
        return strings.getString("stack.stage.httpApis");
    }
}
