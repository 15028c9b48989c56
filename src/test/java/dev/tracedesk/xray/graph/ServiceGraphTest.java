package dev.tracedesk.xray.graph;

import static dev.tracedesk.xray.ShopTraces.ACCEPT;
import static dev.tracedesk.xray.ShopTraces.API;
import static dev.tracedesk.xray.ShopTraces.BAD_TABLE;
import static dev.tracedesk.xray.ShopTraces.DECRYPT;
import static dev.tracedesk.xray.ShopTraces.LOADGEN;
import static dev.tracedesk.xray.ShopTraces.TABLE;
import static dev.tracedesk.xray.ShopTraces.TOPIC_ACCEPTED;
import static dev.tracedesk.xray.ShopTraces.TOPIC_DECRYPTED;
import static dev.tracedesk.xray.ShopTraces.UNITTEST;
import static dev.tracedesk.xray.ShopTraces.UPDATE_DB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracedesk.xray.ApiJson;
import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.graph.ServiceGraph.Edge;
import dev.tracedesk.xray.graph.ServiceGraph.Service;
import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service graph of the 13 shop traces. Every expected number below was worked out by hand from the timings
 * documented in {@link ShopTraces} (A = 20 + init + publish ms; per trace: k0 A=400, k1/k2/k5/k11 A=60, k3 A=420,
 * k4 A=80).
 */
class ServiceGraphTest {
    static final double START = ShopTraces.T0;
    static final double END = ShopTraces.T0 + 780;
    static ServiceGraph graph;

    @BeforeAll
    static void build() {
        ServiceGraphAggregator a = new ServiceGraphAggregator();
        ShopTraces.all().forEach(a::add);
        graph = a.build(START, END);
    }

    static Statistics stats(long ok, long throttle, long errorOther, long fault, double totalSeconds) {
        return new Statistics(ok, new Statistics.ErrorStatistics(throttle, errorOther, throttle + errorOther),
                new Statistics.FaultStatistics(fault, fault), ok + throttle + errorOther + fault, totalSeconds);
    }

    static List<HistogramEntry> hist(double... valueCountPairs) {
        List<HistogramEntry> out = new ArrayList<>();
        for (int i = 0; i < valueCountPairs.length; i += 2) {
            out.add(new HistogramEntry(valueCountPairs[i], (long) valueCountPairs[i + 1]));
        }
        return out;
    }

    static Service ref(int id) {
        Service s = graph.services().get(id);
        assertThat(s.referenceId()).isEqualTo(id);
        return s;
    }

    static Edge onlyEdge(Service s, int to) {
        assertThat(s.edges()).extracting(Edge::referenceId).containsExactly(to);
        return s.edges().get(0);
    }

    @Test
    void nodesAreNumberedByNameTypeAndAccount() {
        assertThat(graph.services()).extracting(s -> s.name() + " | " + s.type() + " | " + s.state())
                .containsExactly(
                        TABLE + " | AWS::DynamoDB::Table | unknown",                 // 0
                        API + " | AWS::ApiGateway::Stage | active",                  // 1
                        API + " | client | unknown",                                 // 2
                        ACCEPT + " | AWS::Lambda | active",                          // 3
                        ACCEPT + " | AWS::Lambda::Function | active",                // 4
                        TOPIC_ACCEPTED + " | AWS::SNS::Topic | unknown",             // 5
                        DECRYPT + " | AWS::Lambda | active",                         // 6
                        DECRYPT + " | AWS::Lambda::Function | active",               // 7
                        TOPIC_DECRYPTED + " | AWS::SNS::Topic | unknown",            // 8
                        LOADGEN + " | AWS::EC2::Instance | active",                  // 9
                        LOADGEN + " | client | unknown",                             // 10
                        UPDATE_DB + " | AWS::Lambda | active",                       // 11
                        UPDATE_DB + " | AWS::Lambda::Function | active",             // 12
                        UNITTEST + " | AWS::Lambda | active",                        // 13
                        UNITTEST + " | AWS::Lambda::Function | active",              // 14
                        UNITTEST + " | client | unknown",                            // 15
                        BAD_TABLE + " | AWS::DynamoDB::Table | unknown");            // 16
        assertThat(graph.services()).filteredOn(s -> Boolean.TRUE.equals(s.root())).extracting(Service::referenceId)
                .containsExactly(1, 9, 13);
        assertThat(ref(4).accountId()).isEqualTo(ShopTraces.ACCOUNT);
        assertThat(ref(3).accountId()).isNull();
        assertThat(graph.startTime()).isEqualTo(START);
        assertThat(graph.endTime()).isEqualTo(END);
    }

