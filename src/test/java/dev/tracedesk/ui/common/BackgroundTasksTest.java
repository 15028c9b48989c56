package dev.tracedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class BackgroundTasksTest {

    private final TaskMonitor monitor = new TaskMonitor();
    private final ErrorReporter errors = new ErrorReporter(Clock.systemUTC());
    private final List<String> events = new ArrayList<>();

    /** Executors that run only when the test drains them: worker and UI steps become visible. */
    private static final class Queued implements Executor {
        final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            queue.add(command);
        }

        void drain() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    @Test
    void successRunsSuccessThenFinally() {
        BackgroundTasks tasks = BackgroundTasks.currentThread(monitor, errors);

        tasks.task("Adding", progress -> 40 + 2)
                .onSuccess(result -> events.add("success " + result))
                .onFailure(error -> events.add("failure"))
                .andFinally(() -> events.add("finally"))
                .start();

        assertThat(events).containsExactly("success 42", "finally");
        assertThat(monitor.getRunningCount()).isZero();
        assertThat(errors.getCurrent()).isNull();
    }

    @Test
    void failureRunsFailureThenFinally() {
        BackgroundTasks tasks = BackgroundTasks.currentThread(monitor, errors);

        tasks.task("Reading", progress -> {
            throw new IOException("disk gone");
        }).onSuccess(result -> events.add("success"))
                .onFailure(error -> events.add("failure " + error.getMessage()))
                .andFinally(() -> events.add("finally"))
                .start();

        assertThat(events).containsExactly("failure disk gone", "finally");
        assertThat(errors.getCurrent()).isNull();
    }

    @Test
    void unhandledFailureShowsInTheErrorBanner() {
        BackgroundTasks tasks = BackgroundTasks.currentThread(monitor, errors);

        tasks.task("Loading traces", progress -> {
            throw new IllegalStateException("throttled");
        }).andFinally(() -> events.add("finally")).start();

        assertThat(events).containsExactly("finally");
        assertThat(errors.getCurrent().summary()).isEqualTo("Loading traces: throttled");
        assertThat(errors.getCurrent().detail()).isEqualTo("java.lang.IllegalStateException: throttled");
    }

    @Test
    void failureWatchersSeeEveryFailureAndOneThatReportsItReplacesTheGenericBanner() {
        BackgroundTasks tasks = BackgroundTasks.currentThread(monitor, errors);
        ErrorReporter.Action again = new ErrorReporter.Action("Sign in again", () -> events.add("again"));
        tasks.watchFailures(error -> {
            events.add("watched " + error.getMessage());
            if (!error.getMessage().equals("expired")) {
                return false;
            }
            errors.report("Your sign-in has expired. Sign in again.", error, again);
            return true;
        });

        tasks.task("Loading map", progress -> {
            throw new IllegalStateException("expired");
        }).onFailure(error -> events.add("screen shows " + error.getMessage())).start();
        tasks.task("Loading traces", progress -> {
            throw new IllegalStateException("expired");
        }).start();

        assertThat(events).containsExactly("watched expired", "screen shows expired", "watched expired");
        assertThat(errors.getCurrent().summary()).isEqualTo("Your sign-in has expired. Sign in again.");
        assertThat(errors.getCurrent().action()).isSameAs(again);

        tasks.task("Loading rules", progress -> {
            throw new IllegalStateException("throttled");
        }).start();
        assertThat(errors.getCurrent().summary()).isEqualTo("Loading rules: throttled");
        assertThat(errors.getCurrent().action()).isNull();
    }

    @Test
    void handlersRunOnTheUiExecutorAndTheMonitorShowsRunningWork() {
        Queued worker = new Queued();
        Queued ui = new Queued();
        BackgroundTasks tasks = new BackgroundTasks(worker, ui, monitor, errors);

        tasks.task("Loading map", progress -> {
            progress.update(0.25, "page 1");
            progress.update(0.5, "page 2");
            return "map";
        }).onSuccess(events::add).start();

        assertThat(monitor.getRunningCount()).isEqualTo(1);
        assertThat(monitor.getMessage()).isEqualTo("Loading map");
        assertThat(monitor.getProgress()).isEqualTo(-1);

        worker.drain();
        assertThat(events).isEmpty(); // not until the UI thread runs the handler
        assertThat(ui.queue).hasSize(2); // coalesced progress + completion

        ui.drain();
        assertThat(events).containsExactly("map");
        assertThat(monitor.getRunningCount()).isZero();
        assertThat(monitor.getMessage()).isEmpty();
    }

    @Test
    void progressReachesTheMonitorBeforeCompletion() {
        Queued worker = new Queued();
        Queued ui = new Queued();
        BackgroundTasks tasks = new BackgroundTasks(worker, ui, monitor, errors);
        tasks.task("Fetching", progress -> null).start();
        BackgroundTasks.Handle handle = tasks.task("Indexing", progress -> {
            progress.update(0.75, "3 of 4");
            return null;
        }).start();
        worker.queue.poll(); // drop "Fetching" so it stays running
        worker.drain();
        ui.queue.poll().run(); // the progress update only

        assertThat(monitor.getRunningCount()).isEqualTo(2);
        assertThat(monitor.getMessage()).isEqualTo("Indexing — 3 of 4 (+1)");
        assertThat(monitor.getProgress()).isEqualTo(0.75);
        assertThat(handle.isDone()).isFalse();
    }

    @Test
    void cancelledTaskRunsOnlyFinally() {
        Queued worker = new Queued();
        Queued ui = new Queued();
        BackgroundTasks tasks = new BackgroundTasks(worker, ui, monitor, errors);

        BackgroundTasks.Handle handle = tasks.task("Slow", progress -> "late")
                .onSuccess(r -> events.add("success"))
                .onFailure(e -> events.add("failure"))
                .andFinally(() -> events.add("finally"))
                .start();
        handle.cancel();
        worker.drain();
        ui.drain();

        assertThat(events).containsExactly("finally");
        assertThat(handle.isDone()).isTrue();
        assertThat(monitor.getRunningCount()).isZero();
        assertThat(errors.getCurrent()).isNull();
    }

    @Test
    void rejectedWorkIsAFailureNotAHang() {
        BackgroundTasks tasks = new BackgroundTasks(command -> {
            throw new java.util.concurrent.RejectedExecutionException("pool shut down");
        }, Runnable::run, monitor, errors);

        tasks.task("Late", progress -> "x").onFailure(e -> events.add(e.getMessage())).start();

        assertThat(events).containsExactly("pool shut down");
        assertThat(monitor.getRunningCount()).isZero();
    }

    @Test
    void workerPoolThreadsAreNamedDaemons() throws Exception {
        var pool = BackgroundTasks.newWorkerPool(1);
        try {
            Thread thread = pool.submit(Thread::currentThread).get();
            assertThat(thread.getName()).isEqualTo("bg-1");
            assertThat(thread.isDaemon()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
