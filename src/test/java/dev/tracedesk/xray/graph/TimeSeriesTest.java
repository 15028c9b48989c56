package dev.tracedesk.xray.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.xray.ApiJson;
import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.trace.Trace;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {
    static final ServiceId API = ServiceId.of(ShopTraces.API, "AWS::ApiGateway::Stage");
    static final ServiceId ACCEPT = ServiceId.of(ShopTraces.ACCEPT, "AWS::Lambda");

    @Test
    void perPeriodAggregatesGiveTheSeries() {
        // 5-minute periods: traces 0..4 (T0 .. T0+240), 5..9, 10..12
        Map<Long, ServiceGraphAggregator> periods = new TreeMap<>();
        for (Trace t : ShopTraces.all()) {
            periods.computeIfAbsent(TimeSeriesPoint.periodStart(t.startTime(), 300), k -> new ServiceGraphAggregator())
                    .add(t);
        }
        assertThat(periods).containsOnlyKeys(ShopTraces.T0, ShopTraces.T0 + 300, ShopTraces.T0 + 600);
        List<TimeSeriesPoint> api = periods.entrySet().stream()
                .map(e -> e.getValue().servicePoint(e.getKey(), API).orElseThrow()).toList();
        // period 1: k0 440, k1 100, k2 100, k3 460, k4 120 → 5 ok, 1.22 s
        assertThat(api.get(0).serviceSummaryStatistics()).isEqualTo(ServiceGraphTest.stats(5, 0, 0, 0, 1.22));
        // period 2: k5 100 ok, k6 50 error, k7 10 throttle, k8 200 fault (k9 has no api) → 0.36 s
        assertThat(api.get(1).serviceSummaryStatistics()).isEqualTo(ServiceGraphTest.stats(1, 1, 1, 1, 0.36));
        // period 3: k11 100 ok, k12 20 error → 0.12 s
        assertThat(api.get(2).serviceSummaryStatistics()).isEqualTo(ServiceGraphTest.stats(1, 0, 1, 0, 0.12));
        assertThat(api.get(2).responseTimeHistogram()).isEqualTo(ServiceGraphTest.hist(0.02, 1, 0.1, 1));
        TimeSeriesPoint edge = periods.get(ShopTraces.T0 + 600).edgePoint(ShopTraces.T0 + 600, API, ACCEPT)
                .orElseThrow();
        assertThat(edge.edgeSummaryStatistics()).isEqualTo(ServiceGraphTest.stats(1, 0, 0, 0, 0.092));
        assertThat(edge.serviceSummaryStatistics()).isNull();
        assertThat(periods.get(ShopTraces.T0).edgePoint(0, ACCEPT, API)).isEmpty();
        assertThat(ApiJson.write(api.get(2))).startsWith("{\"Timestamp\":1764000600,\"ServiceSummaryStatistics\":{");
    }

    @Test
    void periodStartFloors() {
        assertThat(TimeSeriesPoint.periodStart(1764000059.999, 60)).isEqualTo(1764000000L);
        assertThat(TimeSeriesPoint.periodStart(1764000060.0, 60)).isEqualTo(1764000060L);
    }
}
