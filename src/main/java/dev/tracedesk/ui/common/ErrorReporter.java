package dev.tracedesk.ui.common;

import java.time.Clock;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Holds the problem the error banner shows. The banner is non-modal: work goes on, and a newer problem replaces
 * the older one. FX thread only.
 */
public final class ErrorReporter {

    /**
     * A problem to show: a one-line summary, for the log-minded the exception's class, and optionally what the banner
     * offers to fix it (null: only "Dismiss").
     */
    public record Problem(String summary, String detail, Instant at, Action action) {
        public Problem(String summary, String detail, Instant at) {
            this(summary, detail, at, null);
        }
    }

    /** A button on the banner: its text and what it does (FX thread; the banner closes first). */
    public record Action(String label, Runnable run) {
    }

    private final ReadOnlyObjectWrapper<Problem> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final Clock clock;
    private int reported;

    public ErrorReporter(Clock clock) {
        this.clock = clock;
    }

    public ReadOnlyObjectProperty<Problem> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Problem getCurrent() {
        return current.get();
    }

    /** How many problems were reported since start, shown ones and replaced ones. */
    public int reportedCount() {
        return reported;
    }

    public void report(String summary, Throwable error) {
        reported++;
        current.set(new Problem(summary, describe(error), clock.instant()));
    }

    /** Shows a problem with a button that fixes it (e.g. "Sign in again"). */
    public void report(String summary, Throwable error, Action action) {
        reported++;
        current.set(new Problem(summary, describe(error), clock.instant(), action));
    }

    public void report(Throwable error) {
        report(rootMessage(error), error);
    }

    public void dismiss() {
        current.set(null);
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "";
        }
        Throwable root = root(error);
        return root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String rootMessage(Throwable error) {
        Throwable root = root(error);
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    private static Throwable root(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