    @Test
    void apiGatewayStage() {
        Service api = ref(1);
        // 11 requests: OK k0 440, k1 100, k2 100, k3 460, k4 120, k5 100, k11 100; error k6 50, k12 20;
        // throttle k7 10; fault k8 200 → 1700 ms
        assertThat(api.summaryStatistics()).isEqualTo(stats(7, 1, 2, 1, 1.7));
        assertThat(api.responseTimeHistogram()).isEqualTo(hist(0.01, 1, 0.02, 1, 0.05, 1, 0.1, 4, 0.12, 1, 0.2, 1,
                0.44, 1, 0.46, 1));
        // root in k0..k8 → trace duration (600, 260, 260, 620, 280, 260, 50, 10, 200); not root in k11 (100), k12 (20)
        assertThat(api.durationHistogram()).isEqualTo(hist(0.01, 1, 0.02, 1, 0.05, 1, 0.1, 1, 0.2, 1, 0.26, 3,
                0.28, 1, 0.6, 1, 0.62, 1));
        assertThat(api.startTime()).isEqualTo(1764000000.0);
        assertThat(api.endTime()).isEqualTo(1764000720.03);
        Edge toAccept = onlyEdge(api, 3);
        // the Lambda subsegment, A+32: k0 432, k1 92, k2 92, k3 452, k4 112, k5 92, k6 42, k11 92, fault k8 192
        assertThat(toAccept.summaryStatistics()).isEqualTo(stats(8, 0, 0, 1, 1.598));
        assertThat(toAccept.responseTimeHistogram()).isEqualTo(hist(0.042, 1, 0.092, 4, 0.112, 1, 0.192, 1,
                0.432, 1, 0.452, 1));
        assertThat(toAccept.aliases()).containsExactly(new ServiceGraph.Alias("Lambda", List.of("Lambda"),
                "AWS::Lambda"));
        assertThat(toAccept.startTime()).isEqualTo(1764000000.004);
        assertThat(toAccept.endTime()).isEqualTo(1764000660.106);
    }

    @Test
    void clientOfTheStageHasOnlyAnEdge() {
        Service client = ref(2);
        assertThat(client.summaryStatistics()).isNull();
        assertThat(client.responseTimeHistogram()).isNull();
        assertThat(client.root()).isNull();
        Edge e = onlyEdge(client, 1);
        // roots k0..k8: ok 440, 100, 100, 460, 120, 100; error 50; throttle 10; fault 200 → 1580 ms
        assertThat(e.summaryStatistics()).isEqualTo(stats(6, 1, 1, 1, 1.58));
        assertThat(e.responseTimeHistogram()).isEqualTo(hist(0.01, 1, 0.05, 1, 0.1, 3, 0.12, 1, 0.2, 1, 0.44, 1,
                0.46, 1));
        assertThat(client.startTime()).isEqualTo(1764000000.0);
        assertThat(client.endTime()).isEqualTo(1764000480.2);
    }

