package dev.tracedesk.explore.sampling;

/**
 * One rule's sampling counts summed over recent 10-second windows of GetSamplingStatisticSummaries. The SDKs count
 * a borrowed request only as borrowed, not as sampled (spec §8.3), so the two are shown side by side, never subtracted.
 */
public record RuleStatistics(String ruleName, long requests, long sampled, long borrowed) {

    public static RuleStatistics none(String ruleName) {
        return new RuleStatistics(ruleName, 0, 0, 0);
    }

    RuleStatistics plus(long moreRequests, long moreSampled, long moreBorrowed) {
        return new RuleStatistics(ruleName, requests + moreRequests, sampled + moreSampled, borrowed + moreBorrowed);
    }
}
