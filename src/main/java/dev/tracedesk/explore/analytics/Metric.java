package dev.tracedesk.explore.analytics;

import dev.tracedesk.filter.NumberKeyword;

/** What the histogram measures: the root's response time, or the whole trace's duration (spec §2.2). */
public enum Metric {
    RESPONSE_TIME(NumberKeyword.RESPONSETIME), DURATION(NumberKeyword.DURATION);

    private final NumberKeyword keyword;

    Metric(NumberKeyword keyword) {
        this.keyword = keyword;
    }

    /** The filter keyword that tests this metric. */
    public NumberKeyword keyword() {
        return keyword;
    }
}