    @Test
    void acceptServiceAndFunction() {
        Service svc = ref(3);
        // A+28: 428, 88, 88, 448, 108, 88, k6 38, k11 88; fault k8 188 → 1562 ms
        assertThat(svc.summaryStatistics()).isEqualTo(stats(8, 0, 0, 1, 1.562));
        assertThat(svc.responseTimeHistogram()).isEqualTo(hist(0.038, 1, 0.088, 4, 0.108, 1, 0.188, 1, 0.428, 1,
                0.448, 1));
        assertThat(svc.durationHistogram()).isEqualTo(svc.responseTimeHistogram());
        Edge toFn = onlyEdge(svc, 4);
        assertThat(toFn.summaryStatistics()).isEqualTo(svc.summaryStatistics()); // timed by the service segment
        assertThat(toFn.aliases()).isEmpty();

        Service fn = ref(4);
        // A+24: 424, 84, 84, 444, 104, 84, k6 34, k11 84; fault k8 184 → 1526 ms
        assertThat(fn.summaryStatistics()).isEqualTo(stats(8, 0, 0, 1, 1.526));
        assertThat(fn.responseTimeHistogram()).isEqualTo(hist(0.034, 1, 0.084, 4, 0.104, 1, 0.184, 1, 0.424, 1,
                0.444, 1));
        Edge toTopic = onlyEdge(fn, 5);
        // SNS publish: k0 80, k1 40, k2 40, k3 400, k4 60, k5 40, k11 40 → 700 ms
        assertThat(toTopic.summaryStatistics()).isEqualTo(stats(7, 0, 0, 0, 0.7));
        assertThat(toTopic.responseTimeHistogram()).isEqualTo(hist(0.04, 4, 0.06, 1, 0.08, 1, 0.4, 1));
        assertThat(toTopic.aliases()).containsExactly(new ServiceGraph.Alias("SNS", List.of("SNS"),
                "AWS::SNS::Topic"));
    }

    @Test
    void asynchronousSnsHopsToDecryptAndUpdateDb() {
        Service accepted = ref(5);
        assertThat(accepted.summaryStatistics()).isEqualTo(stats(7, 0, 0, 0, 0.7));
        Edge toDecrypt = onlyEdge(accepted, 6);
        assertThat(toDecrypt.summaryStatistics()).isEqualTo(stats(7, 0, 0, 0, 0.7)); // 7 × 100 ms
        assertThat(toDecrypt.responseTimeHistogram()).isEqualTo(hist(0.1, 7));

        assertThat(ref(6).summaryStatistics()).isEqualTo(stats(7, 0, 0, 0, 0.7));
        assertThat(onlyEdge(ref(6), 7).summaryStatistics()).isEqualTo(stats(7, 0, 0, 0, 0.7));
        assertThat(ref(7).summaryStatistics()).isEqualTo(stats(7, 0, 0, 0, 0.672)); // 7 × 96
        assertThat(ref(7).responseTimeHistogram()).isEqualTo(hist(0.096, 7));
        Edge toDecrypted = onlyEdge(ref(7), 8);
        assertThat(toDecrypted.summaryStatistics()).isEqualTo(stats(7, 0, 0, 0, 0.21)); // 7 × 30
        assertThat(toDecrypted.responseTimeHistogram()).isEqualTo(hist(0.03, 7));
        assertThat(ref(8).summaryStatistics()).isEqualTo(stats(7, 0, 0, 0, 0.21));
        assertThat(onlyEdge(ref(8), 11).summaryStatistics()).isEqualTo(stats(7, 0, 0, 0, 0.7));
        assertThat(ref(11).summaryStatistics()).isEqualTo(stats(7, 0, 0, 0, 0.7));
        // k5's update_db function is still in progress: the call is counted (timed by the service segment) ...
        assertThat(onlyEdge(ref(11), 12).summaryStatistics()).isEqualTo(stats(7, 0, 0, 0, 0.7));
        // ... but the function node only counts its 6 completed segments (6 × 96)
        assertThat(ref(12).summaryStatistics()).isEqualTo(stats(6, 0, 0, 0, 0.576));
        Edge toTable = onlyEdge(ref(12), 0);
        // PutItem: k0 40, k1 40, k2 20, k3 60, k4 40, k11 40 → 240 ms
        assertThat(toTable.summaryStatistics()).isEqualTo(stats(6, 0, 0, 0, 0.24));
        assertThat(toTable.responseTimeHistogram()).isEqualTo(hist(0.02, 1, 0.04, 4, 0.06, 1));
        assertThat(toTable.aliases()).containsExactly(new ServiceGraph.Alias("DynamoDB", List.of("DynamoDB"),
                "AWS::DynamoDB::Table"));
        assertThat(ref(0).summaryStatistics()).isEqualTo(stats(6, 0, 0, 0, 0.24));
        assertThat(ref(0).edges()).isEmpty();
    }

