package dev.tracedesk.ui.shell;

import dev.tracedesk.ui.common.FxmlView;
import java.util.Locale;

/** The screens of the navigation, in order: Ctrl+1 is the first. */
public enum Screen {
    SERVICE_MAP(FxmlView.SERVICE_MAP, "service-map", "nav.serviceMap"),
    TRACES(FxmlView.TRACES, "traces", "nav.traces"),
    ANALYTICS(FxmlView.ANALYTICS, "analytics", "nav.analytics"),
    SAMPLING(FxmlView.SAMPLING, "sampling", "nav.sampling"),
    STACK(FxmlView.STACK, "stack", "nav.stack");

    private final FxmlView view;
    private final String id;
    private final String titleKey;

    Screen(FxmlView view, String id, String titleKey) {
        this.view = view;
        this.id = id;
        this.titleKey = titleKey;
    }

    public FxmlView view() {
        return view;
    }

    /** Stable kebab-case name, used in settings and screenshot file names. */
    public String id() {
        return id;
    }

    public String titleKey() {
        return titleKey;
    }

    /** 1-based position: the digit of its Ctrl+N shortcut. */
    public int shortcutDigit() {
        return ordinal() + 1;
    }

    /** The screen with this id, or null (an unknown id in an old settings file is not an error). */
    public static Screen byId(String id) {
        if (id == null) {
            return null;
        }
        for (Screen screen : values()) {
            if (screen.id.equals(id.toLowerCase(Locale.ROOT))) {
                return screen;
            }
        }
        return null;
    }
}
