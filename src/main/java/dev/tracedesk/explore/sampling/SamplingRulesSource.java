package dev.tracedesk.explore.sampling;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The sampling-rule calls the Sampling screen makes; implemented over the session's X-Ray client. */
public interface SamplingRulesSource {

    /** Every rule, Default included, in evaluation order. */
    List<SamplingRule> rules();

    SamplingRule create(SamplingRule rule);

    /** Writes every editable member; for Default only the reservoir and the rate. */
    SamplingRule update(SamplingRule rule);

    SamplingRule delete(String ruleName);

    /** Per rule name, the counts of the 10-second windows that started within the last {@code span}. */
    Map<String, RuleStatistics> statistics(Duration span);
}
