package dev.tracedesk.ui.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.analytics.AnalyticsService;
import dev.tracedesk.explore.analytics.AttributeKind;
import dev.tracedesk.explore.analytics.Metric;
import dev.tracedesk.explore.traces.SessionBackend;
import dev.tracedesk.explore.traces.TraceRow;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.SandboxFixture;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import dev.tracedesk.ui.common.TimeWindow;
import dev.tracedesk.ui.map.ShopFeed;
import dev.tracedesk.xray.ShopTraces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.XRayClient;

/** The ViewModel on a sandbox fed with the 13 shop traces (the seed's case: cold starts among the slow ones). */
class AnalyticsViewModelTest {
    private static Sandbox sandbox;
    private static XRayClient xray;
    private static Session session;
    private static long shift;
    private static TimeWindow window;

    @BeforeAll
    static void feed() throws Exception {
        Path dir = Files.createTempDirectory("analytics-vm");
        sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        xray = SandboxFixture.client(sandbox.port());
        Instant end = Instant.now();
        shift = ShopFeed.shift(end.getEpochSecond(), 60);
        ShopFeed.put(xray, shift);
        sandbox.flush(Duration.ofSeconds(10));
        window = new TimeWindow(end.minus(Duration.ofMinutes(20)), end.plusSeconds(5));
        session = new Session(SandboxConnection.onLocalPort(sandbox.port()));
    }

    @AfterAll
    static void close() {
        session.close();
        xray.close();
        sandbox.close();
    }

    private final SimpleStringProperty filter = new SimpleStringProperty("");
    private final List<String> applied = new ArrayList<>();

    private AnalyticsViewModel model() {
        BackgroundTasks tasks = BackgroundTasks.currentThread(new TaskMonitor(), new ErrorReporter(Clock.systemUTC()));
        AnalyticsViewModel m = new AnalyticsViewModel(Strings.bundle(),
                new AnalyticsService(() -> new SessionBackend(session)), tasks, new SimpleObjectProperty<>(window),
                filter, new SimpleLongProperty());
        m.setOnApplyFilter(applied::add);
        m.reload();
        return m;
    }

    @Test
    void countsEveryTraceOfTheWindowOnTheSandbox() {
        AnalyticsViewModel m = model();
        assertThat(m.dataProperty().get().size()).isEqualTo(ShopTraces.COUNT);
        assertThat(m.cappedProperty().get()).isFalse();
        assertThat(m.statusProperty().get()).contains("All 13 traces").contains("13 of 13 trace documents");
        assertThat(m.selectionSummaryProperty().get()).contains("No selection");
    }

    @Test
    void brushFrom400msSelectsTheSeedsThreeTracesAndRanksColdStartFirst() {
        AnalyticsViewModel m = model();
        m.brushAtLeast(0.4);
        assertThat(m.expressionProperty().get()).isEqualTo("responsetime >= 0.4");
        // trace 0 (cold start, 0.44 s), 3 (slow SNS publish, 0.46 s), 9 (unittest cold start, 0.9 s)
        assertThat(m.selectedRows()).extracting(TraceRow::id).containsExactly(ShopFeed.traceId(9, shift),
                ShopFeed.traceId(3, shift), ShopFeed.traceId(0, shift));
        assertThat(m.differences().get(0).attribute().kind()).isEqualTo(AttributeKind.COLD_START);
        assertThat(m.differences().get(0).inB()).isEqualTo(2);
        assertThat(m.comparisonProperty().get().b().count()).isEqualTo(3);
        assertThat(m.comparisonProperty().get().a().count()).isEqualTo(10);
        int[] sel = m.selectedCountsProperty().get();
        assertThat(IntStream.of(sel).sum()).isEqualTo(3);
        assertThat(IntStream.of(m.seriesProperty().get().selected()).sum()).isEqualTo(3);
    }

    @Test
    void brushExpressionSelectsTheSameTracesThroughTheSandbox() {
        AnalyticsViewModel m = model();
        // Bounds off the data's own values: the sandbox reports response times rounded to the millisecond but filters
        // on the unrounded difference of the shifted timestamps, so a bound exactly on a value (0.1) may differ.
        for (double[] range : new double[][] {{0.4, Double.POSITIVE_INFINITY}, {0.095, 0.25}, {0.0453, 0.1254}}) {
            m.brush(range[0], range[1]);
            Set<String> brushed = m.selectedRows().stream().map(TraceRow::id).collect(Collectors.toSet());
            String expression = m.expressionProperty().get();
            Set<String> viaSandbox = new java.util.HashSet<>();
            xray.getTraceSummariesPaginator(r -> r.startTime(window.from()).endTime(window.to())
                    .filterExpression(expression)).traceSummaries().forEach(s -> viaSandbox.add(s.id()));
            assertThat(viaSandbox).as(expression).isEqualTo(brushed).isNotEmpty();
        }
    }

    @Test
    void durationMetricAndTimeBrushNarrowTheSelection() {
        AnalyticsViewModel m = model();
        m.metricProperty().set(Metric.DURATION);
        m.brushAtLeast(0.0);
        assertThat(m.selectedRows()).hasSize(ShopTraces.COUNT);
        assertThat(m.expressionProperty().get()).isEqualTo("duration >= 0");
        TraceRow first = m.selectedRows().stream().min((a, b) -> a.start().compareTo(b.start())).orElseThrow();
        m.brushTime(first.start().toEpochMilli(), first.start().toEpochMilli() + 30_000);
        assertThat(m.selectedRows()).extracting(TraceRow::id).containsExactly(first.id());
        assertThat(m.selectionSummaryProperty().get()).contains("time range");
        m.clearTimeBrush();
        assertThat(m.selectedRows()).hasSize(ShopTraces.COUNT);
        m.clearBrush();
        assertThat(m.selectedRows()).isEmpty();
        assertThat(m.expressionProperty().get()).isEmpty();
    }

    @Test
    void applyCombinesTheBrushWithTheShellFilterAndExportsCsv() {
        filter.set("service(\"AMIS_shop_accept\")");
        AnalyticsViewModel m = model();
        m.brushAtLeast(0.4);
        m.applyToTraces();
        assertThat(applied).containsExactly("(service(\"AMIS_shop_accept\")) AND responsetime >= 0.4");
        assertThat(m.dataProperty().get().size()).isLessThan(ShopTraces.COUNT);
        assertThat(m.histogramCsv()).startsWith("bucket_low_s,bucket_high_s,traces,selected\n");
        assertThat(m.comparisonCsv()).contains("cold_start,yes");
    }
}
