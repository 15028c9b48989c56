package dev.tracedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.CreateSamplingRuleResponse;
import software.amazon.awssdk.services.xray.model.GetSamplingTargetsResponse;
import software.amazon.awssdk.services.xray.model.Group;
import software.amazon.awssdk.services.xray.model.GroupSummary;
import software.amazon.awssdk.services.xray.model.InvalidRequestException;
import software.amazon.awssdk.services.xray.model.RuleLimitExceededException;
import software.amazon.awssdk.services.xray.model.SamplingRule;
import software.amazon.awssdk.services.xray.model.SamplingRuleRecord;
import software.amazon.awssdk.services.xray.model.SamplingStatisticSummary;
import software.amazon.awssdk.services.xray.model.SamplingStatisticsDocument;
import software.amazon.awssdk.services.xray.model.SamplingTargetDocument;

/** Sampling rules, sampling targets and groups through the AWS SDK v2 XRayClient. */
class SamplingAndGroupsSdkTest {
    @TempDir
    Path dir;
    SandboxFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new SandboxFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    static SamplingRule.Builder rule(String name, int priority, int reservoir, double rate) {
        return SamplingRule.builder().ruleName(name).resourceARN("*").priority(priority).fixedRate(rate)
                .reservoirSize(reservoir).serviceName("checkout").serviceType("*").host("*").httpMethod("POST")
                .urlPath("/cart/*").version(1);
    }

