package dev.tracedesk.ui.common;

/** What a screen shows when it has nothing to show: a title and one honest sentence about why. */
public record EmptyState(String title, String message) {
}
