package dev.tracedesk.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Building expressions in code: what the histogram brush and the service-map click produce. */
class FiltersTest {

    @Test
    void brushOnTheHistogramGivesAResponseTimeRange() {
        assertThat(Filters.print(Filters.responseTimeBetween(0.4, 1.2)))
                .isEqualTo("responsetime >= 0.4 AND responsetime <= 1.2");
    }

    @Test
    void clickOnANodeGivesAServiceFilterWithItsIdentity() {
        Expr e = Filters.service(Filters.node("AMIS_shop_decrypt", "AWS::Lambda::Function"),
                Filters.number(NumberKeyword.RESPONSETIME, Op.GE, 0.4));
        assertThat(Filters.print(e))
                .isEqualTo("service(id(name: \"AMIS_shop_decrypt\", type: \"AWS::Lambda::Function\")) { responsetime >= 0.4 }");
    }

    @Test
    void builtStringsAreEscaped() {
        Expr e = Filters.string(StringKeyword.HTTP_URL, Op.CONTAINS, "a\"b\\c");
        assertThat(Filters.print(e)).isEqualTo("http.url CONTAINS \"a\\\"b\\\\c\"");
        assertThat(Filters.parse(Filters.print(e))).isEqualTo(e);
        assertThat(FilterPrinter.quote("x\"y")).isEqualTo("\"x\\\"y\"");
    }

    @Test
    void combinatorsBuildWhatTheParserBuilds() {
        Expr built = Filters.and(Filters.is(BoolKeyword.OK), Filters.not(Filters.is(BoolKeyword.PARTIAL)),
                Filters.or(Filters.annotation("tenant", Op.EQ, "acme"), Filters.annotation("retries", Op.GT, 2)));
        assertThat(built).isEqualTo(Filters.parse("ok !partial (annotation.tenant = \"acme\" OR annotation.retries > 2)"));
        assertThat(Filters.edge(Expr.NodeRef.named("a"), Expr.NodeRef.named("b"), null))
                .isEqualTo(Filters.parse("edge(\"a\", \"b\")"));
    }

    @Test
    void impossibleTreesAreRefused() {
        assertThatThrownBy(() -> Filters.responseTimeBetween(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Filters.number(NumberKeyword.DURATION, Op.CONTAINS, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Filters.number(NumberKeyword.DURATION, Op.GT, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Filters.annotation("bad key", Op.EQ, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Filters.annotation("k", Op.GT, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
