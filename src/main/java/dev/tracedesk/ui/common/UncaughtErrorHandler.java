package dev.tracedesk.ui.common;

import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last line of defence: logs an exception nobody caught and shows it in the non-modal error banner (the banner is
 * updated through {@code ui}, i.e. {@code Platform::runLater} in the app, a direct executor in tests).
 */
public final class UncaughtErrorHandler implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrorHandler.class);

    private final ErrorReporter reporter;
    private final Executor ui;
    private final ResourceBundle strings;

    public UncaughtErrorHandler(ErrorReporter reporter, Executor ui, ResourceBundle strings) {
        this.reporter = reporter;
        this.ui = ui;
        this.strings = strings;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Uncaught exception in thread {}", thread.getName(), error);
        try {
            ui.execute(() -> reporter.report(Strings.format(strings, "error.unexpected", thread.getName()), error));
        } catch (RuntimeException e) {
            // The toolkit is gone (shutdown): the log line above is all we can do.
            LOG.debug("Could not show the error banner", e);
        }
    }
}
