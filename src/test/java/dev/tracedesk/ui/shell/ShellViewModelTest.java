package dev.tracedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.RangePreset;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.common.ThemeChoice;
import dev.tracedesk.ui.common.Ticker;
import dev.tracedesk.ui.common.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A ticker that fires when the test says so. */
    private static final class ManualTicker implements Ticker {
        final List<Runnable> active = new ArrayList<>();
        final List<Duration> periods = new ArrayList<>();

        @Override
        public Runnable every(Duration period, Runnable action) {
            active.add(action);
            periods.add(period);
            return () -> active.remove(action);
        }

        void tick() {
            List.copyOf(active).forEach(Runnable::run);
        }
    }

    private final MutableClock clock = new MutableClock();
    private final ManualTicker ticker = new ManualTicker();

    private ShellViewModel model(Theme system, ConnectionInfo connection) {
        return new ShellViewModel(Strings.bundle(), clock, ticker, () -> system, connection, new TaskMonitor(),
                new ErrorReporter(clock));
    }

    private ShellViewModel model() {
        return model(Theme.LIGHT, ConnectionInfo.localSandbox());
    }

    @Test
    void followsTheSystemThemeUntilTheUserPicksOne() {
        ShellViewModel model = model(Theme.DARK, ConnectionInfo.localSandbox());
        assertThat(model.getThemeChoice()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(model.getTheme()).isEqualTo(Theme.DARK);

        model.setThemeChoice(ThemeChoice.LIGHT);
        assertThat(model.getTheme()).isEqualTo(Theme.LIGHT);

        model.setThemeChoice(ThemeChoice.SYSTEM);
        assertThat(model.getTheme()).isEqualTo(Theme.DARK);
    }

    @Test
    void toggleFlipsBetweenLightAndDark() {
        ShellViewModel model = model();
        model.toggleTheme();
        assertThat(model.getThemeChoice()).isEqualTo(ThemeChoice.DARK);
        assertThat(model.getTheme()).isEqualTo(Theme.DARK);
        model.toggleTheme();
        assertThat(model.getTheme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void themeChoiceResolvesAgainstTheSystemPreference() {
        assertThat(ThemeChoice.SYSTEM.resolve(Theme.DARK)).isEqualTo(Theme.DARK);
        assertThat(ThemeChoice.SYSTEM.resolve(Theme.LIGHT)).isEqualTo(Theme.LIGHT);
        assertThat(ThemeChoice.DARK.resolve(Theme.LIGHT)).isEqualTo(Theme.DARK);
        assertThat(ThemeChoice.LIGHT.resolve(Theme.DARK)).isEqualTo(Theme.LIGHT);
    }

    @Test
    void refreshReanchorsARelativeRangeAtNow() {
        ShellViewModel model = model();
        long before = model.getRefreshCount();
        clock.now = clock.now.plusSeconds(90);

        model.refresh();

        assertThat(model.getRefreshCount()).isEqualTo(before + 1);
        assertThat(model.getWindow()).isEqualTo(new TimeWindow(clock.now.minusSeconds(15 * 60), clock.now));
        assertThat(model.getWindowLabel()).isEqualTo(
                "Last 15 minutes (2026-11-28 11:46:30 – 12:01:30 UTC) · updated 12:01:30");
    }

    @Test
    void changingTheTimeRangeRefreshes() {
        ShellViewModel model = model();
        long before = model.getRefreshCount();

        model.timeRange().selectPreset(RangePreset.LAST_6_HOURS);

        assertThat(model.getRefreshCount()).isEqualTo(before + 1);
        assertThat(model.getWindow().length()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void anAbsoluteRangeStaysPutOnRefresh() {
        ShellViewModel model = model();
        Instant from = Instant.parse("2026-11-27T08:00:00Z");
        Instant to = Instant.parse("2026-11-27T09:00:00Z");
        model.timeRange().setAbsolute(from, to);
        clock.now = clock.now.plusSeconds(3600);

        model.refresh();

        assertThat(model.getWindow()).isEqualTo(new TimeWindow(from, to));
        assertThat(model.getWindowLabel()).startsWith("2026-11-27 08:00:00 – 09:00:00 UTC · updated");
    }

    @Test
    void autoRefreshRefreshesOnEveryTickUntilTurnedOff() {
        ShellViewModel model = model();
        model.setAutoRefresh(AutoRefresh.EVERY_30_SECONDS);
        assertThat(ticker.periods).containsExactly(Duration.ofSeconds(30));
        long before = model.getRefreshCount();

        ticker.tick();
        ticker.tick();
        assertThat(model.getRefreshCount()).isEqualTo(before + 2);

        model.setAutoRefresh(AutoRefresh.OFF);
        ticker.tick();
        assertThat(model.getRefreshCount()).isEqualTo(before + 2);
        assertThat(ticker.active).isEmpty();
    }

    @Test
    void changingTheIntervalReplacesTheTimer() {
        ShellViewModel model = model();
        model.setAutoRefresh(AutoRefresh.EVERY_10_SECONDS);
        model.setAutoRefresh(AutoRefresh.EVERY_5_MINUTES);

        assertThat(ticker.active).hasSize(1);
        model.dispose();
        assertThat(ticker.active).isEmpty();
    }

    @Test
    void connectionNamesTheSandboxOrTheProfileAndRegion() {
        assertThat(model().connectionLabelProperty().get()).isEqualTo("Local sandbox");
        assertThat(model(Theme.LIGHT, new ConnectionInfo("prod", "eu-west-1")).connectionLabelProperty().get())
                .isEqualTo("prod · eu-west-1");
        assertThat(model(Theme.LIGHT, new ConnectionInfo("dev", null)).connectionLabelProperty().get())
                .isEqualTo("dev");
    }

    @Test
    void filterTextIsTheCurrentFilter() {
        ShellViewModel model = model();
        model.filterProperty().set("service(\"AMIS_shop_accept\")");
        assertThat(model.getFilter()).isEqualTo("service(\"AMIS_shop_accept\")");
    }

    @Test
    void screensAreKnownByIdAndShortcutDigit() {
        assertThat(Screen.values()).extracting(Screen::shortcutDigit).containsExactly(1, 2, 3, 4, 5);
        assertThat(Screen.byId("analytics")).isEqualTo(Screen.ANALYTICS);
        assertThat(Screen.byId("timeline")).isNull();
        ShellViewModel model = model();
        model.selectScreen(Screen.STACK);
        assertThat(model.getScreen()).isEqualTo(Screen.STACK);
    }
}
