package dev.tracedesk.explore.load;

/** One smoke-test request: what was expected, what came back, its trace id (null when none), passed or not. */
public record SmokeCase(String name, int expectedStatus, int status, String body, String traceId, boolean passed) {
}
