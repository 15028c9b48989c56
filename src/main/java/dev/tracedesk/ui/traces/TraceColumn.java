package dev.tracedesk.ui.traces;

import dev.tracedesk.explore.traces.TraceRow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;

/** The fixed columns of the trace list: what each shows and how it sorts (numbers by value, not by text). */
public enum TraceColumn {
    ID("traces.col.id"),
    START("traces.col.start"),
    METHOD("traces.col.method"),
    STATUS("traces.col.status"),
    RESPONSE_TIME("traces.col.responseTime"),
    DURATION("traces.col.duration"),
    URL("traces.col.url"),
    CLIENT_IP("traces.col.clientIp"),
    USER("traces.col.user"),
    COLD_START("traces.col.coldStart");

    private static final DateTimeFormatter START_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private final String titleKey;

    TraceColumn(String titleKey) {
        this.titleKey = titleKey;
    }

    public String titleKey() {
        return titleKey;
    }

    /**
     * The cell text. {@code coldStart} is null while unknown (the summary does not say; the trace is read in the
     * background).
     */
    public String text(TraceRow row, ZoneId zone, Boolean coldStart) {
        return switch (this) {
            case ID -> row.id();
            case START -> row.start() == null ? "" : START_FORMAT.format(row.start().atZone(zone));
            case METHOD -> nz(row.method());
            case STATUS -> row.status() == null ? row.outcome() : row.status() + (row.outcome().equals("ok") ? ""
                    : " " + row.outcome());
            case RESPONSE_TIME -> seconds(row.responseTime());
            case DURATION -> seconds(row.duration());
            case URL -> nz(row.url());
            case CLIENT_IP -> nz(row.clientIp());
            case USER -> String.join(", ", row.users());
            case COLD_START -> coldStart == null ? "…" : coldStart ? "yes" : "no";
        };
    }

    /** Orders rows by this column's value. */
    public Comparator<TraceRow> comparator() {
        return switch (this) {
            case ID -> Comparator.comparing(TraceRow::id);
            case START -> Comparator.comparing(TraceRow::start, Comparator.nullsFirst(Comparator.naturalOrder()));
            case METHOD -> Comparator.comparing(r -> nz(r.method()));
            case STATUS -> Comparator.comparing(TraceRow::status, Comparator.nullsFirst(Comparator.naturalOrder()));
            case RESPONSE_TIME -> Comparator.comparing(TraceRow::responseTime,
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case DURATION -> Comparator.comparing(TraceRow::duration, Comparator.nullsFirst(Comparator.naturalOrder()));
            case URL -> Comparator.comparing(r -> nz(r.url()));
            case CLIENT_IP -> Comparator.comparing(r -> nz(r.clientIp()));
            case USER -> Comparator.comparing(r -> String.join(",", r.users()));
            case COLD_START -> Comparator.comparing(TraceRow::id); // sorted through the cold-start map in the view
        };
    }

    /** "0.412 s" for 0.412; empty when unknown. */
    public static String seconds(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.3f s", value);
    }

    /** The text of annotation {@code key} of a row: its distinct values, comma-separated. */
    public static String annotation(TraceRow row, String key) {
        var values = row.annotations().get(key);
        return values == null ? "" : String.join(", ", values);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
