package dev.tracedesk.app;

import dev.tracedesk.explore.LocalSandbox;
import dev.tracedesk.explore.SandboxStats;
import dev.tracedesk.explore.load.LoadTests;
import dev.tracedesk.explore.load.RunPlan;
import dev.tracedesk.explore.load.RunProgress;
import dev.tracedesk.explore.load.RunResult;
import dev.tracedesk.explore.load.ShopTarget;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.shell.ShellViewModel;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A first start on an empty sandbox: the shop stack is there but nothing has been sent to it, so the map would be
 * blank. Once the window is on the local sandbox and its store holds no trace, a smoke run fills it, and a notice in
 * the shell says what happened. At most once per window; a missing shop is logged, not shown (nothing was done).
 */
final class FirstStartSmoke {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStartSmoke.class);

    private record Done(ShopTarget target, RunResult run) {}

    private final LocalSandbox sandbox;
    private final LoadTests loadTests;
    private final BackgroundTasks tasks;
    private final ResourceBundle strings;
    private final ShellViewModel shell;
    private final Consumer<RunResult> addRun;
    private boolean started;

    FirstStartSmoke(LocalSandbox sandbox, LoadTests loadTests, BackgroundTasks tasks, ResourceBundle strings,
            ShellViewModel shell, Consumer<RunResult> addRun) {
        this.sandbox = sandbox;
        this.loadTests = loadTests;
        this.tasks = tasks;
        this.strings = strings;
        this.shell = shell;
        this.addRun = addRun;
    }

    /** The window is connected to the local sandbox (FX thread): run the smoke test if its store is empty. */
    void connectedToSandbox() {
        if (started) {
            return;
        }
        started = true;
        tasks.task(strings.getString("stack.firstStart.task"), progress -> {
            Optional<SandboxStats> stats = sandbox.stats();
            if (stats.isEmpty() || stats.get().traces() > 0 || stats.get().received() > 0) {
                return Optional.<Done>empty();
            }
            ShopTarget target = loadTests.locate();
            return Optional.of(new Done(target, loadTests.run(RunPlan.smoke(strings.getString(
                    "stack.firstStart.label")), RunProgress.NONE)));
        }).onSuccess(done -> done.ifPresent(this::show))
                .onFailure(e -> LOG.info("No first-start smoke run: {}", e.getMessage()))
                .start();
    }

    private void show(Done done) {
        RunResult run = done.run();
        shell.showNotice(Strings.format(strings, "stack.firstStart.notice", Integer.toString(run.cases().size()),
                done.target().invokeUrl(), Long.toString(run.passedCount())));
        addRun.accept(run);
        shell.refresh();
    }
}
