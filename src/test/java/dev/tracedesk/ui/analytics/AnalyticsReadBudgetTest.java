package dev.tracedesk.ui.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.analytics.AnalyticsService;
import dev.tracedesk.explore.analytics.ReadBudget;
import dev.tracedesk.explore.traces.SessionBackend;
import dev.tracedesk.explore.traces.TraceRow;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.SandboxFixture;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import dev.tracedesk.ui.common.TimeWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The analytics read on a sandbox with a budget smaller than the window (as on AWS): honest counts for the subset,
 * then "Read all" reads the rest and every trace counts.
 */
class AnalyticsReadBudgetTest {
    /** One trace a second for 1,600 s: 8 slices of 200 traces, 2 sandbox pages (100 each) per slice. */
    private static final int TRACES = 1_600;
    private static Sandbox sandbox;
    private static Session session;
    private static TimeWindow window;

    @BeforeAll
    static void feed() throws Exception {
        Path dir = Files.createTempDirectory("analytics-budget");
        sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        long newest = Instant.now().getEpochSecond() - 5;
        try (XRayClient xray = SandboxFixture.client(sandbox.port())) {
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < TRACES; i++) {
                long start = newest - i;
                batch.add(String.format(Locale.ROOT, "{\"name\":\"shop\",\"id\":\"%016x\",\"trace_id\":\"1-%08x-%024x\","
                        + "\"start_time\":%d.25,\"end_time\":%d.%02d,\"http\":{\"request\":{\"method\":\"POST\","
                        + "\"url\":\"https://shop.example.com/shop\"},\"response\":{\"status\":200}}}",
                        0x1000L + i, start, i, start, start, 30 + i % 60));
                if (batch.size() == 50) {
                    List<String> docs = List.copyOf(batch);
                    assertThat(xray.putTraceSegments(b -> b.traceSegmentDocuments(docs)).unprocessedTraceSegments())
                            .isEmpty();
                    batch.clear();
                }
            }
        }
        sandbox.flush(Duration.ofSeconds(20));
        window = new TimeWindow(Instant.ofEpochSecond(newest - TRACES).plusMillis(500),
                Instant.ofEpochSecond(newest).plusMillis(500));
        session = new Session(SandboxConnection.onLocalPort(sandbox.port()));
    }

    @AfterAll
    static void close() {
        session.close();
        sandbox.close();
    }

    /** The app's budgets (none on the sandbox), with few trace documents: this test is about the summaries. */
    private static AnalyticsService unbudgeted() {
        return new AnalyticsService(() -> new SessionBackend(session), AnalyticsService.AWS_BUDGET, ReadBudget.UNLIMITED,
                20);
    }

    private static AnalyticsViewModel model(AnalyticsService service) {
        BackgroundTasks tasks = BackgroundTasks.currentThread(new TaskMonitor(), new ErrorReporter(Clock.systemUTC()));
        AnalyticsViewModel m = new AnalyticsViewModel(Strings.bundle(), service, tasks,
                new SimpleObjectProperty<>(window), new SimpleStringProperty(""), new SimpleLongProperty());
        m.reload();
        return m;
    }

    @Test
    void aBudgetSmallerThanTheWindowCountsHonestlyAndReadAllReadsEveryTrace() {
        AnalyticsService budgeted = new AnalyticsService(() -> new SessionBackend(session), new ReadBudget(500, 1_000),
                new ReadBudget(500, 1_000), 20);
        AnalyticsViewModel m = model(budgeted);

        // each of the 8 slices spent its share (63 traces) on one page of 100: 800 read, the rest estimated
        assertThat(m.cappedProperty().get()).isTrue();
        assertThat(m.dataProperty().get().size()).isEqualTo(800);
        assertThat(m.statusProperty().get()).containsPattern("^Read 800 of about 1,[56]\\d\\d traces").contains(
                "8 time slices", "800 scanned in 8 requests").containsPattern("\"Read all\" scans about [78]\\d\\d "
                + "more in about [89] requests");
        assertThat(m.readAllHintProperty().get()).containsPattern("about [78]\\d\\d more traces to scan in about [89] "
                + "more requests");

        m.readAll();

        assertThat(m.cappedProperty().get()).isFalse();
        assertThat(m.dataProperty().get().size()).isEqualTo(TRACES);
        assertThat(m.statusProperty().get()).startsWith("All 1,600 traces in the window are counted (1,600 scanned)");
        assertThat(m.readAllHintProperty().get()).isEmpty();
    }

    @Test
    void onTheSandboxEveryTraceCountsWithoutABudget() {
        AnalyticsViewModel m = model(unbudgeted());

        assertThat(m.cappedProperty().get()).isFalse();
        assertThat(m.dataProperty().get().size()).isEqualTo(TRACES);
        assertThat(m.statusProperty().get()).startsWith("All 1,600 traces");
    }

    @Test
    void theSlicedReadHasEachTraceOnceNewestFirst() {
        var load = unbudgeted().load(window.from(), window.to(), "", false,
                () -> false);

        List<TraceRow> rows = new ArrayList<>();
        for (int i = 0; i < load.data().size(); i++) {
            rows.add(load.data().row(i));
        }
        assertThat(rows).extracting(TraceRow::id).doesNotHaveDuplicates().hasSize(TRACES);
        assertThat(rows).extracting(TraceRow::start).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(load.slices()).isEqualTo(8);
        assertThat(load.requests()).isEqualTo(8 * 2); // 200 traces per slice, 100 per page
    }
}
