package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.explore.LocalSandbox;
import dev.tracedesk.explore.SandboxStats;
import dev.tracedesk.explore.load.LoadTests;
import dev.tracedesk.explore.load.RunKind;
import dev.tracedesk.explore.load.RunPlan;
import dev.tracedesk.explore.load.RunProgress;
import dev.tracedesk.explore.load.RunResult;
import dev.tracedesk.explore.load.ShopNotFoundException;
import dev.tracedesk.explore.load.ShopTarget;
import dev.tracedesk.explore.load.SmokeCase;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.shell.ConnectionInfo;
import dev.tracedesk.ui.shell.ShellViewModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirstStartSmokeTest {

    private final ErrorReporter errors = new ErrorReporter(Clock.systemUTC());
    private final ShellViewModel shell = new ShellViewModel(Strings.bundle(), Clock.systemUTC(), TestWiring.NO_TIMERS,
            () -> Theme.LIGHT, ConnectionInfo.localSandbox(), new TaskMonitor(), errors);
    private final List<RunPlan> plans = new ArrayList<>();
    private final List<RunResult> added = new ArrayList<>();
    private boolean shopMissing;

    private final LoadTests loadTests = new LoadTests() {
        @Override
        public ShopTarget locate() throws ShopNotFoundException {
            if (shopMissing) {
                throw new ShopNotFoundException("no shop");
            }
            return new ShopTarget("http://127.0.0.1:9/prod", List.of("AMIS_shop_accept"));
        }

        @Override
        public RunResult run(RunPlan plan, RunProgress progress) {
            plans.add(plan);
            return new RunResult(plan, Instant.EPOCH, Instant.EPOCH, false,
                    List.of(new SmokeCase("a", 202, 202, "", null, true), new SmokeCase("b", 400, 400, "", null, true),
                            new SmokeCase("c", 403, 500, "", null, false)), Optional.empty(), List.of());
        }
    };

    private FirstStartSmoke firstStart(SandboxStats stats) {
        LocalSandbox sandbox = new LocalSandbox() {
            @Override
            public int ensureRunning() {
                return 2000;
            }

            @Override
            public Optional<SandboxStats> stats() {
                return Optional.ofNullable(stats);
            }
        };
        return new FirstStartSmoke(sandbox, loadTests, BackgroundTasks.currentThread(new TaskMonitor(), errors),
                Strings.bundle(), shell, added::add);
    }

    @Test
    void anEmptySandboxGetsOneSmokeRunAndANoticeSaysSo() {
        FirstStartSmoke firstStart = firstStart(new SandboxStats(0, 0, 0, 0));
        long refreshes = shell.getRefreshCount();

        firstStart.connectedToSandbox();
        firstStart.connectedToSandbox(); // a second connection to the sandbox in the same window

        assertThat(plans).extracting(RunPlan::kind).containsExactly(RunKind.SMOKE);
        assertThat(added).extracting(RunResult::label).containsExactly("first start");
        assertThat(shell.noticeProperty().get()).isEqualTo("The local sandbox was empty, so TraceDesk sent its smoke "
                + "test to the shop stack (3 requests to POST http://127.0.0.1:9/prod/shop, 2 answered as expected). "
                + "The service map and the traces show what they did; the Stack screen lists the run.");
        assertThat(shell.getRefreshCount()).as("the map reloads").isEqualTo(refreshes + 1);

        shell.dismissNotice();
        assertThat(shell.noticeProperty().get()).isEmpty();
    }

    @Test
    void aSandboxWithTracesIsLeftAlone() {
        firstStart(new SandboxStats(40, 40, 0, 12)).connectedToSandbox();

        assertThat(plans).isEmpty();
        assertThat(shell.noticeProperty().get()).isEmpty();
    }

    @Test
    void noShopMeansNoRunAndNoBanner() {
        shopMissing = true;

        firstStart(new SandboxStats(0, 0, 0, 0)).connectedToSandbox();

        assertThat(plans).isEmpty();
        assertThat(shell.noticeProperty().get()).isEmpty();
        assertThat(errors.getCurrent()).isNull();
    }

    @Test
    void onTheAppsOwnFreshSandboxTheShopIsThereAndTheSmokeRunFillsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (AppSandbox sandbox = new AppSandbox(dir, 0)) {
            int port = sandbox.ensureRunning();
            try (dev.tracedesk.explore.Session session = new dev.tracedesk.explore.Session(
                    dev.tracedesk.aws.SandboxConnection.onLocalPort(port))) {
                FirstStartSmoke firstStart = new FirstStartSmoke(sandbox, new ShopLoadTests(session,
                        new SandboxShopLocator(dir)), BackgroundTasks.currentThread(new TaskMonitor(), errors),
                        Strings.bundle(), shell, added::add);

                firstStart.connectedToSandbox();

                assertThat(errors.getCurrent()).isNull();
                assertThat(added).singleElement().satisfies(run -> {
                    assertThat(run.cases()).hasSize(11).allMatch(SmokeCase::passed);
                    assertThat(run.function("AMIS_shop_accept").orElseThrow().invocations()).isEqualTo(8);
                });
                assertThat(shell.noticeProperty().get()).startsWith("The local sandbox was empty, so TraceDesk sent "
                        + "its smoke test to the shop stack (11 requests to POST http://127.0.0.1:");
                assertThat(shell.noticeProperty().get()).contains("11 answered as expected");
                sandbox.ensureRunning();
                org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                        () -> sandbox.stats().orElseThrow().traces() > 0);
            }
        }
    }

    @Test
    void aSandboxThatDoesNotAnswerIsLeftAlone() {
        firstStart(null).connectedToSandbox();

        assertThat(plans).isEmpty();
    }
}
