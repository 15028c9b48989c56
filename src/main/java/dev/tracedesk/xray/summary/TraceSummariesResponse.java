package dev.tracedesk.xray.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tracedesk.xray.EpochSeconds;
import java.util.List;

/** The body of a GetTraceSummaries response (spec §2.2); NextToken absent on the last page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"TraceSummaries", "ApproximateTime", "TracesProcessedCount", "NextToken"})
public record TraceSummariesResponse(
        @JsonProperty("TraceSummaries") List<TraceSummary> traceSummaries,
        @JsonProperty("ApproximateTime") @JsonSerialize(using = EpochSeconds.class) Double approximateTime,
        @JsonProperty("TracesProcessedCount") long tracesProcessedCount,
        @JsonProperty("NextToken") String nextToken) {}
