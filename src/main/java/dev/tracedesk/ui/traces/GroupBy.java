package dev.tracedesk.ui.traces;

import dev.tracedesk.explore.traces.TraceRow;
import java.util.List;

/** What the trace list can be grouped by; a trace lands in one group per value it has (e.g. per service). */
public enum GroupBy {
    NONE("traces.group.none"),
    URL("traces.group.url"),
    RESOURCE_ARN("traces.group.resourceArn"),
    SERVICE("traces.group.service"),
    USER("traces.group.user"),
    STATUS("traces.group.status"),
    ANNOTATION("traces.group.annotation");

    /** The group of rows without a value (no user, no URL, annotation not set). */
    public static final String NO_VALUE = "(none)";
    private final String labelKey;

    GroupBy(String labelKey) {
        this.labelKey = labelKey;
    }

    public String labelKey() {
        return labelKey;
    }

    /** The group keys of {@code row}; {@code annotationKey} is used by {@link #ANNOTATION} only. */
    public List<String> keys(TraceRow row, String annotationKey) {
        List<String> keys = switch (this) {
            case NONE -> List.of("all");
            case URL -> row.url() == null ? List.of() : List.of(row.url());
            case RESOURCE_ARN -> row.resourceArns();
            case SERVICE -> row.services();
            case USER -> row.users();
            case STATUS -> List.of(row.status() == null ? row.outcome() : String.valueOf(row.status()));
            case ANNOTATION -> annotationKey == null ? List.of()
                    : row.annotations().getOrDefault(annotationKey, List.of());
        };
        return keys.isEmpty() ? List.of(NO_VALUE) : keys;
    }
}
