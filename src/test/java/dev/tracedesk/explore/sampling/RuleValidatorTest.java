package dev.tracedesk.explore.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleValidatorTest {
    private static final RuleForm GOOD = new RuleForm("shop-debug", "100", "1", "1.0", "AMIS_api_gateway/prod", "*",
            "*", "POST", "/prod/*", "*", "");

    @Test
    void aValidFormBecomesTheRule() {
        RuleValidator.Result r = RuleValidator.validate(GOOD, Optional.empty());
        assertThat(r.errors()).isEmpty();
        SamplingRule rule = r.rule().orElseThrow();
        assertThat(rule.name()).isEqualTo("shop-debug");
        assertThat(rule.priority()).isEqualTo(100);
        assertThat(rule.fixedRate()).isEqualTo(1.0);
        assertThat(rule.httpMethod()).isEqualTo("POST");
        assertThat(rule.attributes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10000", "-1", "1.5", "abc", ""})
    void thePriorityMustBeAWholeNumberFrom1To9999(String priority) {
        assertThat(errors(withPriority(priority))).containsOnlyKeys(RuleField.PRIORITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "9999", " 42 "})
    void priorityBoundsAreAccepted(String priority) {
        assertThat(errors(withPriority(priority))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.1", "1.01", "5%", "NaN", "", "0.5d"})
    void theRateMustBeAFractionFrom0To1(String rate) {
        RuleForm f = new RuleForm("n", "1", "1", rate, "*", "*", "*", "*", "*", "*", "");
        assertThat(errors(f)).containsOnlyKeys(RuleField.FIXED_RATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "dot.name", "Default", "default", "abcdefghijabcdefghijabcdefghijabc"})
    void namesFollowXRaysRules(String name) {
        RuleForm f = new RuleForm(name, "1", "1", "0.1", "*", "*", "*", "*", "*", "*", "");
        assertThat(errors(f)).containsOnlyKeys(RuleField.NAME);
    }

    @Test
    void matchersMustBeNonEmptyWithinTheirLengthsAndWithoutSpaces() {
        RuleForm f = new RuleForm("n", "1", "-1", "0.1", "", "*", "a b", "GET/", "/" + "x".repeat(128), "*", "");
        assertThat(errors(f)).containsOnlyKeys(RuleField.RESERVOIR, RuleField.SERVICE_NAME, RuleField.HOST,
                RuleField.HTTP_METHOD, RuleField.URL_PATH);
        assertThat(errors(f).get(RuleField.SERVICE_NAME)).contains("*");
        assertThat(errors(f).get(RuleField.URL_PATH)).contains("128");
    }

    @Test
    void wildcardsAreAcceptedInEveryMatcher() {
        RuleForm f = new RuleForm("n", "1", "0", "0", "AMIS_*/pro?", "AWS::*", "*.example.com", "P*", "/prod/??op",
                "arn:aws:*", "");
        assertThat(errors(f)).isEmpty();
    }

    @Test
    void attributesAreKeyValuePairsAtMostFive() {
        RuleForm ok = new RuleForm("n", "1", "1", "0.1", "*", "*", "*", "*", "*", "*", "user=tester, tier = gold");
        assertThat(RuleValidator.validate(ok, Optional.empty()).rule().orElseThrow().attributes())
                .isEqualTo(Map.of("user", "tester", "tier", "gold"));
        for (String bad : new String[] {"novalue", "=v", "a=1,a=2", "a=1,b=2,c=3,d=4,e=5,f=6",
                "k=" + "v".repeat(33)}) {
            RuleForm f = new RuleForm("n", "1", "1", "0.1", "*", "*", "*", "*", "*", "*", bad);
            assertThat(errors(f)).as(bad).containsOnlyKeys(RuleField.ATTRIBUTES);
        }
    }

    @Test
    void theDefaultRuleChecksOnlyReservoirAndRateAndKeepsEverythingElse() {
        SamplingRule def = new SamplingRule("Default", "arn:aws:xray:us-east-1:000000000000:sampling-rule/Default",
                10000, 0.05, 1, "*", "*", "*", "*", "*", "*", Map.of());
        RuleForm edited = new RuleForm("renamed", "99999", "0", "0.01", "x", "x", "x", "x", "x", "x", "bad");
        RuleValidator.Result r = RuleValidator.validate(edited, Optional.of(def));
        assertThat(r.errors()).isEmpty();
        SamplingRule saved = r.rule().orElseThrow();
        assertThat(saved).isEqualTo(new SamplingRule("Default", def.arn(), 10000, 0.01, 0, "*", "*", "*", "*", "*",
                "*", Map.of()));
        RuleForm bad = new RuleForm("Default", "10000", "x", "2", "*", "*", "*", "*", "*", "*", "");
        assertThat(RuleValidator.validate(bad, Optional.of(def)).errors())
                .containsOnlyKeys(RuleField.RESERVOIR, RuleField.FIXED_RATE);
    }

    @Test
    void anExistingRuleCannotBeRenamed() {
        SamplingRule existing = RuleValidator.validate(GOOD, Optional.empty()).rule().orElseThrow();
        RuleForm renamed = new RuleForm("other", "100", "1", "1.0", "*", "*", "*", "*", "*", "*", "");
        assertThat(RuleValidator.validate(renamed, Optional.of(existing)).errors()).containsOnlyKeys(RuleField.NAME);
    }

    @Test
    void aFormRoundTripsThroughItsRule() {
        SamplingRule rule = RuleValidator.validate(GOOD, Optional.empty()).rule().orElseThrow();
        assertThat(RuleValidator.validate(RuleForm.of(rule), Optional.of(rule)).rule()).contains(rule);
    }

    @Test
    void theDefaultRuleReadsInWords() {
        assertThat(RuleFormat.explain(1, 0.05)).isEqualTo("the first request each second, then 5% of the rest");
        assertThat(RuleFormat.explain(10, 0.5)).isEqualTo("the first 10 requests each second, then 50% of the rest");
        assertThat(RuleFormat.explain(0, 0.001)).isEqualTo("0.1% of all requests");
        assertThat(RuleFormat.explain(1, 1.0)).isEqualTo("the first request each second, then all of the rest");
        assertThat(RuleFormat.explain(0, 0)).isEqualTo("no requests");
        assertThat(RuleFormat.rate(1.0)).isEqualTo("1");
        assertThat(RuleFormat.percent(0.05)).isEqualTo("5%");
    }

    private static RuleForm withPriority(String p) {
        return new RuleForm("n", p, "1", "0.1", "*", "*", "*", "*", "*", "*", "");
    }

    private static Map<RuleField, String> errors(RuleForm f) {
        return RuleValidator.validate(f, Optional.empty()).errors();
    }
}
