package dev.tracedesk.sandbox.runtime;

/** Lambda's {@code TracingConfig.Mode} (spec §7.1). */
public enum TracingMode {
    ACTIVE("Active"), PASS_THROUGH("PassThrough");

    private final String wire;

    TracingMode(String wire) { this.wire = wire; }

    public String wire() { return wire; }

    public static TracingMode fromWire(String s) {
        for (TracingMode m : values()) if (m.wire.equalsIgnoreCase(s)) return m;
        throw new IllegalArgumentException("tracing mode must be Active or PassThrough, got " + s);
    }
}
