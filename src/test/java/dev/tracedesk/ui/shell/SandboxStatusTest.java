package dev.tracedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.explore.LocalSandbox;
import dev.tracedesk.explore.SandboxStats;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SandboxStatusTest {

    private Optional<SandboxStats> answer = Optional.of(new SandboxStats(120, 118, 2, 40));
    private int reads;
    private final List<Runnable> ticks = new ArrayList<>();
    private final List<Duration> periods = new ArrayList<>();
    private boolean stopped;
    private final Ticker ticker = (period, action) -> {
        periods.add(period);
        ticks.add(action);
        return () -> stopped = true;
    };
    private final LocalSandbox sandbox = new LocalSandbox() {
        @Override
        public int ensureRunning() {
            return 2000;
        }

        @Override
        public Optional<SandboxStats> stats() {
            reads++;
            return answer;
        }
    };
    private final SandboxStatus status = new SandboxStatus(sandbox, Runnable::run, Runnable::run, ticker,
            Strings.bundle());

    @Test
    void showsThePortAndTheCountersAndPollsEveryFewSeconds() {
        status.watch(OptionalInt.of(2000));

        assertThat(status.getText()).isEqualTo("Local sandbox · port 2000 · 120 received · 118 stored · 2 rejected");
        assertThat(periods).containsExactly(SandboxStatus.POLL_PERIOD);

        answer = Optional.of(new SandboxStats(130, 130, 2, 41));
        ticks.get(0).run();
        assertThat(status.getText()).isEqualTo("Local sandbox · port 2000 · 130 received · 130 stored · 2 rejected");
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void aSandboxThatStopsAnsweringSaysSo() {
        answer = Optional.empty();

        status.watch(OptionalInt.of(2001));

        assertThat(status.getText()).isEqualTo("Local sandbox · port 2001 · not answering");
    }

    @Test
    void anAwsConnectionStopsThePollingAndClearsTheText() {
        status.watch(OptionalInt.of(2000));

        status.watch(OptionalInt.empty());

        assertThat(stopped).isTrue();
        assertThat(status.getText()).isEmpty();
    }
}
