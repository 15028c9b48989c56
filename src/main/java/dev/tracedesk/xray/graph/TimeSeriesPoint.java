package dev.tracedesk.xray.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tracedesk.xray.EpochSeconds;
import java.util.List;

/**
 * One element of GetTimeSeriesServiceStatistics' {@code TimeSeriesServiceStatistics} (spec §2.6). Exactly one of the
 * two statistics is set: the service's for a service selector, the edge's for an edge selector.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Timestamp", "EdgeSummaryStatistics", "ServiceSummaryStatistics", "ResponseTimeHistogram"})
public record TimeSeriesPoint(@JsonProperty("Timestamp") @JsonSerialize(using = EpochSeconds.class) Double timestamp,
                              @JsonProperty("EdgeSummaryStatistics") Statistics edgeSummaryStatistics,
                              @JsonProperty("ServiceSummaryStatistics") Statistics serviceSummaryStatistics,
                              @JsonProperty("ResponseTimeHistogram") List<HistogramEntry> responseTimeHistogram) {

    /** The start of the period holding {@code seconds}: {@code floor(t / period) * period}. */
    public static long periodStart(double seconds, long periodSeconds) {
        return Math.floorDiv((long) Math.floor(seconds), periodSeconds) * periodSeconds;
    }
}
