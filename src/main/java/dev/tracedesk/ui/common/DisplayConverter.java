package dev.tracedesk.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Shows the values of a non-editable choice control as text; such controls never parse text back. */
public final class DisplayConverter {

    private DisplayConverter() {
    }

    public static <T> StringConverter<T> of(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choice controls are not editable");
            }
        };
    }
}
