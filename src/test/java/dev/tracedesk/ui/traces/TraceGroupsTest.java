package dev.tracedesk.ui.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracedesk.explore.traces.TraceRow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceGroupsTest {

    static TraceRow row(String id, double responseTime, String url, int status, boolean fault, boolean error,
            List<String> services, List<String> users, Map<String, List<String>> annotations) {
        return new TraceRow(id, Instant.parse("2026-11-28T01:02:03.456Z"), "POST", status, responseTime,
                responseTime + 0.1, url, "198.51.100.7", "curl", users, fault, error, false, false, annotations,
                List.of("arn:aws:lambda:eu-west-1:1:function:f"), services, services.isEmpty() ? null : services.get(0));
    }

    private static final List<TraceRow> ROWS = List.of(
            row("1-00000001-000000000000000000000001", 0.1, "/a", 200, false, false, List.of("api", "db"),
                    List.of("alice"), Map.of("tenant", List.of("acme"))),
            row("1-00000001-000000000000000000000002", 0.2, "/a", 200, false, false, List.of("api"), List.of(),
                    Map.of("tenant", List.of("acme"))),
            row("1-00000001-000000000000000000000003", 0.3, "/a", 502, true, false, List.of("api"), List.of(),
                    Map.of()),
            row("1-00000001-000000000000000000000004", 0.4, "/a", 404, false, true, List.of("api", "db"),
                    List.of("bob"), Map.of("tenant", List.of("zeta"))),
            row("1-00000001-000000000000000000000005", 2.0, "/b", 200, false, false, List.of("api"), List.of("alice"),
                    Map.of()));

    @Test
    void groupsByUrlWithCountAverageNearestRankPercentilesMaxAndShares() {
        List<TraceGroup> groups = TraceGroups.of(ROWS, GroupBy.URL, null);

        assertThat(groups).extracting(TraceGroup::key).containsExactly("/a", "/b");
        TraceGroup a = groups.get(0);
        assertThat(a.count()).isEqualTo(4);
        assertThat(a.average()).isCloseTo(0.25, within(1e-9));
        assertThat(a.p50()).isEqualTo(0.2);   // rank ceil(0.5 * 4) = 2
        assertThat(a.p95()).isEqualTo(0.4);   // rank ceil(0.95 * 4) = 4
        assertThat(a.max()).isEqualTo(0.4);
        assertThat(a.faultShare()).isEqualTo(0.25);
        assertThat(a.errorShare()).isEqualTo(0.25);
        assertThat(groups.get(1)).isEqualTo(new TraceGroup("/b", 1, 2.0, 2.0, 2.0, 2.0, 0, 0));
    }

    @Test
    void aTraceCountsInEveryServiceItTouchesAndRowsWithoutAValueFormTheirOwnGroup() {
        assertThat(TraceGroups.of(ROWS, GroupBy.SERVICE, null)).extracting(TraceGroup::key, TraceGroup::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("api", 5), org.assertj.core.groups.Tuple.tuple("db", 2));
        assertThat(TraceGroups.of(ROWS, GroupBy.USER, null)).extracting(TraceGroup::key, TraceGroup::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("(none)", 2),
                        org.assertj.core.groups.Tuple.tuple("alice", 2), org.assertj.core.groups.Tuple.tuple("bob", 1));
        assertThat(TraceGroups.of(ROWS, GroupBy.ANNOTATION, "tenant")).extracting(TraceGroup::key, TraceGroup::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("(none)", 2),
                        org.assertj.core.groups.Tuple.tuple("acme", 2), org.assertj.core.groups.Tuple.tuple("zeta", 1));
        assertThat(TraceGroups.of(ROWS, GroupBy.STATUS, null)).extracting(TraceGroup::key)
                .containsExactly("200", "404", "502");
    }

    @Test
    void columnsShowValuesInTheChosenZoneAndSortNumbersByValue() {
        TraceRow r = ROWS.get(3);
        assertThat(TraceColumn.START.text(r, ZoneId.of("UTC"), null)).isEqualTo("2026-11-28 01:02:03.456");
        assertThat(TraceColumn.START.text(r, ZoneId.of("Europe/Amsterdam"), null)).isEqualTo("2026-11-28 02:02:03.456");
        assertThat(TraceColumn.STATUS.text(r, ZoneId.of("UTC"), null)).isEqualTo("404 error");
        assertThat(TraceColumn.STATUS.text(ROWS.get(0), ZoneId.of("UTC"), null)).isEqualTo("200");
        assertThat(TraceColumn.RESPONSE_TIME.text(r, ZoneId.of("UTC"), null)).isEqualTo("0.400 s");
        assertThat(TraceColumn.DURATION.text(r, ZoneId.of("UTC"), null)).isEqualTo("0.500 s");
        assertThat(TraceColumn.USER.text(r, ZoneId.of("UTC"), null)).isEqualTo("bob");
        assertThat(TraceColumn.COLD_START.text(r, ZoneId.of("UTC"), null)).isEqualTo("…");
        assertThat(TraceColumn.COLD_START.text(r, ZoneId.of("UTC"), true)).isEqualTo("yes");
        assertThat(TraceColumn.annotation(ROWS.get(0), "tenant")).isEqualTo("acme");
        TraceRow slow = row("x", 10.0, "/", 200, false, false, List.of(), List.of(), Map.of());
        TraceRow fast = row("y", 9.0, "/", 200, false, false, List.of(), List.of(), Map.of());
        assertThat(TraceColumn.RESPONSE_TIME.comparator().compare(fast, slow)).isNegative(); // 9 < 10, not "10" < "9"
    }

    @Test
    void copyAsFilterNamesTheEntryServiceMethodAndUrl() {
        assertThat(TracesViewModel.filterFor(ROWS.get(0)))
                .isEqualTo("service(\"api\") AND http.method = \"POST\" AND http.url = \"/a\"");
        assertThat(dev.tracedesk.filter.FilterParser.parse(TracesViewModel.filterFor(ROWS.get(0)))).isNotNull();
    }
}
