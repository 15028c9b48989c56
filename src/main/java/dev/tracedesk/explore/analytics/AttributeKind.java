package dev.tracedesk.explore.analytics;

/**
 * The kinds of attribute "what sets them apart" compares. Those marked {@code needsTrace} come from the full trace
 * document (BatchGetTraces), not from the summary, so they are known only for traces whose documents were read.
 */
public enum AttributeKind {
    COLD_START("cold start", true),
    SERVICE("service", false),
    FUNCTION("function", true),
    URL("url", false),
    METHOD("method", false),
    STATUS("status", false),
    OUTCOME("outcome", false),
    USER("user", false),
    ANNOTATION("annotation", false),
    ROOT_CAUSE_SERVICE("root cause service", true),
    ROOT_CAUSE_EXCEPTION("root cause exception", true);

    private final String label;
    private final boolean needsTrace;

    AttributeKind(String label, boolean needsTrace) {
        this.label = label;
        this.needsTrace = needsTrace;
    }

    public String label() {
        return label;
    }

    public boolean needsTrace() {
        return needsTrace;
    }
}
