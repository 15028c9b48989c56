package dev.tracedesk.explore.sampling;

import dev.tracedesk.aws.AwsErrors;
import dev.tracedesk.explore.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.SamplingRuleRecord;
import software.amazon.awssdk.services.xray.model.SamplingRuleUpdate;
import software.amazon.awssdk.services.xray.model.SamplingStatisticSummary;

/**
 * Sampling rules over the session's X-Ray client (AWS or the sandbox alike). Worker threads only; every failure is
 * rethrown as an {@code AwsProblemException} carrying the API's own message (a duplicate name, a rule limit, ...).
 */
public final class SamplingRulesService implements SamplingRulesSource {
    private static final int RULE_VERSION = 1;

    private final Supplier<XRayClient> xray;
    private final Clock clock;

    public SamplingRulesService(Session session, Clock clock) {
        this(() -> session.clients().xray(), clock);
    }

    public SamplingRulesService(Supplier<XRayClient> xray, Clock clock) {
        this.xray = Objects.requireNonNull(xray);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public List<SamplingRule> rules() {
        return call(() -> {
            List<SamplingRule> out = new ArrayList<>();
            xray.get().getSamplingRulesPaginator(r -> { }).samplingRuleRecords()
                    .forEach(record -> out.add(fromSdk(record)));
            out.sort(SamplingRule.EVALUATION_ORDER);
            return out;
        });
    }

    @Override
    public SamplingRule create(SamplingRule rule) {
        return call(() -> fromSdk(xray.get().createSamplingRule(r -> r.samplingRule(toSdk(rule))).samplingRuleRecord()));
    }

    @Override
    public SamplingRule update(SamplingRule rule) {
        SamplingRuleUpdate.Builder update = SamplingRuleUpdate.builder().ruleName(rule.name())
                .fixedRate(rule.fixedRate()).reservoirSize(rule.reservoirSize());
        if (!rule.isDefault()) {
            update.priority(rule.priority()).serviceName(rule.serviceName()).serviceType(rule.serviceType())
                    .host(rule.host()).httpMethod(rule.httpMethod()).urlPath(rule.urlPath())
                    .resourceARN(rule.resourceArn()).attributes(rule.attributes());
        }
        return call(() -> fromSdk(xray.get().updateSamplingRule(r -> r.samplingRuleUpdate(update.build()))
                .samplingRuleRecord()));
    }

    @Override
    public SamplingRule delete(String ruleName) {
        return call(() -> fromSdk(xray.get().deleteSamplingRule(r -> r.ruleName(ruleName)).samplingRuleRecord()));
    }

    @Override
    public Map<String, RuleStatistics> statistics(Duration span) {
        Instant since = clock.instant().minus(span);
        return call(() -> {
            Map<String, RuleStatistics> out = new HashMap<>();
            for (SamplingStatisticSummary s : xray.get().getSamplingStatisticSummariesPaginator(r -> { })
                    .samplingStatisticSummaries()) {
                if (s.timestamp() == null || s.timestamp().isBefore(since)) {
                    continue;
                }
                out.merge(s.ruleName(), RuleStatistics.none(s.ruleName()).plus(n(s.requestCount()),
                        n(s.sampledCount()), n(s.borrowCount())),
                        (a, b) -> a.plus(b.requests(), b.sampled(), b.borrowed()));
            }
            return out;
        });
    }

    static SamplingRule fromSdk(SamplingRuleRecord record) {
        software.amazon.awssdk.services.xray.model.SamplingRule r = record.samplingRule();
        return new SamplingRule(r.ruleName(), r.ruleARN(), n32(r.priority()), r.fixedRate() == null ? 0 : r.fixedRate(),
                n32(r.reservoirSize()), r.serviceName(), r.serviceType(), r.host(), r.httpMethod(), r.urlPath(),
                r.resourceARN(), r.hasAttributes() ? r.attributes() : Map.of());
    }

    static software.amazon.awssdk.services.xray.model.SamplingRule toSdk(SamplingRule rule) {
        return software.amazon.awssdk.services.xray.model.SamplingRule.builder().ruleName(rule.name())
                .priority(rule.priority()).fixedRate(rule.fixedRate()).reservoirSize(rule.reservoirSize())
                .serviceName(rule.serviceName()).serviceType(rule.serviceType()).host(rule.host())
                .httpMethod(rule.httpMethod()).urlPath(rule.urlPath()).resourceARN(rule.resourceArn())
                .attributes(rule.attributes().isEmpty() ? null : rule.attributes()).version(RULE_VERSION).build();
    }

    private static long n(Integer v) {
        return v == null ? 0 : v;
    }

    private static int n32(Integer v) {
        return v == null ? 0 : v;
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw AwsErrors.asException(e);
        }
    }
}
