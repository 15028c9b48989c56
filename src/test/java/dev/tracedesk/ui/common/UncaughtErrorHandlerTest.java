package dev.tracedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class UncaughtErrorHandlerTest {

    @Test
    void uncaughtExceptionShowsInTheBannerWithItsThread() {
        ErrorReporter reporter = new ErrorReporter(Clock.systemUTC());
        UncaughtErrorHandler handler = new UncaughtErrorHandler(reporter, Runnable::run, Strings.bundle());

        handler.uncaughtException(new Thread("bg-3"), new IllegalArgumentException("bad segment",
                new NumberFormatException("x")));

        assertThat(reporter.getCurrent().summary()).isEqualTo("Something went wrong in bg-3; details are in the log.");
        assertThat(reporter.getCurrent().detail()).isEqualTo("java.lang.NumberFormatException: x");
        assertThat(reporter.reportedCount()).isEqualTo(1);
    }

    @Test
    void aDeadToolkitDoesNotThrowFromTheHandler() {
        ErrorReporter reporter = new ErrorReporter(Clock.systemUTC());
        UncaughtErrorHandler handler = new UncaughtErrorHandler(reporter, command -> {
            throw new IllegalStateException("Toolkit not initialized");
        }, Strings.bundle());

        handler.uncaughtException(Thread.currentThread(), new RuntimeException("boom"));

        assertThat(reporter.getCurrent()).isNull();
    }

    @Test
    void dismissHidesTheProblem() {
        ErrorReporter reporter = new ErrorReporter(Clock.systemUTC());
        reporter.report(new RuntimeException("first"));
        reporter.report(new RuntimeException("second"));
        assertThat(reporter.getCurrent().summary()).isEqualTo("second");

        reporter.dismiss();

        assertThat(reporter.getCurrent()).isNull();
        assertThat(reporter.reportedCount()).isEqualTo(2);
    }
}
