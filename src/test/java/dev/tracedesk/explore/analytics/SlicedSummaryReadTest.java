package dev.tracedesk.explore.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracedesk.explore.traces.SummaryPage;
import dev.tracedesk.explore.traces.TraceQuery;
import dev.tracedesk.explore.traces.TraceRow;
import dev.tracedesk.explore.traces.TraceSummarySource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Slicing the window, reading the slices within a budget, merging them, and estimating what was not read. */
class SlicedSummaryReadTest {
    private static final Instant END = Instant.parse("2026-11-28T12:00:00Z");

    private static TraceRow row(int n, Instant start) {
        return new TraceRow(String.format("1-%08x-%024d", start.getEpochSecond(), n), start, "GET", 200, 0.1, 0.1, "/",
                null, null, List.of(), false, false, false, false, Map.of(), List.of(), List.of(), null);
    }

    /**
     * X-Ray's answer over a fixed set of traces: both window ends inclusive (so a trace on a slice border is in both
     * slices), newest first, {@code pageSize} per page, ApproximateTime = the oldest trace scanned so far.
     */
    static final class FakeXRay implements TraceSummarySource {
        final List<TraceRow> traces;
        final int pageSize;
        final AtomicLong requests = new AtomicLong();

        FakeXRay(List<TraceRow> traces, int pageSize) {
            this.traces = traces.stream().sorted(Comparator.comparing(TraceRow::start).reversed()).toList();
            this.pageSize = pageSize;
        }

        @Override
        public SummaryPage page(TraceQuery slice, String nextToken) {
            requests.incrementAndGet();
            List<TraceRow> inSlice = traces.stream()
                    .filter(t -> !t.start().isBefore(slice.from()) && !t.start().isAfter(slice.to())).toList();
            int offset = nextToken == null ? 0 : Integer.parseInt(nextToken);
            List<TraceRow> page = inSlice.subList(offset, Math.min(inSlice.size(), offset + pageSize));
            boolean more = offset + pageSize < inSlice.size();
            Instant approximate = page.isEmpty() ? slice.to() : page.get(page.size() - 1).start();
            return new SummaryPage(page, page.size(), more ? String.valueOf(offset + pageSize) : null, approximate);
        }
    }

