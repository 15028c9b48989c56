package dev.tracedesk.shop;

import java.util.Map;

/** What a handler sees at initialisation: its configuration (environment variables) and a log line writer. */
public interface FunctionEnvironment {
    String functionName();

    Map<String, String> variables();

    /** A required variable; missing configuration fails initialisation, as a misconfigured Lambda does. */
    default String require(String name) {
        String v = variables().get(name);
        if (v == null || v.isBlank()) throw new IllegalStateException("environment variable " + name + " is not set");
        return v;
    }

    void log(String line);
}
