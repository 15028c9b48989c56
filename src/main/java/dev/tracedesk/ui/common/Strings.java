package dev.tracedesk.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The UI text ({@code i18n/strings.properties}). */
public final class Strings {

    public static final String BUNDLE = "i18n.strings";

    private Strings() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    /** The text for {@code key}, with {@link MessageFormat} arguments filled in when given. */
    public static String format(ResourceBundle bundle, String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
