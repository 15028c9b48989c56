package dev.tracedesk.ui.common;

import java.time.Duration;

/** Runs an action repeatedly on the UI thread (auto-refresh). Tests pass a manual ticker. */
@FunctionalInterface
public interface Ticker {

    /** Starts calling {@code action} every {@code period}; the returned handle stops it. */
    Runnable every(Duration period, Runnable action);
}
