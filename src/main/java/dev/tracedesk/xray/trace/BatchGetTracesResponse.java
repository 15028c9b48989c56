package dev.tracedesk.xray.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The body of a BatchGetTraces response (spec §2.3): found traces and the ids that were not found. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Traces", "UnprocessedTraceIds", "NextToken"})
public record BatchGetTracesResponse(@JsonProperty("Traces") List<BatchTrace> traces,
                                     @JsonProperty("UnprocessedTraceIds") List<String> unprocessedTraceIds,
                                     @JsonProperty("NextToken") String nextToken) {}
