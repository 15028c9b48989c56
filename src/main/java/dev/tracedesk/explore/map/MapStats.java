package dev.tracedesk.explore.map;

import dev.tracedesk.xray.Outcome;
import dev.tracedesk.xray.graph.Statistics;

/**
 * Outcome counts and summed response time of a node or an edge (the API's ServiceStatistics / EdgeStatistics,
 * spec §2.5), with the shares and averages the map shows.
 */
public record MapStats(long ok, long error, long throttle, long fault, double totalResponseTime) {

    public static final MapStats EMPTY = new MapStats(0, 0, 0, 0, 0);

    /** From the xray domain's statistics; null (a client node) gives {@link #EMPTY}. */
    public static MapStats of(Statistics s) {
        if (s == null) {
            return EMPTY;
        }
        return new MapStats(s.okCount(), s.errorStatistics().otherCount(), s.errorStatistics().throttleCount(),
                s.faultStatistics().totalCount(), s.totalResponseTime());
    }

    public long total() {
        return ok + error + throttle + fault;
    }

    public long count(Outcome outcome) {
        return switch (outcome) {
            case OK -> ok;
            case ERROR -> error;
            case THROTTLE -> throttle;
            case FAULT -> fault;
        };
    }

    /** Share of calls with this outcome, 0..1; 0 when there were no calls. */
    public double share(Outcome outcome) {
        long total = total();
        return total == 0 ? 0 : (double) count(outcome) / total;
    }

    /** Average response time in seconds (the consoles' latency), NaN without calls. */
    public double averageResponseTime() {
        long total = total();
        return total == 0 ? Double.NaN : totalResponseTime / total;
    }

    /** Calls per minute over a window of {@code seconds}. */
    public double perMinute(double seconds) {
        return seconds <= 0 ? 0 : total() * 60.0 / seconds;
    }

    public MapStats plus(MapStats o) {
        return new MapStats(ok + o.ok, error + o.error, throttle + o.throttle, fault + o.fault,
                totalResponseTime + o.totalResponseTime);
    }
}
