package dev.tracedesk.ui.stack;

import dev.tracedesk.explore.access.Problems;
import dev.tracedesk.explore.stack.DeployListener;
import dev.tracedesk.explore.stack.DeployRequest;
import dev.tracedesk.explore.stack.DeployResult;
import dev.tracedesk.explore.stack.StackDeployer;
import dev.tracedesk.explore.stack.StackEvent;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.Strings;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Deploy, update and delete the shop stack through CloudFormation on the current connection: the stack's events as a
 * live list, a progress bar, the invoke URL when done. On AWS the view asks for a confirmation first, with
 * {@link #confirmationText()}. FX thread only; deployer callbacks hop over through {@code ui}.
 */
public final class DeployViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final ResourceBundle strings;
    private final StackDeployer deployer;
    private final BackgroundTasks tasks;
    private final Executor ui;
    private final BooleanSupplier onAws;
    private final Runnable onChanged;

    private final StringProperty prefix = new SimpleStringProperty(this, "prefix", DeployRequest.DEFAULT_PREFIX);
    private final StringProperty stackName = new SimpleStringProperty(this, "stackName",
            DeployRequest.defaultStackName(DeployRequest.DEFAULT_PREFIX));
    private final BooleanProperty tracing = new SimpleBooleanProperty(this, "tracing", true);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper invokeUrl = new ReadOnlyStringWrapper(this, "invokeUrl", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<String> events = FXCollections.observableArrayList();

    /**
     * @param onAws     whether the connection is AWS (deploying there costs money and asks first)
     * @param onChanged after a deployment or deletion (the switches and load tests read the stack again)
     */
    public DeployViewModel(ResourceBundle strings, StackDeployer deployer, BackgroundTasks tasks, Executor ui,
            BooleanSupplier onAws, Runnable onChanged) {
        this.strings = Objects.requireNonNull(strings);
        this.deployer = Objects.requireNonNull(deployer);
        this.tasks = Objects.requireNonNull(tasks);
        this.ui = Objects.requireNonNull(ui);
        this.onAws = Objects.requireNonNull(onAws);
        this.onChanged = Objects.requireNonNull(onChanged);
        // The stack name follows the prefix until the user names it otherwise.
        prefix.addListener((obs, old, now) -> {
            if (stackName.get().equals(DeployRequest.defaultStackName(old == null ? "" : old.strip()))) {
                stackName.set(DeployRequest.defaultStackName(now.strip()));
            }
            formError.set("");
        });
        stackName.addListener((obs, old, now) -> formError.set(""));
    }

    /** The form as a request, or null with {@link #formErrorProperty()} saying what is wrong. */
    public DeployRequest request() {
        try {
            return new DeployRequest(stackName.get().strip(), prefix.get().strip(), tracing.get());
        } catch (IllegalArgumentException e) {
            formError.set(e.getMessage());
            return null;
        }
    }

    /** Whether a deployment or deletion must be confirmed first (on AWS: it creates billed resources). */
    public boolean needsConfirmation() {
        return onAws.getAsBoolean();
    }

    /** What a deployment creates, for the confirmation; empty when the form is invalid. */
    public String confirmationText() {
        DeployRequest r = request();
        return r == null ? "" : deployer.whatDeployCreates(r);
    }

    /** Reads the stack's current status (on a worker). */
    public void refresh() {
        String name = stackName.get().strip();
        if (name.isEmpty() || busy.get()) {
            return;
        }
        tasks.task(strings.getString("stack.deploy.task.read"), p -> deployer.describe(name))
                .onSuccess(found -> {
                    if (!busy.get()) {
                        status.set(found.map(r -> Strings.format(strings, "stack.deploy.status", r.stackName(),
                                r.status())).orElse(Strings.format(strings, "stack.deploy.absent", name)));
                        invokeUrl.set(found.flatMap(DeployResult::invokeUrl).orElse(""));
                    }
                })
                .onFailure(e -> status.set(Problems.classify(e).userMessage()))
                .start();
    }

    /** Creates or updates the stack; false when the form is invalid or something runs. */
    public boolean deploy() {
        DeployRequest r = request();
        if (r == null || busy.get()) {
            return false;
        }
        begin(Strings.format(strings, "stack.deploy.deploying", r.stackName()));
        tasks.task(Strings.format(strings, "stack.deploy.task.deploy", r.stackName()),
                p -> deployer.deploy(r, listener()))
                .onSuccess(this::finished)
                .onFailure(e -> failed(e))
                .andFinally(this::end)
                .start();
        return true;
    }

    /** Deletes the stack named in the form; false when something runs. */
    public boolean delete() {
        String name = stackName.get().strip();
        if (name.isEmpty() || busy.get()) {
            return false;
        }
        begin(Strings.format(strings, "stack.deploy.deleting", name));
        tasks.task(Strings.format(strings, "stack.deploy.task.delete", name), p -> deployer.delete(name, listener()))
                .onSuccess(this::finished)
                .onFailure(e -> failed(e))
                .andFinally(this::end)
                .start();
        return true;
    }

    private void begin(String text) {
        busy.set(true);
        events.clear();
        error.set("");
        invokeUrl.set("");
        progress.set(-1);
        status.set(text);
    }

    private void finished(DeployResult result) {
        String key = result.unchanged() ? "stack.deploy.unchanged"
                : result.succeeded() ? "stack.deploy.succeeded" : "stack.deploy.notSucceeded";
        status.set(Strings.format(strings, key, result.stackName(), result.status()));
        invokeUrl.set(result.status().startsWith("DELETE") ? "" : result.invokeUrl().orElse(""));
        if (!result.failures().isEmpty()) {
            error.set(result.failures().stream().map(f -> f.logicalId() + ": " + f.reason())
                    .reduce((a, b) -> a + "\n" + b).orElse(""));
        }
        progress.set(1);
        onChanged.run();
    }

    private void failed(Throwable e) {
        error.set(Problems.classify(e).userMessage());
        status.set(strings.getString("stack.deploy.failed"));
        progress.set(0);
    }

    private void end() {
        busy.set(false);
    }

    private DeployListener listener() {
        return new DeployListener() {
            @Override
            public void step(String message) {
                ui.execute(() -> events.add(message));
            }

            @Override
            public void event(StackEvent e) {
                String line = TIME.format(e.timestamp().atZone(ZoneId.systemDefault())) + "  " + e.status() + "  "
                        + e.logicalId() + " (" + e.resourceType() + ")" + (e.reason().isEmpty() ? "" : "  " + e.reason());
                ui.execute(() -> events.add(line));
            }

            @Override
            public void progress(double fraction) {
                ui.execute(() -> progress.set(fraction));
            }
        };
    }

    // ~ properties

    public StringProperty prefixProperty() {
        return prefix;
    }

    public StringProperty stackNameProperty() {
        return stackName;
    }

    public BooleanProperty tracingProperty() {
        return tracing;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty invokeUrlProperty() {
        return invokeUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<String> events() {
        return events;
    }
}
