package dev.tracedesk.ui.shell;

import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.common.ThemeChoice;
import dev.tracedesk.ui.common.Ticker;
import dev.tracedesk.ui.common.TimeWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the main window around the screens: which screen shows, the connection, the time range, the filter,
 * refresh and auto-refresh, the theme, and (through {@link TaskMonitor} and {@link ErrorReporter}) background
 * activity and problems. Screens read {@link #windowProperty()} and {@link #getFilter()} and reload when
 * {@link #refreshCountProperty()} changes. FX thread only; no JavaFX controls, so it is tested without a toolkit.
 */
public final class ShellViewModel {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ResourceBundle strings;
    private final Clock clock;
    private final Ticker ticker;
    private final Supplier<Theme> systemTheme;
    private final TaskMonitor tasks;
    private final ErrorReporter errors;
    private final TimeRangeViewModel timeRange;

    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.SERVICE_MAP);
    private final ObjectProperty<ThemeChoice> themeChoice =
            new SimpleObjectProperty<>(this, "themeChoice", ThemeChoice.SYSTEM);
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper connectionLabel = new ReadOnlyStringWrapper(this, "connectionLabel");
    private final ReadOnlyObjectWrapper<TimeWindow> window = new ReadOnlyObjectWrapper<>(this, "window");
    private final ReadOnlyLongWrapper refreshCount = new ReadOnlyLongWrapper(this, "refreshCount");
    private final ReadOnlyStringWrapper windowLabel = new ReadOnlyStringWrapper(this, "windowLabel", "");
    private final BooleanProperty signInOpen = new SimpleBooleanProperty(this, "signInOpen");
    private final ObjectProperty<AutoRefresh> autoRefresh = new SimpleObjectProperty<>(this, "autoRefresh", AutoRefresh.OFF);
    private final FilterEditorModel filterEditor;
    private Runnable stopTicker = () -> { };

    public ShellViewModel(ResourceBundle strings, Clock clock, Ticker ticker, Supplier<Theme> systemTheme,
            ConnectionInfo connection, TaskMonitor tasks, ErrorReporter errors) {
        this.strings = Objects.requireNonNull(strings);
        this.clock = Objects.requireNonNull(clock);
        this.ticker = Objects.requireNonNull(ticker);
        this.systemTheme = Objects.requireNonNull(systemTheme);
        this.tasks = Objects.requireNonNull(tasks);
        this.errors = Objects.requireNonNull(errors);
        this.timeRange = new TimeRangeViewModel(strings, clock);
        this.filterEditor = new FilterEditorModel(strings, filter);
        connectionLabel.set(describe(connection));
        theme.set(themeChoice.get().resolve(systemTheme.get()));
        themeChoice.addListener((obs, old, choice) -> theme.set(choice.resolve(systemTheme.get())));
        timeRange.rangeProperty().addListener((obs, old, range) -> refresh());
        timeRange.utcProperty().addListener((obs, old, utc) -> updateWindowLabel());
        autoRefresh.addListener((obs, old, interval) -> scheduleAutoRefresh(interval));
        refresh();
    }

    // ~ screens

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public Screen getScreen() {
        return screen.get();
    }

    public void selectScreen(Screen value) {
        screen.set(Objects.requireNonNull(value));
    }

    // ~ theme

    public ObjectProperty<ThemeChoice> themeChoiceProperty() {
        return themeChoice;
    }

    public ThemeChoice getThemeChoice() {
        return themeChoice.get();
    }

    public void setThemeChoice(ThemeChoice choice) {
        themeChoice.set(Objects.requireNonNull(choice));
    }

    /** The theme on screen: the choice, with SYSTEM resolved against the operating system's preference. */
    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public Theme getTheme() {
        return theme.get();
    }

    /** Flips between light and dark (a fixed choice from then on). */
    public void toggleTheme() {
        setThemeChoice(getTheme() == Theme.DARK ? ThemeChoice.LIGHT : ThemeChoice.DARK);
    }

    // ~ connection, filter, time

    public ReadOnlyStringProperty connectionLabelProperty() {
        return connectionLabel.getReadOnlyProperty();
    }

    /**
     * A new connection is in place (sign-in, profile or region switch): the top bar shows {@code label}
     * ("profile · account · region" or "Local sandbox · port N") and every screen re-reads.
     */
    public void connectionChanged(String label) {
        connectionLabel.set(Objects.requireNonNull(label));
        refresh();
    }

    public String getConnectionLabel() {
        return connectionLabel.get();
    }

    /** Whether the sign-in dialog (over the window) is open. */
    public BooleanProperty signInOpenProperty() {
        return signInOpen;
    }

    public boolean isSignInOpen() {
        return signInOpen.get();
    }

    public void openSignIn() {
        signInOpen.set(true);
    }

    public void closeSignIn() {
        signInOpen.set(false);
    }

    /** The filter expression as typed. (The filter package will parse and check it.) */
    public StringProperty filterProperty() {
        return filter;
    }

    public String getFilter() {
        return filter.get();
    }

    /** The filter field's highlighting, problems, completion, history and the expression in effect. */
    public FilterEditorModel filterEditor() {
        return filterEditor;
    }

    /**
     * Enter in the filter field: a well-formed (or blank) expression is applied (a refresh) and remembered; a malformed
     * one only shows its problem, and nothing is requested. True when applied.
     */
    public boolean applyFilter() {
        if (!filterEditor.check()) {
            return false;
        }
        refresh();
        return true;
    }

    public TimeRangeViewModel timeRange() {
        return timeRange;
    }

    /** The concrete window of the last refresh; relative ranges move forward on every refresh. */
    public ReadOnlyObjectProperty<TimeWindow> windowProperty() {
        return window.getReadOnlyProperty();
    }

    public TimeWindow getWindow() {
        return window.get();
    }

    /** "01:05:00 – 01:20:00 UTC · updated 01:20:00": what the status bar says about the data's time. */
    public ReadOnlyStringProperty windowLabelProperty() {
        return windowLabel.getReadOnlyProperty();
    }

    public String getWindowLabel() {
        return windowLabel.get();
    }

    // ~ refresh

    /** Increases on every refresh; screens reload when it changes. */
    public ReadOnlyLongProperty refreshCountProperty() {
        return refreshCount.getReadOnlyProperty();
    }

    public long getRefreshCount() {
        return refreshCount.get();
    }

    /** Re-anchors the time range at now and asks the screens to reload. */
    public void refresh() {
        window.set(timeRange.getRange().resolve(clock.instant()));
        if (filterEditor.problemOf(filter.get()) == null) {
            filterEditor.applied();
        }
        refreshCount.set(refreshCount.get() + 1);
        updateWindowLabel();
    }

    public ObjectProperty<AutoRefresh> autoRefreshProperty() {
        return autoRefresh;
    }

    public void setAutoRefresh(AutoRefresh value) {
        autoRefresh.set(Objects.requireNonNull(value));
    }

    /** Stops the auto-refresh timer (window closing). */
    public void dispose() {
        stopTicker.run();
        stopTicker = () -> { };
    }

    // ~ background activity and problems

    public TaskMonitor tasks() {
        return tasks;
    }

    public ErrorReporter errors() {
        return errors;
    }

    private void scheduleAutoRefresh(AutoRefresh interval) {
        stopTicker.run();
        stopTicker = interval == AutoRefresh.OFF ? () -> { } : ticker.every(interval.period(), this::refresh);
    }

    private void updateWindowLabel() {
        TimeWindow current = window.get();
        if (current == null) {
            return;
        }
        Instant now = clock.instant();
        String span = timeRange.describe(current.from(), current.to());
        String updated = CLOCK_TIME.format(now.atZone(timeRange.zone()));
        windowLabel.set(timeRange.selectedPreset() == null
                ? Strings.format(strings, "status.window", span, updated)
                : Strings.format(strings, "status.windowRelative", span, updated, timeRange.getLabel()));
    }

    private String describe(ConnectionInfo connection) {
        if (connection.isSandbox()) {
            return strings.getString("connection.sandbox");
        }
        return connection.region() == null ? connection.profile() : connection.profile() + " · " + connection.region();
    }

    // ---- notice banner (stackui): what the app did on its own, e.g. a first-start smoke run ----

    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    /** Text of the notice banner, empty when none shows. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Shows {@code text} in the notice banner until the user dismisses it (a newer notice replaces it). */
    public void showNotice(String text) {
        notice.set(Objects.requireNonNull(text));
    }

    public void dismissNotice() {
        notice.set("");
    }

    // ---- end of notice banner (stackui) ----
}
