package dev.tracedesk.explore.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceSummaryLoaderTest {

    private static final Instant END = Instant.parse("2026-11-28T03:00:00Z");

    private static TraceRow row(int n) {
        return new TraceRow(String.format("1-00000000-%024d", n), END, "GET", 200, 0.1, 0.1, "/", null, null,
                List.of(), false, false, false, false, Map.of(), List.of(), List.of(), null);
    }

    /** Answers each slice with {@code pages} pages of {@code perPage} rows and records every call. */
    private static final class FakeSource implements TraceSummarySource {
        final List<String> calls = new ArrayList<>();
        final int pages;
        final int perPage;
        int next;

        FakeSource(int pages, int perPage) {
            this.pages = pages;
            this.perPage = perPage;
        }

        @Override
        public SummaryPage page(TraceQuery slice, String token) {
            calls.add(slice.from() + ".." + slice.to() + "#" + token);
            int page = token == null ? 0 : Integer.parseInt(token);
            List<TraceRow> rows = new ArrayList<>();
            for (int i = 0; i < perPage; i++) {
                rows.add(row(next++));
            }
            return new SummaryPage(rows, perPage * 2L, page + 1 < pages ? String.valueOf(page + 1) : null);
        }
    }

    @Test
    void rangesLongerThan24HoursAreSplitNewestFirst() {
        TraceQuery q = new TraceQuery(END.minus(Duration.ofHours(50)), END, "fault");
        List<TraceQuery> slices = q.slices();
        assertThat(slices).extracting(TraceQuery::to)
                .containsExactly(END, END.minus(Duration.ofHours(24)), END.minus(Duration.ofHours(48)));
        assertThat(slices).extracting(TraceQuery::from).containsExactly(END.minus(Duration.ofHours(24)),
                END.minus(Duration.ofHours(48)), END.minus(Duration.ofHours(50)));
        assertThat(slices).allMatch(s -> s.filter().equals("fault"));
        assertThat(new TraceQuery(END.minusSeconds(60), END, null).slices()).hasSize(1);
    }

    @Test
    void everyPageOfEverySliceIsReportedAsItArrivesAndCountsAddUp() {
        FakeSource source = new FakeSource(3, 10);
        List<Integer> progress = new ArrayList<>();
        SummaryLoad load = new TraceSummaryLoader().load("c", source,
                new TraceQuery(END.minus(Duration.ofHours(30)), END, ""), p -> progress.add(p.loaded()), () -> false);

        assertThat(source.calls).hasSize(6);
        assertThat(progress).containsExactly(10, 20, 30, 40, 50, 60);
        assertThat(load.rows()).hasSize(60);
        assertThat(load.processed()).isEqualTo(120);
        assertThat(load.complete()).isTrue();
        assertThat(load.capped()).isFalse();
    }

    @Test
    void aCompleteLoadIsCachedPerConnectionRangeAndFilter() {
        FakeSource source = new FakeSource(2, 5);
        TraceSummaryLoader loader = new TraceSummaryLoader();
        TraceQuery q = new TraceQuery(END.minusSeconds(900), END, "");
        loader.load("c", source, q, p -> { }, () -> false);
        SummaryLoad again = loader.load("c", source, q, p -> { }, () -> false);

        assertThat(source.calls).hasSize(2);
        assertThat(again.cached()).isTrue();
        assertThat(again.rows()).hasSize(10);
        loader.load("other connection", source, q, p -> { }, () -> false);
        loader.load("c", source, new TraceQuery(END.minusSeconds(900), END, "fault"), p -> { }, () -> false);
        assertThat(source.calls).hasSize(6);
    }

    @Test
    void theRowLimitStopsTheLoadAndSaysTheWindowHoldsMore() {
        FakeSource source = new FakeSource(5, 10);
        SummaryLoad load = new TraceSummaryLoader(25).load("c", source, new TraceQuery(END.minusSeconds(60), END, ""),
                p -> { }, () -> false);
        assertThat(load.rows()).hasSize(25);
        assertThat(load.capped()).isTrue();
        assertThat(load.complete()).isFalse();
        assertThat(source.calls).hasSize(3);
    }

    @Test
    void cancellingStopsBetweenPagesAndCachesNothing() {
        FakeSource source = new FakeSource(5, 10);
        TraceSummaryLoader loader = new TraceSummaryLoader();
        TraceQuery q = new TraceQuery(END.minusSeconds(60), END, "");
        SummaryLoad load = loader.load("c", source, q, p -> { }, () -> source.calls.size() >= 2);
        assertThat(load).isNull();
        assertThat(source.calls).hasSize(2);
        loader.load("c", source, q, p -> { }, () -> false);
        assertThat(source.calls).hasSize(7);
    }
}
