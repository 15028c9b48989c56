package dev.tracedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;
import software.amazon.awssdk.services.xray.model.InvalidRequestException;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.TimeRangeType;
import software.amazon.awssdk.services.xray.model.TimeSeriesServiceStatistics;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/** Ingest through PutTraceSegments and UDP, read back through every read operation of the SDK v2 XRayClient. */
class TraceReadApiSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SandboxFixture fx;
    final Instant from = Instant.now().minusSeconds(600);
    final Instant to = Instant.now().plusSeconds(60);

    @BeforeEach
    void start() throws Exception {
        fx = new SandboxFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    /** A front service calling a backend service, whose own segment arrives separately; one DynamoDB call. */
    static List<String> twoServiceTrace(String traceId, double t, double frontTime, int status) {
        String front = Segments.id();
        String call = Segments.id();
        String ddb = Segments.id();
        String back = Segments.id();
        String frontDoc = String.format(Locale.ROOT,
                "{\"trace_id\":\"%s\",\"id\":\"%s\",\"name\":\"front\",\"start_time\":%.6f,\"end_time\":%.6f,"
                        + "\"http\":{\"request\":{\"method\":\"POST\",\"url\":\"http://shop.local/order\"},\"response\":{\"status\":%d}},"
                        + "%s\"annotations\":{\"tenant\":\"acme\"},\"subsegments\":[{\"id\":\"%s\",\"name\":\"back\",\"namespace\":\"remote\","
                        + "\"start_time\":%.6f,\"end_time\":%.6f,\"http\":{\"request\":{\"method\":\"GET\",\"url\":\"http://back/x\",\"traced\":true},"
                        + "\"response\":{\"status\":200}}}]}",
                traceId, front, t, t + frontTime, status, status >= 500 ? "\"fault\":true," : "", call, t + 0.01, t + 0.09);
        String ddbDoc = String.format(Locale.ROOT,
                "{\"type\":\"subsegment\",\"trace_id\":\"%s\",\"parent_id\":\"%s\",\"id\":\"%s\",\"name\":\"DynamoDB\","
                        + "\"namespace\":\"aws\",\"start_time\":%.6f,\"end_time\":%.6f,\"aws\":{\"operation\":\"PutItem\",\"table_name\":\"orders\"},"
                        + "\"http\":{\"response\":{\"status\":200}}}",
                traceId, front, ddb, t + 0.1, t + 0.12);
        String backDoc = String.format(Locale.ROOT,
                "{\"trace_id\":\"%s\",\"id\":\"%s\",\"parent_id\":\"%s\",\"name\":\"back\",\"start_time\":%.6f,\"end_time\":%.6f,"
                        + "\"http\":{\"request\":{\"method\":\"GET\",\"url\":\"http://back/x\"},\"response\":{\"status\":200}}}",
                traceId, back, call, t + 0.02, t + 0.08);
        return List.of(frontDoc, ddbDoc, backDoc);
    }

    private List<String> ingest(int traces, double slowShare) throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> docs = new ArrayList<>();
        long base = Instant.now().getEpochSecond() - traces;
        for (int i = 0; i < traces; i++) {
            String id = Segments.traceId(base + i);
            ids.add(id);
            boolean slow = i < traces * slowShare;
            docs.addAll(twoServiceTrace(id, base + i + 0.5, slow ? 0.6 : 0.2, i % 10 == 9 ? 502 : 200));
        }
        for (int i = 0; i < docs.size(); i += 50) {
            List<String> chunk = docs.subList(i, Math.min(docs.size(), i + 50));
            assertThat(fx.xray.putTraceSegments(b -> b.traceSegmentDocuments(chunk)).unprocessedTraceSegments()).isEmpty();
        }
        fx.awaitReceived(docs.size());
        return ids;
    }

    @Test
    void summariesPageNewestFirstAndCoverEveryTrace() throws Exception {
        List<String> ids = ingest(250, 0.2);
        List<GetTraceSummariesResponse> pages = new ArrayList<>();
        fx.xray.getTraceSummariesPaginator(b -> b.startTime(from).endTime(to)).forEach(pages::add);
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        List<String> got = pages.stream().flatMap(p -> p.traceSummaries().stream()).map(TraceSummary::id).collect(Collectors.toList());
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(got).containsExactlyElementsOf(newestFirst);
        assertThat(pages.stream().mapToLong(GetTraceSummariesResponse::tracesProcessedCount).sum()).isEqualTo(250);
        TraceSummary s = pages.get(0).traceSummaries().get(0);
        assertThat(s.http().httpMethod()).isEqualTo("POST");
        assertThat(s.entryPoint().name()).isEqualTo("front");
        assertThat(s.serviceIds()).extracting(x -> x.name()).contains("front", "back");
        assertThat(s.annotations()).containsKey("tenant");
        assertThat(s.responseTime()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.001));
        assertThat(pages.get(0).approximateTime()).isNotNull();
    }

    @Test
    void filterExpressionSelectsAndBadOnesSayWhere() throws Exception {
        List<String> ids = ingest(50, 0.2);
        List<TraceSummary> slow = new ArrayList<>();
        fx.xray.getTraceSummariesPaginator(b -> b.startTime(from).endTime(to).filterExpression("responsetime > 0.4"))
                .traceSummaries().forEach(slow::add);
        assertThat(slow).extracting(TraceSummary::id).containsExactlyInAnyOrderElementsOf(ids.subList(0, 10));
        List<TraceSummary> faults = new ArrayList<>();
        fx.xray.getTraceSummariesPaginator(b -> b.startTime(from).endTime(to).filterExpression("fault AND service(\"back\")"))
                .traceSummaries().forEach(faults::add);
        assertThat(faults).hasSize(5).allSatisfy(t -> assertThat(t.hasFault()).isTrue());
        assertThatThrownBy(() -> fx.xray.getTraceSummaries(b -> b.startTime(from).endTime(to).filterExpression("responsetime >> 2")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at 14");
    }

    @Test
    void eventTimeRangeAndSamplingAndWindowErrors() throws Exception {
        ingest(40, 0);
        GetTraceSummariesResponse ev = fx.xray.getTraceSummaries(b -> b.startTime(from).endTime(to).timeRangeType(TimeRangeType.EVENT));
        assertThat(ev.traceSummaries()).hasSize(40).allSatisfy(t -> assertThat(t.matchedEventTime()).isNotNull());
        GetTraceSummariesResponse sampled = fx.xray.getTraceSummaries(b -> b.startTime(from).endTime(to).sampling(true)
                .samplingStrategy(st -> st.name("FixedRate").value(0.5)));
        assertThat(sampled.traceSummaries().size()).isBetween(5, 35);
        assertThat(fx.xray.getTraceSummaries(b -> b.startTime(to.plusSeconds(100)).endTime(to.plusSeconds(200))).traceSummaries()).isEmpty();
        assertThatThrownBy(() -> fx.xray.getTraceSummaries(b -> b.startTime(to).endTime(from)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("before");
        assertThatThrownBy(() -> fx.xray.getTraceSummaries(b -> b.startTime(from).endTime(to).nextToken("garbage!")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("NextToken");
    }

    @Test
    void batchGetTracesMergesSubsegmentsLimitsToFiveAndReportsUnknownIds() throws Exception {
        List<String> ids = ingest(6, 0);
        String unknown = Segments.traceId();
        BatchGetTracesResponse r = fx.xray.batchGetTraces(b -> b.traceIds(ids.get(0), unknown));
        assertThat(r.unprocessedTraceIds()).containsExactly(unknown);
        assertThat(r.traces()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(ids.get(0));
            assertThat(t.duration()).isGreaterThan(0.1);
            List<String> names = new ArrayList<>();
            for (var seg : t.segments()) {
                JsonNode doc = JSON.readTree(seg.document());
                names.add(doc.path("name").asText());
                if (doc.path("name").asText().equals("front")) {
                    assertThat(doc.path("subsegments").findValuesAsText("name")).contains("DynamoDB", "back");
                }
            }
            assertThat(names).contains("front", "back");
        });
        assertThatThrownBy(() -> fx.xray.batchGetTraces(b -> b.traceIds(ids)))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("Exceeding maximum query size: 5 ");
    }

    @Test
    void graphsHaveNodesEdgesStatisticsAndGroupFilters() throws Exception {
        fx.xray.createGroup(b -> b.groupName("faulty").filterExpression("fault"));
        ingest(30, 0);
        GetServiceGraphResponse g = fx.xray.getServiceGraph(b -> b.startTime(from).endTime(to));
        Service front = service(g.services(), "front");
        Service back = service(g.services(), "back");
        assertThat(front.summaryStatistics().totalCount()).isEqualTo(30);
        assertThat(front.summaryStatistics().faultStatistics().totalCount()).isEqualTo(3);
        assertThat(front.edges()).extracting(Edge::referenceId).contains(back.referenceId());
        assertThat(front.responseTimeHistogram()).isNotEmpty();
        assertThat(g.services()).anySatisfy(s -> assertThat(s.type()).isEqualTo("client"));

        GetServiceGraphResponse faulty = fx.xray.getServiceGraph(b -> b.startTime(from).endTime(to).groupName("faulty"));
        assertThat(service(faulty.services(), "front").summaryStatistics().totalCount()).isEqualTo(3);

        Thread.sleep(1800); // let traces settle into per-second aggregates; results must not change
        assertThat(service(fx.xray.getServiceGraph(b -> b.startTime(from).endTime(to)).services(), "front")
                .summaryStatistics().totalCount()).isEqualTo(30);

        var tg = fx.xray.getTraceGraph(b -> b.traceIds(fx.xray.getTraceSummaries(s -> s.startTime(from).endTime(to))
                .traceSummaries().get(0).id()));
        assertThat(tg.services()).extracting(Service::name).contains("front", "back");

        List<TimeSeriesServiceStatistics> ts = new ArrayList<>();
        fx.xray.getTimeSeriesServiceStatisticsPaginator(b -> b.startTime(from).endTime(to).period(60)
                .entitySelectorExpression("service(\"front\")")).timeSeriesServiceStatistics().forEach(ts::add);
        assertThat(ts.stream().mapToLong(x -> x.serviceSummaryStatistics().totalCount()).sum()).isEqualTo(30);
        assertThat(ts).allSatisfy(x -> assertThat(x.timestamp().getEpochSecond() % 60).isZero());
        assertThatThrownBy(() -> fx.xray.getTimeSeriesServiceStatistics(b -> b.startTime(from).endTime(to).period(61)))
                .isInstanceOf(InvalidRequestException.class);
    }

    private static Service service(List<Service> services, String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + services));
    }
}
