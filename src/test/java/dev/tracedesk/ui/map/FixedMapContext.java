package dev.tracedesk.ui.map;

import dev.tracedesk.ui.common.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/** A map context the test drives: set the window and filter, call {@link #refresh()}, read what was opened. */
final class FixedMapContext implements MapContext {
    final ReadOnlyObjectWrapper<TimeWindow> window = new ReadOnlyObjectWrapper<>();
    final ReadOnlyLongWrapper refreshCount = new ReadOnlyLongWrapper();
    final StringProperty filter = new SimpleStringProperty("");
    final List<String> opened = new ArrayList<>();
    boolean sandbox = true;

    FixedMapContext(TimeWindow initial) {
        window.set(initial);
    }

    void refresh() {
        refreshCount.set(refreshCount.get() + 1);
    }

    @Override
    public ReadOnlyObjectProperty<TimeWindow> windowProperty() {
        return window.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyLongProperty refreshCountProperty() {
        return refreshCount.getReadOnlyProperty();
    }

    @Override
    public ObservableStringValue filterProperty() {
        return filter;
    }

    @Override
    public boolean isSandbox() {
        return sandbox;
    }

    @Override
    public void showTraces(String filterExpression, TimeWindow w) {
        opened.add(filterExpression);
    }
}