    /** {@code n} traces one second apart, the newest at END. */
    private static List<TraceRow> everySecond(int n) {
        List<TraceRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row(i, END.minusSeconds(i)));
        }
        return rows;
    }

    @Test
    void theWindowIsCutIntoAdjacentEqualSlicesNewestFirst() {
        TraceQuery hour = new TraceQuery(END.minus(Duration.ofHours(1)), END, "service(\"a\")");

        List<TraceQuery> slices = SlicedSummaryRead.slices(hour, 8);

        assertThat(slices).hasSize(8);
        assertThat(slices.get(0).to()).isEqualTo(END);
        assertThat(slices.get(7).from()).isEqualTo(hour.from());
        for (int i = 0; i + 1 < slices.size(); i++) {
            assertThat(slices.get(i).from()).isEqualTo(slices.get(i + 1).to());
        }
        assertThat(slices).allSatisfy(s -> {
            assertThat(Duration.between(s.from(), s.to())).isEqualTo(Duration.ofMinutes(7).plusSeconds(30));
            assertThat(s.filter()).isEqualTo("service(\"a\")");
        });
    }

    @Test
    void longWindowsGetOneSlicePerDayAtLeastAndShortOnesNoSliceUnderASecond() {
        assertThat(SlicedSummaryRead.slices(new TraceQuery(END.minus(Duration.ofDays(10)), END, ""), 8))
                .hasSize(10).allSatisfy(s -> assertThat(Duration.between(s.from(), s.to()))
                        .isLessThanOrEqualTo(TraceQuery.MAX_WINDOW));
        assertThat(SlicedSummaryRead.slices(new TraceQuery(END.minusSeconds(3), END, ""), 8)).hasSize(3);
        assertThat(SlicedSummaryRead.slices(new TraceQuery(END, END, ""), 8)).hasSize(1);
        // an odd window splits exactly: the slices still meet and span it
        List<TraceQuery> odd = SlicedSummaryRead.slices(new TraceQuery(END.minusMillis(7_777), END, ""), 8);
        assertThat(odd.get(odd.size() - 1).from()).isEqualTo(END.minusMillis(7_777));
        for (int i = 0; i + 1 < odd.size(); i++) {
            assertThat(odd.get(i).from()).isEqualTo(odd.get(i + 1).to());
        }
    }

    @Test
    void readingThroughMergesTheSlicesWithoutDuplicatesAtTheBordersNewestFirst() {
        // 1 h window: 8 slices of 450 s; a trace every second lands on every border (both slices answer it)
        TraceQuery hour = new TraceQuery(END.minus(Duration.ofHours(1)), END, "");
        List<TraceRow> traces = everySecond(3601);
        FakeXRay xray = new FakeXRay(traces, 100);

        SummaryRead read = SlicedSummaryRead.of(hour).read(xray, ReadBudget.UNLIMITED, () -> false);

        assertThat(read.complete()).isTrue();
        assertThat(read.rows()).hasSize(3601);
        assertThat(read.rows().stream().map(TraceRow::id).collect(Collectors.toSet())).hasSize(3601);
        assertThat(read.rows()).extracting(TraceRow::start).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(read.estimatedTotal()).isEqualTo(3601);
        assertThat(read.remainingRequests()).isZero();
        assertThat(read.remainingScan()).isZero();
        assertThat(read.requests()).isEqualTo(xray.requests.get());
        assertThat(read.processed()).as("border traces are scanned by both slices").isEqualTo(3601 + 7);
    }

    @Test
    void aBudgetStopsEverySliceAtItsShareEstimatesTheWindowAndReadAllReadsOnlyTheRest() {
        TraceQuery window = new TraceQuery(END.minusSeconds(8000), END, "");
        FakeXRay xray = new FakeXRay(everySecond(8000), 100);
        SlicedSummaryRead sliced = SlicedSummaryRead.of(window);

        SummaryRead first = sliced.read(xray, new ReadBudget(800, 1_000), () -> false);

        assertThat(first.complete()).isFalse();
        assertThat(first.rows()).hasSize(800); // one page of 100 from each of 8 slices
        assertThat(first.requests()).isEqualTo(8);
        // spread over the whole window, not only its newest part
        assertThat(first.rows().get(first.rows().size() - 1).start()).isBefore(END.minusSeconds(7000));
        assertThat(first.estimatedTotal()).isBetween(7_600L, 8_400L);
        assertThat(first.remainingRequests()).isBetween(68L, 76L);
        assertThat(first.remainingScan()).isBetween(6_800L, 7_600L);

        SummaryRead all = sliced.continueRead(xray, () -> false);

        assertThat(all.complete()).isTrue();
        assertThat(all.rows()).hasSize(8000);
        assertThat(all.rows().stream().map(TraceRow::id).distinct().count()).isEqualTo(8000);
        assertThat(all.rows()).extracting(TraceRow::start).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(all.estimatedTotal()).isEqualTo(8000);
        // "read all" went on from each slice's NextToken: nothing was asked twice. Seven slices hold 1,001 traces
        // (their older border too): 11 pages each; the oldest holds 1,000: 10 pages.
        assertThat(xray.requests.get()).isEqualTo(all.requests()).isEqualTo(7 * 11 + 10);
    }

    @Test
    void aRequestBudgetStopsToo() {
        TraceQuery window = new TraceQuery(END.minusSeconds(8000), END, "");
        FakeXRay xray = new FakeXRay(everySecond(8000), 50);

        SummaryRead read = SlicedSummaryRead.of(window).read(xray, new ReadBudget(1_000_000, 16), () -> false);

        assertThat(read.requests()).isEqualTo(16);
        assertThat(read.rows()).hasSize(16 * 50);
        assertThat(read.complete()).isFalse();
    }

    @Test
    void slicesAreReadInParallelButNeverMoreThanTheBound() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoAtOnce = new CountDownLatch(2);
        FakeXRay xray = new FakeXRay(everySecond(800), 100);
        TraceSummarySource watched = (slice, token) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                twoAtOnce.countDown();
                twoAtOnce.await(5, TimeUnit.SECONDS); // a sequential reader would wait here for nothing
                return xray.page(slice, token);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        };

        SummaryRead read = SlicedSummaryRead.of(new TraceQuery(END.minusSeconds(800), END, ""))
                .read(watched, ReadBudget.UNLIMITED, () -> false);

        assertThat(read.rows()).hasSize(800);
        assertThat(twoAtOnce.getCount()).isZero();
        assertThat(most.get()).isBetween(2, SlicedSummaryRead.PARALLEL);
    }

    @Test
    void aCancelledReadReturnsNothingAndAFailureIsThrown() {
        FakeXRay xray = new FakeXRay(everySecond(800), 10);
        TraceQuery window = new TraceQuery(END.minusSeconds(800), END, "");

        assertThat(SlicedSummaryRead.of(window).read(xray, ReadBudget.UNLIMITED, () -> true)).isNull();

        TraceSummarySource failing = (slice, token) -> {
            throw new IllegalStateException("ThrottledException after the SDK's retries");
        };
        assertThatThrownBy(() -> SlicedSummaryRead.of(window).read(failing, ReadBudget.UNLIMITED, () -> false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Throttled");
    }
}
