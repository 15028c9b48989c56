package dev.tracedesk.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.util.Callback;

/**
 * The one controller factory of every {@code FXMLLoader}: maps a controller class to the constructor call that
 * builds it with its dependencies (manual constructor injection). An FXML file naming an unregistered controller
 * fails fast instead of getting a reflectively built, unwired instance.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {

    private final Map<Class<?>, Supplier<?>> constructors = new LinkedHashMap<>();

    public <T> ControllerFactory register(Class<T> type, Supplier<? extends T> constructor) {
        if (constructors.putIfAbsent(type, constructor) != null) {
            throw new IllegalStateException("controller registered twice: " + type.getName());
        }
        return this;
    }

    public Set<Class<?>> registered() {
        return Set.copyOf(constructors.keySet());
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> constructor = constructors.get(type);
        if (constructor == null) {
            throw new IllegalStateException("no controller registered for " + type.getName()
                    + "; register it where the application is wired");
        }
        return constructor.get();
    }
}
