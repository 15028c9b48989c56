package dev.tracedesk.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tracedesk.ui.common.ThemeChoice;
import dev.tracedesk.ui.shell.Screen;
import java.util.List;

/**
 * What the window remembers between runs. Unknown or missing values fall back to defaults, so an older or
 * hand-edited file still loads.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(WindowBounds window, ThemeChoice theme, String screen, boolean utc, List<String> filterHistory) {

    /** Filter expressions remembered at most. */
    public static final int MAX_FILTER_HISTORY = 50;

    public Settings {
        filterHistory = filterHistory == null ? List.of()
                : filterHistory.stream().filter(e -> e != null && !e.isBlank()).distinct().limit(MAX_FILTER_HISTORY)
                        .toList();
    }

    public Settings(WindowBounds window, ThemeChoice theme, String screen, boolean utc) {
        this(window, theme, screen, utc, List.of());
    }

    /** The normal (not maximized) window bounds, and whether it was maximized. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

        /** Too small or not finite: a broken file, not a window someone made. */
        boolean plausible() {
            return Double.isFinite(x) && Double.isFinite(y) && width >= 400 && height >= 300
                    && width <= 20_000 && height <= 20_000;
        }
    }

    public static Settings defaults() {
        return new Settings(null, ThemeChoice.SYSTEM, Screen.SERVICE_MAP.id(), false);
    }

    /** This, with anything implausible replaced by its default. */
    public Settings sanitized() {
        WindowBounds bounds = window != null && window.plausible() ? window : null;
        ThemeChoice choice = theme == null ? ThemeChoice.SYSTEM : theme;
        String screenId = Screen.byId(screen) == null ? Screen.SERVICE_MAP.id() : Screen.byId(screen).id();
        return new Settings(bounds, choice, screenId, utc, filterHistory);
    }

    public Screen screenOrDefault() {
        Screen s = Screen.byId(screen);
        return s == null ? Screen.SERVICE_MAP : s;
    }
}
