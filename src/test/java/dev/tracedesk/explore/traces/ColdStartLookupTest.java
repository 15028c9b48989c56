package dev.tracedesk.explore.traces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ColdStartLookupTest {

    /** Serves the hand-built shop traces, counting calls; ids it does not know are left out, as BatchGetTraces does. */
    private static final class ShopSource implements TraceSource {
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public List<Trace> traces(List<String> ids) {
            calls.add(List.copyOf(ids));
            List<Trace> out = new ArrayList<>();
            for (int k = 0; k < ShopTraces.COUNT; k++) {
                if (ids.contains(ShopTraces.traceId(k))) {
                    out.add(ShopTraces.trace(k));
                }
            }
            return out;
        }

        @Override
        public TraceGraphView graph(String id) {
            throw new UnsupportedOperationException("not asked for by the lookup");
        }
    }

    private final ShopSource source = new ShopSource();
    private final ColdStartLookup lookup = new ColdStartLookup();

    @Test
    void readsFiveIdsPerCallAndTellsColdStartsApart() {
        List<String> ids = IntStream.range(0, 7).mapToObj(ShopTraces::traceId).toList();
        Map<String, Boolean> found = lookup.fetch(source, "sandbox:2000", ids);

        assertThat(source.calls).extracting(List::size).containsExactly(5, 2);
        assertThat(found).hasSize(7);
        assertThat(found.get(ShopTraces.traceId(0))).isTrue();
        assertThat(found.get(ShopTraces.traceId(1))).isFalse();
        assertThat(lookup.known("sandbox:2000", ShopTraces.traceId(0))).isTrue();
    }

    @Test
    void answersAreCachedPerConnectionAndOnlyUnknownIdsAreRead() {
        List<String> ids = List.of(ShopTraces.traceId(0), ShopTraces.traceId(9));
        lookup.fetch(source, "sandbox:2000", ids);

        assertThat(lookup.unknown("sandbox:2000", ids)).isEmpty();
        assertThat(lookup.unknown("default/eu-west-1", ids)).containsExactlyElementsOf(ids);
        assertThat(lookup.known("default/eu-west-1", ShopTraces.traceId(0))).isNull();
        assertThat(lookup.known("sandbox:2000", ShopTraces.traceId(9))).isTrue();
    }

    @Test
    void idsTheServiceDoesNotReturnStayUnknown() {
        String missing = "1-00000000-000000000000000000000000";
        Map<String, Boolean> found = lookup.fetch(source, "c", List.of(missing, ShopTraces.traceId(2)));

        assertThat(found).containsOnlyKeys(ShopTraces.traceId(2));
        assertThat(lookup.known("c", missing)).isNull();
    }

    @Test
    void oneFetchTakesAtMostAFewBatchesAndTheOldestAnswersAreDroppedFirst() {
        List<String> many = IntStream.range(0, 100).mapToObj(i -> "id-" + i).toList();
        assertThat(lookup.unknown("c", many)).hasSize(ColdStartLookup.MAX_PER_FETCH);

        ColdStartLookup small = new ColdStartLookup(2);
        small.fetch(source, "c", List.of(ShopTraces.traceId(0), ShopTraces.traceId(1), ShopTraces.traceId(2)));
        assertThat(small.known("c", ShopTraces.traceId(0))).isNull();
        assertThat(small.known("c", ShopTraces.traceId(2))).isFalse();
    }
}
