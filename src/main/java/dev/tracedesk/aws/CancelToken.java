package dev.tracedesk.aws;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets the GUI stop a sign-in at any step. Waits (the SSO poll interval) end at once on cancel; a cancelled token
 * or an interrupted thread makes {@link #check()} throw a CANCELLED problem.
 */
public final class CancelToken {
    private final CountDownLatch cancelled = new CountDownLatch(1);

    /** A token nobody cancels (background refreshes). */
    public static CancelToken none() {
        return new CancelToken();
    }

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Throws CANCELLED if the token was cancelled or the thread interrupted. */
    public void check() {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw cancelledProblem();
        }
    }

    /** Sleeps for the duration, or until cancelled/interrupted (then throws CANCELLED). */
    public void sleep(Duration duration) {
        check();
        try {
            if (cancelled.await(Math.max(0, duration.toNanos()), TimeUnit.NANOSECONDS)) {
                throw cancelledProblem();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelledProblem();
        }
    }

    static AwsProblemException cancelledProblem() {
        return new AwsProblemException(AwsProblem.of(ProblemKind.CANCELLED, "Sign-in cancelled."));
    }
}
