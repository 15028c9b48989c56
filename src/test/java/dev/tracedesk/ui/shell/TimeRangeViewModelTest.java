package dev.tracedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.ui.common.RangePreset;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TimeRange;
import dev.tracedesk.ui.common.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TimeRangeViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin"); // UTC+1 in November
    private final TimeRangeViewModel model =
            new TimeRangeViewModel(Strings.bundle(), Clock.fixed(NOW, BERLIN));

    @Test
    void startsOnTheLastFifteenMinutes() {
        assertThat(model.getRange()).isEqualTo(new TimeRange.Relative(RangePreset.LAST_15_MINUTES));
        assertThat(model.getLabel()).isEqualTo("Last 15 minutes");
    }

    @ParameterizedTest
    @EnumSource(RangePreset.class)
    void everyPresetEndsNowAndSpansItsLength(RangePreset preset) {
        model.selectPreset(preset);

        TimeWindow window = model.getRange().resolve(NOW);
        assertThat(window.to()).isEqualTo(NOW);
        assertThat(window.length()).isEqualTo(preset.length());
        assertThat(model.selectedPreset()).isEqualTo(preset);
    }

    @Test
    void presetsCoverFiveMinutesToADay() {
        assertThat(RangePreset.values()).extracting(RangePreset::shortName)
                .containsExactly("5m", "15m", "1h", "3h", "6h", "24h");
        assertThat(RangePreset.LAST_24_HOURS.length()).isEqualTo(Duration.ofHours(24));
        assertThat(RangePreset.fromShortName("3h")).isEqualTo(RangePreset.LAST_3_HOURS);
    }

    @Test
    void absoluteRangeIsReadInLocalTime() {
        model.fromTextProperty().set("2026-11-28 09:30");
        model.toTextProperty().set("2026-11-28 10:45:15");

        assertThat(model.applyAbsolute()).isTrue();

        assertThat(model.getRange()).isEqualTo(new TimeRange.Absolute(
                Instant.parse("2026-11-28T08:30:00Z"), Instant.parse("2026-11-28T09:45:15Z")));
        assertThat(model.selectedPreset()).isNull();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.fromTextProperty().get()).isEqualTo("2026-11-28 09:30:00");
    }

    @Test
    void absoluteRangeIsReadInUtcWhenUtcIsOn() {
        model.setUtc(true);
        model.fromTextProperty().set("2026-11-28T09:30:00");
        model.toTextProperty().set("2026-11-28 10:00");

        assertThat(model.applyAbsolute()).isTrue();

        assertThat(model.getRange()).isEqualTo(new TimeRange.Absolute(
                Instant.parse("2026-11-28T09:30:00Z"), Instant.parse("2026-11-28T10:00:00Z")));
        assertThat(model.getLabel()).isEqualTo("2026-11-28 09:30:00 – 10:00:00 UTC");
    }

    @Test
    void switchingToUtcKeepsTheFieldsOnTheSameInstants() {
        model.fromTextProperty().set("2026-11-28 09:30");
        model.toTextProperty().set("2026-11-28 10:00");

        model.setUtc(true);

        assertThat(model.fromTextProperty().get()).isEqualTo("2026-11-28 08:30:00");
        assertThat(model.toTextProperty().get()).isEqualTo("2026-11-28 09:00:00");
    }

    @Test
    void labelOfAnAbsoluteRangeFollowsTheZone() {
        model.setAbsolute(Instant.parse("2026-11-27T23:30:00Z"), Instant.parse("2026-11-28T00:30:00Z"));
        assertThat(model.getLabel()).startsWith("2026-11-28 00:30:00 – 01:30:00 ");

        model.setUtc(true);
        assertThat(model.getLabel()).isEqualTo("2026-11-27 23:30:00 – 2026-11-28 00:30:00 UTC");
    }

    @Test
    void unreadableDateIsRefusedWithTheFieldNamed() {
        TimeRange before = model.getRange();
        model.fromTextProperty().set("yesterday");
        model.toTextProperty().set("2026-11-28 10:00");

        assertThat(model.applyAbsolute()).isFalse();

        assertThat(model.getRange()).isEqualTo(before);
        assertThat(model.errorProperty().get()).startsWith("From:").contains("\"yesterday\"");
    }

    @Test
    void emptyFieldIsRefused() {
        model.fromTextProperty().set("2026-11-28 10:00");
        model.toTextProperty().set("  ");

        assertThat(model.applyAbsolute()).isFalse();
        assertThat(model.errorProperty().get()).startsWith("To:");
    }

    @Test
    void fromAfterToIsRefused() {
        model.fromTextProperty().set("2026-11-28 11:00");
        model.toTextProperty().set("2026-11-28 10:00");

        assertThat(model.applyAbsolute()).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("From must be earlier than To.");
    }

    @Test
    void choosingAPresetClearsTheError() {
        model.fromTextProperty().set("nope");
        model.applyAbsolute();

        model.selectPreset(RangePreset.LAST_HOUR);

        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void prefillShowsTheCurrentWindowForEditing() {
        model.selectPreset(RangePreset.LAST_HOUR);

        model.prefillFields();

        assertThat(model.fromTextProperty().get()).isEqualTo("2026-11-28 12:00:00");
        assertThat(model.toTextProperty().get()).isEqualTo("2026-11-28 13:00:00");
    }
}
