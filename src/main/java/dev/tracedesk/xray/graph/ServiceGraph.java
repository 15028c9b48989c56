package dev.tracedesk.xray.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tracedesk.xray.EpochSeconds;
import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.trace.Trace;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A service graph as GetServiceGraph returns it (spec §2.5): {@code {StartTime, EndTime, Services,
 * ContainsOldGroupVersions}}. GetTraceGraph returns only {@code {Services}}: serialize {@link #traceGraphResponse()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"StartTime", "EndTime", "Services", "ContainsOldGroupVersions"})
public record ServiceGraph(@JsonProperty("StartTime") @JsonSerialize(using = EpochSeconds.class) Double startTime,
                           @JsonProperty("EndTime") @JsonSerialize(using = EpochSeconds.class) Double endTime,
                           @JsonProperty("Services") List<Service> services,
                           @JsonProperty("ContainsOldGroupVersions") boolean containsOldGroupVersions) {

    /** The graph of the given traces over their own time span (GetTraceGraph). */
    public static ServiceGraph ofTraces(Collection<Trace> traces) {
        ServiceGraphAggregator a = new ServiceGraphAggregator();
        double start = Double.POSITIVE_INFINITY;
        double end = Double.NEGATIVE_INFINITY;
        for (Trace t : traces) {
            a.add(t);
            if (!Double.isNaN(t.startTime())) {
                start = Math.min(start, t.startTime());
            }
            if (!Double.isNaN(t.endTime())) {
                end = Math.max(end, t.endTime());
            }
        }
        return a.build(Double.isInfinite(start) ? Double.NaN : start, Double.isInfinite(end) ? Double.NaN : end);
    }

    public static ServiceGraph ofTrace(Trace trace) {
        return ofTraces(List.of(trace));
    }

    /** The body of a GetTraceGraph response. */
    public TraceGraphResponse traceGraphResponse() {
        return new TraceGraphResponse(services);
    }

    public Optional<Service> service(String name, String type) {
        return services.stream().filter(s -> s.name().equals(name) && java.util.Objects.equals(s.type(), type))
                .findFirst();
    }

    public Optional<Service> byReferenceId(int referenceId) {
        return referenceId >= 0 && referenceId < services.size()
                && services.get(referenceId).referenceId() == referenceId
                ? Optional.of(services.get(referenceId))
                : services.stream().filter(s -> s.referenceId() == referenceId).findFirst();
    }

    public record TraceGraphResponse(@JsonProperty("Services") List<Service> services) {}

    /** One node. Client nodes carry no statistics or histograms; Root is present only on roots. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ReferenceId", "Name", "Names", "Root", "AccountId", "Type", "State", "StartTime", "EndTime",
            "Edges", "SummaryStatistics", "DurationHistogram", "ResponseTimeHistogram"})
    public record Service(@JsonProperty("ReferenceId") int referenceId,
                          @JsonProperty("Name") String name,
                          @JsonProperty("Names") List<String> names,
                          @JsonProperty("Root") Boolean root,
                          @JsonProperty("AccountId") String accountId,
                          @JsonProperty("Type") String type,
                          @JsonProperty("State") String state,
                          @JsonProperty("StartTime") @JsonSerialize(using = EpochSeconds.class) Double startTime,
                          @JsonProperty("EndTime") @JsonSerialize(using = EpochSeconds.class) Double endTime,
                          @JsonProperty("Edges") List<Edge> edges,
                          @JsonProperty("SummaryStatistics") Statistics summaryStatistics,
                          @JsonProperty("DurationHistogram") List<HistogramEntry> durationHistogram,
                          @JsonProperty("ResponseTimeHistogram") List<HistogramEntry> responseTimeHistogram) {

        public ServiceId id() {
            return new ServiceId(name, type, accountId);
        }

        public Optional<Edge> edgeTo(int referenceId) {
            return edges.stream().filter(e -> e.referenceId() == referenceId).findFirst();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ReferenceId", "StartTime", "EndTime", "SummaryStatistics", "ResponseTimeHistogram",
            "Aliases"})
    public record Edge(@JsonProperty("ReferenceId") int referenceId,
                       @JsonProperty("StartTime") @JsonSerialize(using = EpochSeconds.class) Double startTime,
                       @JsonProperty("EndTime") @JsonSerialize(using = EpochSeconds.class) Double endTime,
                       @JsonProperty("SummaryStatistics") Statistics summaryStatistics,
                       @JsonProperty("ResponseTimeHistogram") List<HistogramEntry> responseTimeHistogram,
                       @JsonProperty("Aliases") List<Alias> aliases) {}

    @JsonPropertyOrder({"Name", "Names", "Type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Alias(@JsonProperty("Name") String name, @JsonProperty("Names") List<String> names,
                        @JsonProperty("Type") String type) {}
}
