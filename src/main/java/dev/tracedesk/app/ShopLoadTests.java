package dev.tracedesk.app;

import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.load.ClientLatency;
import dev.tracedesk.explore.load.FunctionStatistics;
import dev.tracedesk.explore.load.LoadTests;
import dev.tracedesk.explore.load.RunKind;
import dev.tracedesk.explore.load.RunPlan;
import dev.tracedesk.explore.load.RunProgress;
import dev.tracedesk.explore.load.RunResult;
import dev.tracedesk.explore.load.ShopNotFoundException;
import dev.tracedesk.explore.load.ShopTarget;
import dev.tracedesk.explore.load.SmokeCase;
import dev.tracedesk.shop.load.FunctionStats;
import dev.tracedesk.shop.load.LoadRun;
import dev.tracedesk.shop.load.ReportReader;
import dev.tracedesk.shop.load.ShopClient;
import dev.tracedesk.shop.load.SmokeTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LoadTests} over the shop's load generator ({@code shop.load}): smoke and performance runs against the stage's
 * invoke URL, then the functions' REPORT lines of the run's window through the session's CloudWatch Logs client.
 * Thread-safe; blocking.
 */
public final class ShopLoadTests implements LoadTests {

    private static final Logger LOG = LoggerFactory.getLogger(ShopLoadTests.class);
    /** Share of a performance run's requests sent to the unit-test route, whose function fails by design. */
    static final double UNIT_TEST_SHARE = 0.01;

    /** Where the shop answers, with the payload key valid orders are encrypted with. */
    public record Location(String invokeUrl, String key, List<String> functions) {
        public Location {
            Objects.requireNonNull(invokeUrl, "invokeUrl");
            functions = List.copyOf(functions);
        }
    }

    /** Finds the shop on the session's current connection. */
    @FunctionalInterface
    public interface Locator {
        Location locate(Session session) throws ShopNotFoundException;
    }

    /**
     * How the REPORT lines are read after a run: every {@code poll}, from at least {@code minTail} after the last
     * answer, until two reads agree, and at most {@code maxTail} after it (CloudWatch Logs on AWS lags by seconds).
     */
    public record Settle(Duration poll, Duration minTail, Duration maxTail) {
        public static Settle sandbox() {
            return new Settle(Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofSeconds(15));
        }

        public static Settle aws() {
            return new Settle(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(90));
        }
    }

    private final Session session;
    private final Locator locator;

    public ShopLoadTests(Session session, Locator locator) {
        this.session = session;
        this.locator = locator;
    }

    @Override
    public ShopTarget locate() throws ShopNotFoundException {
        Location l = locator.locate(session);
        return new ShopTarget(l.invokeUrl(), l.functions());
    }

    @Override
    public RunResult run(RunPlan plan, RunProgress progress) throws ShopNotFoundException, InterruptedException {
        Location location = locator.locate(session);
        if (location.key() == null) {
            throw new ShopNotFoundException("The shop at " + location.invokeUrl()
                    + " was found, but not the key its orders are encrypted with");
        }
        ShopClient client = new ShopClient(location.invokeUrl(), location.key());
        Instant started = Instant.now();
        List<SmokeCase> cases = List.of();
        Optional<ClientLatency> latency = Optional.empty();
        boolean stopped;
        if (plan.kind() == RunKind.SMOKE) {
            progress.update(0, 0, "smoke");
            List<SmokeTest.Outcome> outcomes = new SmokeTest(client).run(
                    (done, total) -> progress.update(done, total, "smoke"), progress::stopRequested);
            cases = outcomes.stream().map(o -> new SmokeCase(o.testCase().name(), o.testCase().expectedStatus(),
                    o.status(), o.body(), o.traceId(), o.passed())).collect(Collectors.toList());
            stopped = progress.stopRequested();
        } else {
            LoadRun.Plan load = new LoadRun.Plan(plan.requests(), plan.concurrency(), plan.ratePerSecond(),
                    UNIT_TEST_SHARE);
            progress.update(0, plan.requests(), "requests");
            LoadRun.Result r = new LoadRun(client).run(load,
                    done -> progress.update(done, plan.requests(), "requests"), progress::stopRequested);
            latency = Optional.of(new ClientLatency(r.requests(), r.statuses(), r.transportErrors(), r.wallMillis(),
                    r.minMs(), r.avgMs(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs()));
            stopped = r.requests() < plan.requests();
        }
        Instant ended = Instant.now();
        List<FunctionStatistics> functions = settledStatistics(location.functions(), started, ended, progress);
        return new RunResult(plan, started, ended, stopped, cases, latency, functions);
    }

    private Settle settle() {
        return session.connection().isSandbox() ? Settle.sandbox() : Settle.aws();
    }

    /** Reads the REPORT lines until their counts stop changing: SNS hops finish after the client's last answer. */
    private List<FunctionStatistics> settledStatistics(List<String> functions, Instant from, Instant to,
            RunProgress progress) throws InterruptedException {
        Settle settle = settle();
        ReportReader reader = new ReportReader(session.clients().logs());
        long tailStart = System.nanoTime();
        List<FunctionStatistics> last = null;
        while (true) {
            // The window ends now: a hop the run started may log its REPORT a little after the run ended.
            long end = System.currentTimeMillis() + 1;
            List<FunctionStatistics> now = new ArrayList<>();
            for (String fn : functions) {
                now.add(convert(FunctionStats.of(fn, reader.reports(fn, from.toEpochMilli(), end))));
            }
            long waited = System.nanoTime() - tailStart;
            boolean pastMin = waited >= settle.minTail().toNanos();
            if ((pastMin && now.equals(last)) || waited >= settle.maxTail().toNanos() || progress.stopRequested()) {
                LOG.debug("REPORT lines settled after {} ms", waited / 1_000_000);
                return now;
            }
            last = now;
            progress.update(-1, -1, "reports");
            Thread.sleep(settle.poll().toMillis());
        }
    }

    static FunctionStatistics convert(FunctionStats s) {
        return new FunctionStatistics(s.function(), s.invocations(), s.coldStarts(), s.timeouts(), s.minMs(), s.avgMs(),
                s.p50Ms(), s.p95Ms(), s.maxMs(), s.avgMemoryMb(), s.maxMemoryMb(), s.avgInitMs(), s.maxInitMs());
    }
}
