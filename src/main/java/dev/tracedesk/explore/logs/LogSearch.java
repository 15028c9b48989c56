package dev.tracedesk.explore.logs;

/**
 * One FilterLogEvents call (spec §7.8): a log group, a window in epoch milliseconds and a filter pattern.
 *
 * @param function the Lambda function whose group this is (for messages)
 */
public record LogSearch(String function, String logGroup, long startMillis, long endMillis, String pattern) {
}
