package dev.tracedesk.explore.logs;

import java.util.List;
import java.util.OptionalInt;

/** CloudWatch Logs as the trace-logs search needs it. Called from a worker. */
public interface LogsSource {

    /** Why a search could not run. */
    enum Failure { NO_LOG_GROUP, NO_PERMISSION }

    /** A search that could not run, with the service's message. */
    final class LogsAccessException extends RuntimeException {
        private final Failure failure;

        public LogsAccessException(Failure failure, String message, Throwable cause) {
            super(message, cause);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /** All events of one search, every page. */
    List<LogLine> filter(LogSearch search);

    /** The group's retention in days; empty when it keeps events forever or cannot be read. */
    OptionalInt retentionDays(String logGroup);
}
