package dev.tracedesk.sandbox.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StageSamplerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StageSampler.Request POST_SHOP = new StageSampler.Request("AMIS_api_gateway/prod", "127.0.0.1:8080",
            "POST", "/prod/shop", "arn:aws:apigateway:us-east-1::/restapis/abc/stages/prod", Map.of("User-Agent", "curl"));

    private static ObjectNode rule(String name, int priority, double rate, int reservoir, String service) {
        ObjectNode r = JSON.createObjectNode().put("RuleName", name).put("Priority", priority).put("FixedRate", rate)
                .put("ReservoirSize", reservoir).put("ServiceName", service).put("ServiceType", "*").put("Host", "*")
                .put("HTTPMethod", "*").put("URLPath", "*").put("ResourceARN", "*").put("Version", 1);
        r.set("Attributes", JSON.createObjectNode());
        ObjectNode rec = JSON.createObjectNode();
        rec.set("SamplingRule", r);
        return rec;
    }

    private static int sampledInOneSecond(StageSampler s, int n) {
        int sampled = 0;
        for (int i = 0; i < n; i++) if (s.decide(POST_SHOP).sampled()) sampled++;
        return sampled;
    }

    @Test
    void defaultRuleSamplesOnePerSecondPlusFivePercentOfABurst() {
        List<ObjectNode> rules = List.of(rule("Default", 10000, 0.05, 1, "*"));
        List<Integer> counts = new ArrayList<>();
        for (long seed = 0; seed < 50; seed++) {
            counts.add(sampledInOneSecond(new StageSampler(() -> rules, () -> 1_000_000L, new Random(seed)), 200));
        }
        double mean = counts.stream().mapToInt(Integer::intValue).average().orElseThrow();
        // 1 from the reservoir + 5 % of the other 199 = 10.95 expected
        assertThat(mean).isBetween(9.0, 13.0);
        assertThat(counts).allSatisfy(c -> assertThat(c).isBetween(1, 30));
    }

    @Test
    void reservoirRefillsEachSecond() {
        AtomicLong now = new AtomicLong(5_000);
        StageSampler s = new StageSampler(() -> List.of(rule("r", 1, 0.0, 3, "*")), now::get, new Random(1));
        assertThat(sampledInOneSecond(s, 10)).isEqualTo(3);
        now.addAndGet(999);
        assertThat(sampledInOneSecond(s, 10)).isZero();
        now.addAndGet(1);
        assertThat(sampledInOneSecond(s, 10)).isEqualTo(3);
    }

    @Test
    void aCustomRuleForTheStageWinsOverDefaultAndSamplesAll() {
        List<ObjectNode> rules = List.of(rule("stage-all", 1, 1.0, 0, "AMIS_api_gateway/prod"), rule("Default", 10000, 0.05, 1, "*"));
        StageSampler s = new StageSampler(() -> rules, () -> 0L, new Random(3));
        assertThat(sampledInOneSecond(s, 200)).isEqualTo(200);
        assertThat(s.decide(POST_SHOP).ruleName()).isEqualTo("stage-all");
    }

    @Test
    void aRuleForAnotherServiceDoesNotMatch() {
        List<ObjectNode> rules = List.of(rule("other", 1, 1.0, 0, "other-api/*"), rule("Default", 10000, 0.0, 0, "*"));
        StageSampler s = new StageSampler(() -> rules, () -> 0L, new Random(3));
        assertThat(sampledInOneSecond(s, 50)).isZero();
        assertThat(s.decide(POST_SHOP).ruleName()).isEqualTo("Default");
    }

    @Test
    void wildcardsAreCaseInsensitiveWithStarAndQuestionMark() {
        assertThat(StageSampler.wildcard("amis_*/PROD", "AMIS_api_gateway/prod")).isTrue();
        assertThat(StageSampler.wildcard("/prod/sho?", "/prod/shop")).isTrue();
        assertThat(StageSampler.wildcard("/prod/sho?", "/prod/shops")).isFalse();
        assertThat(StageSampler.wildcard("", "x")).isFalse();
        assertThat(StageSampler.wildcard("*", null)).isTrue();
    }

    @Test
    void attributesMatchRequestHeaders() {
        ObjectNode r = rule("ua", 1, 1.0, 0, "*");
        ((ObjectNode) r.get("SamplingRule")).set("Attributes", JSON.createObjectNode().put("user-agent", "cu*"));
        StageSampler s = new StageSampler(() -> List.of(r), () -> 0L, new Random(3));
        assertThat(s.decide(POST_SHOP).sampled()).isTrue();
        StageSampler.Request other = new StageSampler.Request(POST_SHOP.serviceName(), POST_SHOP.host(), "POST", "/prod/shop",
                POST_SHOP.resourceArn(), Map.of("User-Agent", "wget"));
        assertThat(s.decide(other).ruleName()).isNull();
    }
}
