package dev.tracedesk.app;

import dev.tracedesk.ui.stack.StackController;
import dev.tracedesk.ui.stack.TracingViewModel;

/**
 * The screenshot run's steps on the Stack screen: wait for the switches, run "what does tracing cost" for real on
 * the sandbox's shop (a small performance run each way), show the deploy tab. FX thread only.
 */
final class StackScreenshots {

    private StackScreenshots() {
    }

    static boolean switchesRead(UiWiring wiring) {
        StackController c = wiring.stackControllerIfLoaded();
        return c != null && c.model().tracing().getState() != TracingViewModel.State.LOADING
                && !c.model().tracing().busyProperty().get();
    }

    static Object startTracingCost(UiWiring wiring) {
        wiring.shell().selectScreen(dev.tracedesk.ui.shell.Screen.STACK);
        StackController c = wiring.stackControllerIfLoaded();
        c.showLoadTests();
        c.model().loadTests().requestsProperty().set("60");
        c.model().loadTests().concurrencyProperty().set("4");
        if (!c.model().tracingCost().start()) {
            throw new IllegalStateException("the tracing-cost run did not start");
        }
        c.showComparison();
        return null;
    }

    static boolean tracingCostDone(UiWiring wiring) {
        StackController c = wiring.stackControllerIfLoaded();
        return !c.model().tracingCost().isRunning() && !c.model().tracing().busyProperty().get();
    }

    static Object showDeploy(UiWiring wiring) {
        StackController c = wiring.stackControllerIfLoaded();
        c.showDeploy();
        c.model().deploy().refresh();
        return null;
    }

    static boolean deployRead(UiWiring wiring) {
        return !wiring.stackControllerIfLoaded().model().deploy().statusProperty().get().isEmpty();
    }
}