    @Test
    void unittestFunctionFaultsOnTheMissingTable() {
        Service svc = ref(13);
        assertThat(svc.summaryStatistics()).isEqualTo(stats(2, 0, 0, 0, 1.0)); // 900 + 100
        assertThat(svc.responseTimeHistogram()).isEqualTo(hist(0.1, 1, 0.9, 1));
        assertThat(svc.durationHistogram()).isEqualTo(hist(0.1, 1, 0.9, 1));
        assertThat(onlyEdge(svc, 14).summaryStatistics()).isEqualTo(stats(2, 0, 0, 0, 1.0));
        Service fn = ref(14);
        assertThat(fn.summaryStatistics()).isEqualTo(stats(0, 0, 0, 2, 0.992)); // 896 + 96
        Edge toTable = onlyEdge(fn, 16);
        assertThat(toTable.summaryStatistics()).isEqualTo(stats(0, 0, 0, 2, 0.06)); // 40 + 20
        assertThat(toTable.responseTimeHistogram()).isEqualTo(hist(0.02, 1, 0.04, 1));
        Service table = ref(16);
        assertThat(table.summaryStatistics()).isEqualTo(stats(0, 0, 0, 2, 0.06));
        assertThat(table.startTime()).isEqualTo(1764000540.61);
        assertThat(table.endTime()).isEqualTo(1764000600.03);
        assertThat(onlyEdge(ref(15), 13).summaryStatistics()).isEqualTo(stats(2, 0, 0, 0, 1.0));
    }

    @Test
    void loadGeneratorCallsTheStageOverTracedHttp() {
        Service loadgen = ref(9);
        assertThat(loadgen.root()).isTrue();
        assertThat(loadgen.summaryStatistics()).isEqualTo(stats(2, 0, 0, 0, 0.17)); // 130 + 40
        assertThat(loadgen.responseTimeHistogram()).isEqualTo(hist(0.04, 1, 0.13, 1));
        assertThat(loadgen.durationHistogram()).isEqualTo(hist(0.04, 1, 0.27, 1)); // whole traces: 270, 40
        Edge toApi = onlyEdge(loadgen, 1);
        assertThat(toApi.summaryStatistics()).isEqualTo(stats(1, 0, 1, 0, 0.15)); // 120 ok, 30 error
        assertThat(toApi.responseTimeHistogram()).isEqualTo(hist(0.03, 1, 0.12, 1));
        assertThat(toApi.aliases()).containsExactly(new ServiceGraph.Alias(ShopTraces.API_HOST,
                List.of(ShopTraces.API_HOST), "AWS::ApiGateway::Stage"));
        assertThat(onlyEdge(ref(10), 9).summaryStatistics()).isEqualTo(stats(2, 0, 0, 0, 0.17));
    }

