package dev.tracedesk.ui.common;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the UI runs slow work: the work runs on a worker executor, and its success, failure and finally
 * handlers run on the UI executor (the FX thread in the app, the calling thread in tests). Running tasks show in the
 * status bar through a {@link TaskMonitor}; a failure without its own handler goes to the error banner.
 *
 * <pre>{@code
 * tasks.task("Loading traces", progress -> source.fetch(window))
 *      .onSuccess(model::setTraces)
 *      .onFailure(e -> model.showError(e))
 *      .andFinally(() -> model.setBusy(false))
 *      .start();
 * }</pre>
 */
public final class BackgroundTasks {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    /** The work: runs on a worker thread, must not touch nodes or UI properties. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** Lets work report how far it got; updates reach the UI coalesced. Callable from the worker. */
    public interface Progress {
        /** {@code fraction} in 0..1, or -1 when unknown; {@code message} may be null. */
        void update(double fraction, String message);

        boolean isCancelled();
    }

    /** A started task. */
    public interface Handle {
        /** Stops the task (interrupting its worker); only its finally handler runs afterwards. */
        void cancel();

        boolean isDone();
    }

    private final Executor worker;
    private final Executor ui;
    private final TaskMonitor monitor;
    private final ErrorReporter errors;
    private final List<Predicate<Throwable>> failureWatchers = new CopyOnWriteArrayList<>();

    public BackgroundTasks(Executor worker, Executor ui, TaskMonitor monitor, ErrorReporter errors) {
        this.worker = Objects.requireNonNull(worker);
        this.ui = Objects.requireNonNull(ui);
        this.monitor = Objects.requireNonNull(monitor);
        this.errors = Objects.requireNonNull(errors);
    }

    /** Work on {@code worker}, handlers on the FX thread. */
    public static BackgroundTasks onFxThread(Executor worker, TaskMonitor monitor, ErrorReporter errors) {
        return new BackgroundTasks(worker, Platform::runLater, monitor, errors);
    }

    /** Everything on the calling thread, in order: for tests of ViewModels that start tasks. */
    public static BackgroundTasks currentThread(TaskMonitor monitor, ErrorReporter errors) {
        return new BackgroundTasks(Runnable::run, Runnable::run, monitor, errors);
    }

    /** The worker pool: daemon threads named {@code bg-N}, so an unfinished task never keeps the JVM alive. */
    public static ExecutorService newWorkerPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bg-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Sees every failed task's error first (UI thread), whatever its own handler does: for failures that concern the
     * whole window rather than one screen, such as an expired sign-in. A watcher that returns true has put the
     * failure on the banner itself, so a task without a failure handler does not report it again.
     */
    public void watchFailures(Predicate<Throwable> watcher) {
        failureWatchers.add(Objects.requireNonNull(watcher));
    }

    public TaskMonitor monitor() {
        return monitor;
    }

    public <T> Builder<T> task(String title, Work<T> work) {
        return new Builder<>(title, work);
    }

    /** Collects the handlers of one task; {@link #start()} must be called on the UI thread. */
    public final class Builder<T> {
        private final String title;
        private final Work<T> work;
        private Consumer<? super T> onSuccess = result -> { };
        private Consumer<? super Throwable> onFailure;
        private Runnable andFinally = () -> { };

        private Builder(String title, Work<T> work) {
            this.title = Objects.requireNonNull(title);
            this.work = Objects.requireNonNull(work);
        }

        public Builder<T> onSuccess(Consumer<? super T> handler) {
            this.onSuccess = Objects.requireNonNull(handler);
            return this;
        }

        /** Without this handler a failure shows in the error banner. */
        public Builder<T> onFailure(Consumer<? super Throwable> handler) {
            this.onFailure = Objects.requireNonNull(handler);
            return this;
        }

        public Builder<T> andFinally(Runnable handler) {
            this.andFinally = Objects.requireNonNull(handler);
            return this;
        }

        public Handle start() {
            TaskMonitor.Entry entry = monitor.started(title);
            AtomicBoolean cancelled = new AtomicBoolean();
            AtomicBoolean completed = new AtomicBoolean();
            AtomicReference<double[]> pendingFraction = new AtomicReference<>();
            AtomicReference<String> pendingMessage = new AtomicReference<>();
            Progress progress = new Progress() {
                @Override
                public void update(double fraction, String message) {
                    pendingMessage.set(message);
                    // Coalesce bursts: only the first update since the last UI pass schedules one.
                    if (pendingFraction.getAndSet(new double[] {fraction}) == null) {
                        ui.execute(() -> {
                            double[] latest = pendingFraction.getAndSet(null);
                            if (latest != null && !completed.get()) {
                                monitor.progressed(entry, latest[0], pendingMessage.get());
                            }
                        });
                    }
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }
            };
            FutureTask<Void> future = new FutureTask<>(() -> {
                Outcome<T> outcome;
                try {
                    outcome = new Outcome<>(work.run(progress), null);
                } catch (Throwable t) {
                    outcome = new Outcome<>(null, t);
                }
                Outcome<T> done = outcome;
                ui.execute(() -> complete(done, entry, cancelled, completed));
                return null;
            });
            try {
                worker.execute(future);
            } catch (RuntimeException rejected) {
                ui.execute(() -> complete(new Outcome<>(null, rejected), entry, cancelled, completed));
            }
            return new Handle() {
                @Override
                public void cancel() {
                    if (cancelled.compareAndSet(false, true)) {
                        future.cancel(true);
                        ui.execute(() -> complete(new Outcome<>(null, new CancellationException()), entry,
                                cancelled, completed));
                    }
                }

                @Override
                public boolean isDone() {
                    return completed.get();
                }
            };
        }

        private void complete(Outcome<T> outcome, TaskMonitor.Entry entry, AtomicBoolean cancelled,
                AtomicBoolean completed) {
            if (!completed.compareAndSet(false, true)) {
                return; // a cancelled task's late result, or a second cancel
            }
            monitor.finished(entry);
            try {
                if (cancelled.get()) {
                    LOG.debug("Task '{}' cancelled", title);
                } else if (outcome.error == null) {
                    onSuccess.accept(outcome.result);
                } else if (watched(outcome.error) && onFailure == null) {
                    LOG.debug("Task '{}' failed; a watcher reported it", title, outcome.error);
                } else if (onFailure != null) {
                    LOG.debug("Task '{}' failed", title, outcome.error);
                    onFailure.accept(outcome.error);
                } else {
                    LOG.warn("Task '{}' failed", title, outcome.error);
                    errors.report(title + ": " + message(outcome.error), outcome.error);
                }
            } finally {
                andFinally.run();
            }
        }
    }

    private boolean watched(Throwable error) {
        boolean reported = false;
        for (Predicate<Throwable> watcher : failureWatchers) {
            try {
                reported |= watcher.test(error);
            } catch (RuntimeException e) {
                LOG.warn("A failure watcher failed", e);
            }
        }
        return reported;
    }

    private record Outcome<T>(T result, Throwable error) {
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
