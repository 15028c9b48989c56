package dev.tracedesk.ui.shell;

import dev.tracedesk.ui.common.RangePreset;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TimeRange;
import dev.tracedesk.ui.common.TimeWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The time-range picker: a relative preset or an absolute from/to typed in local time or UTC. The from/to fields
 * are text the user edits; {@link #applyAbsolute()} parses them and either sets the range or explains what is wrong.
 */
public final class TimeRangeViewModel {

    /** How the from/to fields are written and read. Seconds are optional when typing. */
    public static final DateTimeFormatter FIELD_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter INPUT_MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final DateTimeFormatter TIME_ONLY = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ResourceBundle strings;
    private final Clock clock;
    private final ZoneId localZone;

    private final ReadOnlyObjectWrapper<TimeRange> range =
            new ReadOnlyObjectWrapper<>(this, "range", new TimeRange.Relative(RangePreset.LAST_15_MINUTES));
    private final BooleanProperty utc = new SimpleBooleanProperty(this, "utc");
    private final StringProperty fromText = new SimpleStringProperty(this, "fromText", "");
    private final StringProperty toText = new SimpleStringProperty(this, "toText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label");

    public TimeRangeViewModel(ResourceBundle strings, Clock clock) {
        this.strings = strings;
        this.clock = clock;
        this.localZone = clock.getZone();
        range.addListener((obs, old, now) -> updateLabel());
        utc.addListener((obs, old, now) -> {
            rewriteFieldsIn(now ? localZone : ZoneOffset.UTC);
            updateLabel();
        });
        updateLabel();
    }

    public ReadOnlyObjectProperty<TimeRange> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    public TimeRange getRange() {
        return range.get();
    }

    public BooleanProperty utcProperty() {
        return utc;
    }

    public boolean isUtc() {
        return utc.get();
    }

    public void setUtc(boolean value) {
        utc.set(value);
    }

    public StringProperty fromTextProperty() {
        return fromText;
    }

    public StringProperty toTextProperty() {
        return toText;
    }

    /** Why the last {@link #applyAbsolute()} was refused; empty when it was not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The range in words: "Last 15 minutes", or "2026-11-28 01:00:00 – 02:00:00 UTC". */
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public String getLabel() {
        return label.get();
    }

    /** The zone the fields and labels use. */
    public ZoneId zone() {
        return utc.get() ? ZoneOffset.UTC : localZone;
    }

    /** The preset in force, or null when the range is absolute. */
    public RangePreset selectedPreset() {
        return range.get() instanceof TimeRange.Relative relative ? relative.preset() : null;
    }

    public void selectPreset(RangePreset preset) {
        error.set("");
        range.set(new TimeRange.Relative(preset));
    }

    /** Sets a fixed window directly (e.g. from a brush on a chart), and shows it in the fields. */
    public void setAbsolute(Instant from, Instant to) {
        range.set(new TimeRange.Absolute(from, to));
        error.set("");
        writeFields(from, to);
    }

    /** Fills the from/to fields with the window the current range means now, as a starting point for editing. */
    public void prefillFields() {
        TimeWindow window = range.get().resolve(clock.instant());
        writeFields(window.from(), window.to());
    }

    /**
     * Reads the from/to fields in the current zone. On success the range becomes absolute and this returns true;
     * otherwise the range is unchanged and {@link #errorProperty()} says what to fix.
     */
    public boolean applyAbsolute() {
        Instant from;
        Instant to;
        try {
            from = parse(fromText.get(), "range.field.from");
            to = parse(toText.get(), "range.field.to");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        if (!from.isBefore(to)) {
            error.set(strings.getString("range.error.order"));
            return false;
        }
        error.set("");
        range.set(new TimeRange.Absolute(from, to));
        writeFields(from, to);
        return true;
    }

    private Instant parse(String text, String fieldKey) {
        String value = text == null ? "" : text.strip().replace('T', ' ');
        String field = strings.getString(fieldKey);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(Strings.format(strings, "range.error.empty", field));
        }
        try {
            LocalDateTime local = value.length() <= 16
                    ? LocalDateTime.parse(value, INPUT_MINUTES)
                    : LocalDateTime.parse(value, FIELD_FORMAT);
            return local.atZone(zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(Strings.format(strings, "range.error.format", field, value));
        }
    }

    private void writeFields(Instant from, Instant to) {
        fromText.set(FIELD_FORMAT.format(from.atZone(zone())));
        toText.set(FIELD_FORMAT.format(to.atZone(zone())));
    }

    /** When the zone flips, the fields keep meaning the same instants if they parse; otherwise they stay as typed. */
    private void rewriteFieldsIn(ZoneId previousZone) {
        rewriteField(fromText, previousZone);
        rewriteField(toText, previousZone);
    }

    private void rewriteField(StringProperty field, ZoneId previousZone) {
        String value = field.get() == null ? "" : field.get().strip();
        if (value.isEmpty()) {
            return;
        }
        try {
            LocalDateTime local = value.length() <= 16
                    ? LocalDateTime.parse(value.replace('T', ' '), INPUT_MINUTES)
                    : LocalDateTime.parse(value.replace('T', ' '), FIELD_FORMAT);
            field.set(FIELD_FORMAT.format(local.atZone(previousZone).withZoneSameInstant(zone())));
        } catch (DateTimeParseException e) {
            // leave what the user typed; applyAbsolute() will explain
        }
    }

    private void updateLabel() {
        TimeRange current = range.get();
        if (current instanceof TimeRange.Relative relative) {
            label.set(strings.getString("range.preset." + relative.preset().shortName()));
        } else if (current instanceof TimeRange.Absolute absolute) {
            label.set(describe(absolute.from(), absolute.to()));
        }
    }

    /** "2026-11-28 01:00:00 – 02:00:00 UTC" (the date is repeated only when the window crosses midnight). */
    public String describe(Instant from, Instant to) {
        ZoneId zone = zone();
        LocalDate fromDay = LocalDate.ofInstant(from, zone);
        LocalDate toDay = LocalDate.ofInstant(to, zone);
        String end = fromDay.equals(toDay) ? TIME_ONLY.format(to.atZone(zone)) : FIELD_FORMAT.format(to.atZone(zone));
        return FIELD_FORMAT.format(from.atZone(zone)) + " – " + end + " " + zoneName(zone);
    }

    private String zoneName(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        return zone.getDisplayName(TextStyle.SHORT, Locale.getDefault());
    }
}