    @Test
    void defaultRuleIsAlwaysPresentWithAwsDefaults() {
        List<SamplingRuleRecord> records = fx.xray.getSamplingRules(b -> {}).samplingRuleRecords();
        assertThat(records).hasSize(1);
        SamplingRule d = records.get(0).samplingRule();
        assertThat(d.ruleName()).isEqualTo("Default");
        assertThat(d.priority()).isEqualTo(10000);
        assertThat(d.reservoirSize()).isEqualTo(1);
        assertThat(d.fixedRate()).isEqualTo(0.05);
        assertThat(d.ruleARN()).isEqualTo("arn:aws:xray:us-east-1:000000000000:sampling-rule/Default");
        assertThat(records.get(0).createdAt()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void createdRuleIsListedByPriorityAndSurvivesRestart() throws Exception {
        CreateSamplingRuleResponse created = fx.xray.createSamplingRule(b -> b.samplingRule(rule("debug-cart", 100, 5, 1.0).build()));
        assertThat(created.samplingRuleRecord().samplingRule().ruleARN()).endsWith(":sampling-rule/debug-cart");
        assertThat(created.samplingRuleRecord().createdAt()).isAfter(Instant.now().minusSeconds(60));
        fx.xray.createSamplingRule(b -> b.samplingRule(rule("first", 1, 0, 0.5).build()));

        fx.close();
        fx = new SandboxFixture(dir);
        assertThat(fx.xray.getSamplingRules(b -> {}).samplingRuleRecords())
                .extracting(r -> r.samplingRule().ruleName()).containsExactly("first", "debug-cart", "Default");
    }

    @Test
    void updateChangesOnlyGivenMembersAndDefaultOnlyRateAndReservoir() {
        fx.xray.createSamplingRule(b -> b.samplingRule(rule("r1", 50, 5, 0.1).build()));
        SamplingRuleRecord r = fx.xray.updateSamplingRule(b -> b.samplingRuleUpdate(u -> u.ruleName("r1").fixedRate(0.9)))
                .samplingRuleRecord();
        assertThat(r.samplingRule().fixedRate()).isEqualTo(0.9);
        assertThat(r.samplingRule().priority()).isEqualTo(50);
        assertThat(r.samplingRule().urlPath()).isEqualTo("/cart/*");

        SamplingRuleRecord d = fx.xray.updateSamplingRule(b -> b.samplingRuleUpdate(u -> u.ruleName("Default").fixedRate(0.01).reservoirSize(0)))
                .samplingRuleRecord();
        assertThat(d.samplingRule().fixedRate()).isEqualTo(0.01);
        assertThat(d.samplingRule().reservoirSize()).isZero();
        assertThatThrownBy(() -> fx.xray.updateSamplingRule(b -> b.samplingRuleUpdate(u -> u.ruleName("Default").priority(5))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Default");
    }

    @Test
    void deleteReturnsTheRuleAndRefusesDefault() {
        fx.xray.createSamplingRule(b -> b.samplingRule(rule("gone", 10, 1, 0.1).build()));
        assertThat(fx.xray.deleteSamplingRule(b -> b.ruleName("gone")).samplingRuleRecord().samplingRule().ruleName()).isEqualTo("gone");
        assertThatThrownBy(() -> fx.xray.deleteSamplingRule(b -> b.ruleName("gone"))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> fx.xray.deleteSamplingRule(b -> b.ruleName("Default")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("cannot be deleted");
    }

    @Test
    void invalidRulesAreRejectedWithAwsValidationErrors() {
        assertThatThrownBy(() -> fx.xray.createSamplingRule(b -> b.samplingRule(rule("p0", 0, 1, 0.1).build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("priority");
        assertThatThrownBy(() -> fx.xray.createSamplingRule(b -> b.samplingRule(rule("rate", 5, 1, 1.5).build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("fixedRate");
        assertThatThrownBy(() -> fx.xray.createSamplingRule(b -> b.samplingRule(rule("nohost", 5, 1, 0.5).host(null).build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> fx.xray.createSamplingRule(b -> b.samplingRule(rule("x".repeat(33), 5, 1, 0.5).build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("32");
        fx.xray.createSamplingRule(b -> b.samplingRule(rule("dup", 5, 1, 0.5).build()));
        assertThatThrownBy(() -> fx.xray.createSamplingRule(b -> b.samplingRule(rule("dup", 5, 1, 0.5).build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("already exists");
    }

    @Test
    void tooManyRulesIsRuleLimitExceeded() {
        for (int i = 0; i < 25; i++) {
            int n = i;
            fx.xray.createSamplingRule(b -> b.samplingRule(rule("r" + n, 1 + n, 1, 0.1).build()));
        }
        assertThatThrownBy(() -> fx.xray.createSamplingRule(b -> b.samplingRule(rule("one-too-many", 99, 1, 0.1).build())))
                .isInstanceOf(RuleLimitExceededException.class);
    }

    @Test
    void reservoirIsSplitAcrossActiveClientsByRequestShare() {
        fx.xray.createSamplingRule(b -> b.samplingRule(rule("shared", 10, 10, 0.2).build()));
        String a = "a".repeat(24);
        String c = "c".repeat(24);
        GetSamplingTargetsResponse first = fx.xray.getSamplingTargets(b -> b.samplingStatisticsDocuments(
                stats("shared", a, 30, 3, 1)));
        SamplingTargetDocument only = first.samplingTargetDocuments().get(0);
        assertThat(only.reservoirQuota()).isEqualTo(10);
        assertThat(only.fixedRate()).isEqualTo(0.2);
        assertThat(only.interval()).isEqualTo(10);
        assertThat(only.reservoirQuotaTTL()).isAfter(Instant.now());

        GetSamplingTargetsResponse both = fx.xray.getSamplingTargets(b -> b.samplingStatisticsDocuments(
                stats("shared", a, 30, 3, 0), stats("shared", c, 10, 1, 0)));
        assertThat(both.samplingTargetDocuments()).extracting(SamplingTargetDocument::reservoirQuota)
                .containsExactly(8, 2); // 10 × 30/40 = 7.5 → 7 + remainder 1 to the busiest; 10 × 10/40 = 2.5 → 2
        assertThat(both.lastRuleModification()).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void statisticsForUnknownRulesAreUnprocessedAndWindowsAreSummarised() {
        GetSamplingTargetsResponse r = fx.xray.getSamplingTargets(b -> b.samplingStatisticsDocuments(
                stats("no-such-rule", "b".repeat(24), 1, 1, 0), stats("Default", "b".repeat(24), 7, 2, 1)));
        assertThat(r.unprocessedStatistics()).singleElement().satisfies(u -> {
            assertThat(u.ruleName()).isEqualTo("no-such-rule");
            assertThat(u.errorCode()).isEqualTo("ResourceNotFoundException");
        });
        assertThat(r.samplingTargetDocuments()).singleElement().satisfies(t -> assertThat(t.reservoirQuota()).isEqualTo(1));
        List<SamplingStatisticSummary> sums = fx.xray.getSamplingStatisticSummaries(b -> {}).samplingStatisticSummaries();
        assertThat(sums).singleElement().satisfies(s -> {
            assertThat(s.ruleName()).isEqualTo("Default");
            assertThat(s.requestCount()).isEqualTo(7);
            assertThat(s.sampledCount()).isEqualTo(2);
            assertThat(s.borrowCount()).isEqualTo(1);
        });
    }

    @Test
    void badClientIdIsAValidationError() {
        assertThatThrownBy(() -> fx.xray.getSamplingTargets(b -> b.samplingStatisticsDocuments(stats("Default", "short", 1, 1, 0))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("clientID");
    }

    static SamplingStatisticsDocument stats(String rule, String client, int requests, int sampled, int borrowed) {
        return SamplingStatisticsDocument.builder().ruleName(rule).clientID(client).timestamp(Instant.now())
                .requestCount(requests).sampledCount(sampled).borrowCount(borrowed).build();
    }

    @Test
    void groupsRoundTripAndPersist() throws Exception {
        Group g = fx.xray.createGroup(b -> b.groupName("slow-shop").filterExpression("responsetime > 0.4")).group();
        assertThat(g.groupARN()).startsWith("arn:aws:xray:us-east-1:000000000000:group/slow-shop/");
        assertThat(g.filterExpression()).isEqualTo("responsetime > 0.4");
        assertThat(fx.xray.getGroup(b -> b.groupName("slow-shop")).group().groupARN()).isEqualTo(g.groupARN());
        assertThat(fx.xray.getGroup(b -> b.groupARN(g.groupARN())).group().groupName()).isEqualTo("slow-shop");

        Group u = fx.xray.updateGroup(b -> b.groupName("slow-shop").filterExpression("fault")
                .insightsConfiguration(i -> i.insightsEnabled(true))).group();
        assertThat(u.filterExpression()).isEqualTo("fault");
        assertThat(u.insightsConfiguration().insightsEnabled()).isTrue();

        fx.close();
        fx = new SandboxFixture(dir);
        assertThat(fx.xray.getGroupsPaginator(b -> {}).groups().stream().map(GroupSummary::groupName))
                .containsExactly("Default", "slow-shop");
        fx.xray.deleteGroup(b -> b.groupName("slow-shop"));
        assertThatThrownBy(() -> fx.xray.getGroup(b -> b.groupName("slow-shop"))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void groupListPagesWithNextTokenAndLimitsGroupCount() {
        for (int i = 0; i < 25; i++) {
            int n = i;
            fx.xray.createGroup(b -> b.groupName("g-" + n));
        }
        var first = fx.xray.getGroups(b -> {});
        assertThat(first.groups()).hasSize(25);
        assertThat(first.nextToken()).isNotNull();
        var second = fx.xray.getGroups(b -> b.nextToken(first.nextToken()));
        assertThat(second.groups()).extracting(GroupSummary::groupName).containsExactly("g-24");
        assertThat(second.nextToken()).isNull();
        assertThatThrownBy(() -> fx.xray.createGroup(b -> b.groupName("g-25"))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void groupErrors() {
        assertThatThrownBy(() -> fx.xray.createGroup(b -> b.groupName("bad name!")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("groupName");
        assertThatThrownBy(() -> fx.xray.createGroup(b -> b.groupName("Default"))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> fx.xray.createGroup(b -> b.groupName("broken").filterExpression("responsetime >")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at 14");
        assertThatThrownBy(() -> fx.xray.deleteGroup(b -> b.groupName("Default"))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> fx.xray.getGroup(b -> {})).isInstanceOf(InvalidRequestException.class);
    }
}
