package dev.tracedesk.ui.common;

/** What the user picked: follow the operating system, or a fixed theme. */
public enum ThemeChoice {
    SYSTEM, LIGHT, DARK;

    /** The theme to show, given what the operating system prefers. */
    public Theme resolve(Theme systemPreference) {
        return switch (this) {
            case SYSTEM -> systemPreference;
            case LIGHT -> Theme.LIGHT;
            case DARK -> Theme.DARK;
        };
    }
}
