package dev.tracedesk.explore.analytics;

import java.util.Objects;

/** One attribute value a trace may have, such as {@code service = AMIS_shop_accept} or {@code cold start = yes}. */
public record Attribute(AttributeKind kind, String value) {
    public Attribute {
        Objects.requireNonNull(kind);
        value = value == null ? "" : value;
    }

    /** "kind: value" as the ranking table shows it. */
    public String label() {
        return kind.label() + ": " + value;
    }
}
