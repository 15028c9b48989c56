package dev.tracedesk.sandbox.runtime;

import java.time.Duration;
import java.util.Map;

/** A local function: handler class, memory, timeout, environment, role and tracing mode. */
public record FunctionConfig(String name, String handler, int memoryMb, Duration timeout, Map<String, String> environment,
                             String role, TracingMode tracing) {
    public FunctionConfig {
        if (memoryMb < 128 || memoryMb > 10_240) throw new IllegalArgumentException("memory must be 128..10240 MB");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("timeout must be 1 s .. 15 min");
        }
        environment = Map.copyOf(environment);
    }

    public String arn(String region, String account) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
    }

    public FunctionConfig withTracing(TracingMode mode) {
        return new FunctionConfig(name, handler, memoryMb, timeout, environment, role, mode);
    }

    public String logGroup() { return "/aws/lambda/" + name; }
}
