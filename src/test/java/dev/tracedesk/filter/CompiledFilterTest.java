package dev.tracedesk.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.ShopTraces;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compilation options, the facts API, interning, and allocation-free evaluation. */
class CompiledFilterTest {

    @Test
    void blankFilterMatchesEverything() {
        assertThat(CompiledFilter.compile("  ")).isSameAs(CompiledFilter.all());
        assertThat(CompiledFilter.compile((String) null).matches(TraceFacts.of(ShopTraces.trace(7)))).isTrue();
    }

    @Test
    void stringComparisonsCanIgnoreCase() {
        TraceFacts f = TraceFacts.of(ShopTraces.trace(1));
        assertThat(CompiledFilter.compile("http.method = \"post\"").matches(f)).isFalse();
        FilterOptions ci = new FilterOptions(true, null);
        assertThat(CompiledFilter.compile("http.method = \"post\"", ci).matches(f)).isTrue();
        assertThat(CompiledFilter.compile("http.url CONTAINS \"/PROD/\"", ci).matches(f)).isTrue();
        assertThat(CompiledFilter.compile("service(\"amis_shop_decrypt\")", ci).matches(f)).isTrue();
    }

    @Test
    void unknownOrSelfReferencingGroupIsAnError() {
        assertThatThrownBy(() -> CompiledFilter.compile("group.name = \"nope\""))
                .isInstanceOf(FilterSyntaxException.class).hasMessageContaining("unknown group name \"nope\"");
        FilterOptions loop = FilterOptions.DEFAULT.withGroups(new FilterOptions.GroupResolver() {
            @Override
            public String expressionByName(String name) {
                return "fault OR group.name = \"" + name + "\"";
            }

            @Override
            public String expressionByArn(String arn) {
                return null;
            }
        });
        assertThatThrownBy(() -> CompiledFilter.compile("group.name = \"g\"", loop))
                .isInstanceOf(FilterSyntaxException.class).hasMessageContaining("refers to itself");
    }

    @Test
    void factsExposeTheTraceLevelValues() {
        TraceFacts f = TraceFacts.of(ShopTraces.trace(7));
        assertThat(f.isError()).isTrue();
        assertThat(f.isThrottle()).isTrue();
        assertThat(f.isOk()).isFalse();
        assertThat(f.httpStatus()).isEqualTo(429);
        assertThat(f.responseTime()).isCloseTo(0.010, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(f.httpMethod()).isEqualTo("POST");
        assertThat(f.services()).containsExactly(ServiceId.of(ShopTraces.API, "AWS::ApiGateway::Stage"));
        assertThat(f.segmentCount()).isEqualTo(1);
        assertThat(f.callCount()).isZero(); // the client → root call has no caller node to match
    }

    @Test
    void builderSharesTheShapeOfSimilarTraces() {
        TraceFactsBuilder builder = new TraceFactsBuilder();
        TraceFacts cold = builder.build(ShopTraces.trace(9));
        TraceFacts warm = builder.build(ShopTraces.trace(10));
        assertThat(cold.shape).isSameAs(warm.shape);
        assertThat(cold.times).isNotEqualTo(warm.times);
        TraceFacts unshared = TraceFacts.of(ShopTraces.trace(10));
        assertThat(unshared.shape).isNotSameAs(warm.shape).isEqualTo(warm.shape);
    }

    @Test
    void internTableIsBounded() {
        TraceFactsBuilder builder = new TraceFactsBuilder(5);
        for (int k = 0; k < ShopTraces.COUNT; k++) builder.build(ShopTraces.trace(k));
        assertThat(builder.internedCount()).isLessThanOrEqualTo(5);
    }

    @Test
    void evaluationDoesNotAllocate() {
        List<TraceFacts> facts = ShopTraces.all().stream().map(TraceFacts::of).toList();
        List<CompiledFilter> filters = List.of(
                CompiledFilter.compile("responsetime > 0.4"),
                CompiledFilter.compile("responsetime > 0.4 AND service(\"AMIS_shop_decrypt\") { fault }"),
                CompiledFilter.compile("http.url CONTAINS \"/prod\" OR user = \"alice\" OR annotation.amount > 15"),
                CompiledFilter.compile("edge(\"AMIS_shop_update_db\", \"AMIS-shop\") { responsetime < 0.03 }"),
                CompiledFilter.compile("rootcause.fault.exception { last and name = \"ResourceNotFoundException\" }"),
                CompiledFilter.compile("rootcause.json = #[{\"Services\":[{\"Name\":\"AMIS_api_gateway/prod\"}]}]"));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int hits = run(filters, facts); // warm up and settle class initialisation
        long before = threads.getThreadAllocatedBytes(thread);
        for (int round = 0; round < 2_000; round++) hits += run(filters, facts);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(hits).isPositive();
        // 156 000 evaluations; a single allocation per evaluation would be > 2 MB
        assertThat(allocated).isLessThan(64 * 1024);
    }

    private static int run(List<CompiledFilter> filters, List<TraceFacts> facts) {
        int hits = 0;
        for (int i = 0; i < filters.size(); i++) {
            CompiledFilter f = filters.get(i);
            for (int j = 0; j < facts.size(); j++) if (f.matches(facts.get(j))) hits++;
        }
        return hits;
    }
}
