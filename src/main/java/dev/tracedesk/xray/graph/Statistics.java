package dev.tracedesk.xray.graph;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tracedesk.xray.Outcome;

/**
 * ServiceStatistics / EdgeStatistics (spec §2.5): outcome counts and the summed response time. Accumulated with
 * {@link Accumulator}, which keeps the sum in whole microseconds so that merging is exact.
 */
@JsonPropertyOrder({"OkCount", "ErrorStatistics", "FaultStatistics", "TotalCount", "TotalResponseTime"})
public record Statistics(@JsonProperty("OkCount") long okCount,
                         @JsonProperty("ErrorStatistics") ErrorStatistics errorStatistics,
                         @JsonProperty("FaultStatistics") FaultStatistics faultStatistics,
                         @JsonProperty("TotalCount") long totalCount,
                         @JsonProperty("TotalResponseTime") double totalResponseTime) {

    @JsonPropertyOrder({"ThrottleCount", "OtherCount", "TotalCount"})
    public record ErrorStatistics(@JsonProperty("ThrottleCount") long throttleCount,
                                  @JsonProperty("OtherCount") long otherCount,
                                  @JsonProperty("TotalCount") long totalCount) {}

    @JsonPropertyOrder({"OtherCount", "TotalCount"})
    public record FaultStatistics(@JsonProperty("OtherCount") long otherCount,
                                  @JsonProperty("TotalCount") long totalCount) {}

    /** Average response time in seconds (console latency), NaN when empty. */
    @JsonIgnore
    public double averageResponseTime() {
        return totalCount == 0 ? Double.NaN : totalResponseTime / totalCount;
    }

    /** Mutable, mergeable counts. */
    public static final class Accumulator {
        private long ok;
        private long errorOther;
        private long throttle;
        private long fault;
        private long totalMicros;

        public void add(Outcome outcome, double responseTimeSeconds) {
            switch (outcome) {
                case OK -> ok++;
                case ERROR -> errorOther++;
                case THROTTLE -> throttle++;
                case FAULT -> fault++;
            }
            totalMicros += Math.round(responseTimeSeconds * 1e6);
        }

        public void merge(Accumulator o) {
            ok += o.ok;
            errorOther += o.errorOther;
            throttle += o.throttle;
            fault += o.fault;
            totalMicros += o.totalMicros;
        }

        public long total() {
            return ok + errorOther + throttle + fault;
        }

        public Statistics toStatistics() {
            return new Statistics(ok, new ErrorStatistics(throttle, errorOther, throttle + errorOther),
                    new FaultStatistics(fault, fault), total(), totalMicros / 1e6);
        }
    }
}
