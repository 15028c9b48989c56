package dev.tracedesk.explore.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Which rule samples this request?" with the SDKs' rule semantics (spec §8.2). */
class RuleMatcherTest {
    static final SamplingRule DEFAULT = rule("Default", 10000, "*", "*", "*", "*");
    static final SamplingRule SHOP = rule("shop-debug", 100, "AMIS_api_gateway/prod", "*", "POST", "/prod/shop");
    static final RuleMatcher.Request POST_SHOP =
            new RuleMatcher.Request("AMIS_api_gateway/prod", "", "api.example.com", "POST", "/prod/shop");

    @Test
    void theFirstMatchingRuleByPriorityDecidesAndDefaultIsLast() {
        SamplingRule broad = rule("all-amis", 200, "AMIS_*", "*", "*", "*");
        assertThat(decide(List.of(DEFAULT, broad, SHOP), POST_SHOP)).isEqualTo("shop-debug");
        RuleMatcher.Request get = new RuleMatcher.Request("AMIS_api_gateway/prod", "", "h", "GET", "/prod/shop");
        assertThat(decide(List.of(DEFAULT, broad, SHOP), get)).isEqualTo("all-amis");
        RuleMatcher.Request other = new RuleMatcher.Request("cart", "", "h", "GET", "/");
        assertThat(decide(List.of(DEFAULT, broad, SHOP), other)).isEqualTo("Default");
    }

    @Test
    void equalPrioritiesAreTriedInNameOrder() {
        SamplingRule b = rule("b-rule", 5, "*", "*", "*", "*");
        SamplingRule a = rule("a-rule", 5, "*", "*", "*", "*");
        assertThat(decide(List.of(b, a, DEFAULT), POST_SHOP)).isEqualTo("a-rule");
    }

    @Test
    void matchingIgnoresCaseAndUsesBothWildcards() {
        SamplingRule r = rule("r", 1, "amis_api_gateway/PROD", "*", "po??", "/prod/*");
        assertThat(decide(List.of(r, DEFAULT), POST_SHOP)).isEqualTo("r");
        assertThat(decide(List.of(rule("r", 1, "*", "*", "PO?", "*"), DEFAULT), POST_SHOP)).isEqualTo("Default");
    }

    @Test
    void aBlankRequestPropertyIsMatchedOnlyByStar() {
        SamplingRule typed = new SamplingRule("ec2", "", 1, 0.05, 1, "*", "AWS::EC2::Instance", "*", "*", "*", "*",
                Map.of());
        assertThat(decide(List.of(typed, DEFAULT), POST_SHOP)).isEqualTo("Default");
        RuleMatcher.Request onEc2 = new RuleMatcher.Request("svc", "AWS::EC2::Instance", "", "", "");
        assertThat(decide(List.of(typed, DEFAULT), onEc2)).isEqualTo("ec2");
        assertThat(decide(List.of(SHOP, DEFAULT), new RuleMatcher.Request("AMIS_api_gateway/prod", null, null,
                null, null))).isEqualTo("Default");
    }

    @Test
    void rulesTheSdksIgnoreArePassedOverAndReported() {
        SamplingRule withArn = new SamplingRule("stage-only", "", 1, 1, 1, "*", "*", "*", "*", "*",
                "arn:aws:apigateway:us-east-1::/restapis/abc/stages/prod", Map.of());
        SamplingRule withAttrs = new SamplingRule("attrs", "", 2, 1, 1, "*", "*", "*", "*", "*", "*",
                Map.of("x-user", "tester"));
        RuleMatcher.Result result = RuleMatcher.match(List.of(withArn, withAttrs, DEFAULT), POST_SHOP);
        assertThat(result.rule()).map(SamplingRule::name).contains("Default");
        assertThat(result.skipped()).extracting(s -> s.rule().name() + ":" + s.reason())
                .containsExactly("stage-only:RESOURCE_ARN", "attrs:ATTRIBUTES");
    }

    @Test
    void withoutADefaultRuleNothingMayMatch() {
        assertThat(RuleMatcher.match(List.of(SHOP), new RuleMatcher.Request("x", "", "", "", "")).rule()).isEmpty();
    }

    private static String decide(List<SamplingRule> rules, RuleMatcher.Request request) {
        return RuleMatcher.match(rules, request).rule().map(SamplingRule::name).orElse("");
    }

    static SamplingRule rule(String name, int priority, String service, String host, String method, String path) {
        return new SamplingRule(name, "", priority, 0.05, 1, service, "*", host, method, path, "*", Map.of());
    }
}