    @Test
    void mergingPerMinuteAggregatesEqualsAggregatingAllTraces() {
        List<ServiceGraphAggregator> minutes = new ArrayList<>();
        for (Trace t : ShopTraces.all()) {
            minutes.add(new ServiceGraphAggregator().add(t));
        }
        for (long seed = 0; seed < 5; seed++) {
            Collections.shuffle(minutes, new Random(seed));
            ServiceGraphAggregator left = new ServiceGraphAggregator();
            ServiceGraphAggregator right = new ServiceGraphAggregator();
            for (int i = 0; i < minutes.size(); i++) {
                (i % 2 == 0 ? left : right).merge(minutes.get(i));
            }
            ServiceGraph merged = new ServiceGraphAggregator().merge(right).merge(left).build(START, END);
            assertThat(merged).isEqualTo(graph);
            assertThat(left.traceCount() + right.traceCount()).isEqualTo(13);
        }
    }

    @Test
    void traceGraphOfOneTrace() {
        Trace k9 = ShopTraces.trace(9);
        ServiceGraph g = ServiceGraph.ofTrace(k9);
        assertThat(g.services()).extracting(s -> s.name() + " | " + s.type()).containsExactly(
                UNITTEST + " | AWS::Lambda", UNITTEST + " | AWS::Lambda::Function", UNITTEST + " | client",
                BAD_TABLE + " | AWS::DynamoDB::Table");
        assertThat(g.services().get(0).summaryStatistics()).isEqualTo(stats(1, 0, 0, 0, 0.9));
        assertThat(g.services().get(1).summaryStatistics()).isEqualTo(stats(0, 0, 0, 1, 0.896));
        assertThat(onlyEdge(g.services().get(1), 3).summaryStatistics()).isEqualTo(stats(0, 0, 0, 1, 0.04));
        assertThat(g.startTime()).isEqualTo(1764000540.0);
        assertThat(g.endTime()).isEqualTo(1764000540.9);
        String json = ApiJson.write(g.traceGraphResponse());
        assertThat(json).startsWith("{\"Services\":[{\"ReferenceId\":0,").doesNotContain("StartTime\":1.7");
    }

    @Test
    void serializesToTheApiShape() throws Exception {
        JsonNode root = ApiJson.mapper().readTree(ApiJson.write(graph));
        assertThat(fieldNames(root)).containsExactly("StartTime", "EndTime", "Services", "ContainsOldGroupVersions");
        assertThat(root.get("StartTime").isNumber()).isTrue();
        assertThat(root.get("StartTime").asDouble()).isEqualTo(START);
        assertThat(root.get("ContainsOldGroupVersions").asBoolean()).isFalse();
        JsonNode api = root.get("Services").get(1);
        assertThat(fieldNames(api)).containsExactly("ReferenceId", "Name", "Names", "Root", "Type", "State",
                "StartTime", "EndTime", "Edges", "SummaryStatistics", "DurationHistogram", "ResponseTimeHistogram");
        assertThat(fieldNames(api.get("SummaryStatistics"))).containsExactly("OkCount", "ErrorStatistics",
                "FaultStatistics", "TotalCount", "TotalResponseTime");
        assertThat(fieldNames(api.at("/SummaryStatistics/ErrorStatistics")))
                .containsExactly("ThrottleCount", "OtherCount", "TotalCount");
        assertThat(fieldNames(api.at("/SummaryStatistics/FaultStatistics"))).containsExactly("OtherCount", "TotalCount");
        assertThat(fieldNames(api.at("/Edges/0"))).containsExactly("ReferenceId", "StartTime", "EndTime",
                "SummaryStatistics", "ResponseTimeHistogram", "Aliases");
        assertThat(fieldNames(api.at("/ResponseTimeHistogram/0"))).containsExactly("Value", "Count");
        assertThat(api.get("Names").get(0).asText()).isEqualTo(API);
        JsonNode client = root.get("Services").get(2);
        assertThat(fieldNames(client)).containsExactly("ReferenceId", "Name", "Names", "Type", "State", "StartTime",
                "EndTime", "Edges");
        assertThat(ApiJson.write(graph)).contains("\"EndTime\":1764000780").doesNotContain("E9");
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
