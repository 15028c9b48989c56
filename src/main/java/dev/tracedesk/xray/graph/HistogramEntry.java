package dev.tracedesk.xray.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code {Value: seconds, Count}} of the API's histograms. */
@JsonPropertyOrder({"Value", "Count"})
public record HistogramEntry(@JsonProperty("Value") double value, @JsonProperty("Count") long count) {}
