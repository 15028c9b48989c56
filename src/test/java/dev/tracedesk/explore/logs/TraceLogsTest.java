package dev.tracedesk.explore.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TraceLogsTest {

    private static final Trace SHOP = ShopTraces.trace(0);
    private static final Instant AFTER_TRACE = Instant.ofEpochSecond(ShopTraces.base(0) + 3600);

    /** A logs source answering from a function of the search; records the searches. */
    private static final class FakeLogs implements LogsSource {
        final List<LogSearch> searches = new ArrayList<>();
        final Function<LogSearch, List<LogLine>> answer;
        final Map<String, Integer> retention;

        FakeLogs(Function<LogSearch, List<LogLine>> answer, Map<String, Integer> retention) {
            this.answer = answer;
            this.retention = retention;
        }

        @Override
        public List<LogLine> filter(LogSearch search) {
            searches.add(search);
            return answer.apply(search);
        }

        @Override
        public OptionalInt retentionDays(String logGroup) {
            Integer days = retention.get(logGroup);
            return days == null ? OptionalInt.empty() : OptionalInt.of(days);
        }
    }

    @Test
    void theQuerySearchesEachFunctionGroupForBothTraceIdFormsAndTheRequestIds() {
        LogsQuery q = TraceLogsQueries.forTrace(SHOP);

        assertThat(q.functions()).containsExactly(ShopTraces.ACCEPT, ShopTraces.DECRYPT, ShopTraces.UPDATE_DB);
        assertThat(q.traceIdHex()).hasSize(32).isEqualTo(ShopTraces.traceId(0).substring(2).replace("-", ""));
        List<LogSearch> accept = q.searches().stream().filter(s -> s.logGroup().equals("/aws/lambda/AMIS_shop_accept"))
                .toList();
        assertThat(accept).extracting(LogSearch::pattern).containsExactly(
                "\"" + ShopTraces.traceId(0) + "\"", "\"" + q.traceIdHex() + "\"", "\"inv-AMIS_shop_accept-00\"");
        // window: 5 s before the service segment starts (6 ms after the trace start) to 60 s after it ends
        long start = ShopTraces.base(0) * 1000 + 6;
        assertThat(accept.get(0).startMillis()).isEqualTo(start - 5000);
        assertThat(accept.get(0).endMillis()).isGreaterThan(start + 60_000);
        assertThat(q.searches()).hasSize(9);
    }

    @Test
    void linesMatchedByTraceIdAndRequestIdAppearOnceInTimeOrder() {
        LogLine report = new LogLine("e2", "/aws/lambda/AMIS_shop_accept", "s", Instant.ofEpochMilli(2000),
                "REPORT RequestId: inv-1\tDuration: 38.66 ms\tBilled Duration: 39 ms\tMemory Size: 128 MB\t"
                        + "Max Memory Used: 54 MB\tInit Duration: 203.69 ms\t\nXRAY TraceId: "
                        + ShopTraces.traceId(0) + "\tSegmentId: 42ff9a0c0645f474\tSampled: true\t\n");
        LogLine start = new LogLine("e1", "/aws/lambda/AMIS_shop_accept", "s", Instant.ofEpochMilli(1000),
                "START RequestId: inv-1 Version: $LATEST");
        FakeLogs logs = new FakeLogs(s -> s.logGroup().endsWith("accept")
                ? (s.pattern().contains("inv-") ? List.of(start, report) : List.of(report)) : List.of(), Map.of());

        TraceLogs.Result r = TraceLogs.fetch(TraceLogsQueries.forTrace(SHOP), logs, AFTER_TRACE);

        assertThat(r.reason()).isNull();
        assertThat(r.lines()).extracting(LogLine::eventId).containsExactly("e1", "e2");
        Report figures = r.lines().get(1).report().orElseThrow();
        assertThat(figures.durationMs()).isEqualTo(38.66);
        assertThat(figures.billedMs()).isEqualTo(39);
        assertThat(figures.memoryMb()).isEqualTo(128);
        assertThat(figures.maxMemoryMb()).isEqualTo(54);
        assertThat(figures.initMs()).isEqualTo(203.69);
        assertThat(figures.coldStart()).isTrue();
        assertThat(figures.traceId()).isEqualTo(ShopTraces.traceId(0));
        assertThat(figures.segmentId()).isEqualTo("42ff9a0c0645f474");
        assertThat(r.lines().get(0).report()).isEmpty();
    }

    @Test
    void saysWhyNothingWasFound() {
        var none = new FakeLogs(s -> List.of(), Map.of());
        assertThat(TraceLogs.fetch(TraceLogsQueries.forTrace(ShopTraces.trace(12)), none, AFTER_TRACE).reason())
                .as("a trace without Lambda").isEqualTo(TraceLogs.EmptyReason.NO_FUNCTIONS);

        var missing = new FakeLogs(s -> {
            throw new LogsSource.LogsAccessException(LogsSource.Failure.NO_LOG_GROUP, "The specified log group does not exist.", null);
        }, Map.of());
        TraceLogs.Result noGroup = TraceLogs.fetch(TraceLogsQueries.forTrace(SHOP), missing, AFTER_TRACE);
        assertThat(noGroup.reason()).isEqualTo(TraceLogs.EmptyReason.NO_LOG_GROUP);
        assertThat(noGroup.groups()).hasSize(3);
        assertThat(missing.searches).as("one failed search per group is enough").hasSize(3);

        var denied = new FakeLogs(s -> {
            throw new LogsSource.LogsAccessException(LogsSource.Failure.NO_PERMISSION, "not authorized", null);
        }, Map.of());
        TraceLogs.Result noPermission = TraceLogs.fetch(TraceLogsQueries.forTrace(SHOP), denied, AFTER_TRACE);
        assertThat(noPermission.reason()).isEqualTo(TraceLogs.EmptyReason.NO_PERMISSION);
        assertThat(noPermission.detail()).isEqualTo("not authorized");

        var expired = new FakeLogs(s -> List.of(), Map.of("/aws/lambda/AMIS_shop_accept", 7));
        TraceLogs.Result retention = TraceLogs.fetch(TraceLogsQueries.forTrace(SHOP), expired,
                AFTER_TRACE.plus(Duration.ofDays(8)));
        assertThat(retention.reason()).isEqualTo(TraceLogs.EmptyReason.RETENTION);
        assertThat(retention.detail()).isEqualTo("7 days");

        assertThat(TraceLogs.fetch(TraceLogsQueries.forTrace(SHOP), expired, AFTER_TRACE).reason())
                .as("within retention, groups exist, no line").isEqualTo(TraceLogs.EmptyReason.NOT_LOGGED);
    }

    @Test
    void reportLinesAreReadWithoutRelyingOnSpacing() {
        Report r = Report.parse("REPORT RequestId: abc \tDuration: 27.01 ms \tBilled Duration: 28 ms \t"
                + "Memory Size: 256 MB\tMax Memory Used: 80 MB").orElseThrow();
        assertThat(r.requestId()).isEqualTo("abc");
        assertThat(r.durationMs()).isEqualTo(27.01);
        assertThat(r.initMs()).isNull();
        assertThat(r.coldStart()).isFalse();
        assertThat(Report.parse("END RequestId: abc")).isEmpty();
    }
}
