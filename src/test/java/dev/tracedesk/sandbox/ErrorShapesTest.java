package dev.tracedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation with malformed JSON, wrong types, missing required members, absurd values and random bodies:
 * a 4xx in the AWS rest-json error shape, never a 500. Unknown paths get UnknownOperationException.
 */
class ErrorShapesTest {
    @TempDir
    static Path dir;
    static Sandbox sandbox;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    /** Path → members of the operation's input (what a fuzzer should vary). */
    static final Map<String, List<String>> OPS = Map.ofEntries(
            Map.entry("/TraceSegments", List.of("TraceSegmentDocuments")),
            Map.entry("/TelemetryRecords", List.of("TelemetryRecords", "EC2InstanceId", "Hostname", "ResourceARN")),
            Map.entry("/TraceSummaries", List.of("StartTime", "EndTime", "TimeRangeType", "Sampling", "SamplingStrategy", "FilterExpression", "NextToken")),
            Map.entry("/Traces", List.of("TraceIds", "NextToken")),
            Map.entry("/TraceGraph", List.of("TraceIds", "NextToken")),
            Map.entry("/ServiceGraph", List.of("StartTime", "EndTime", "GroupName", "GroupARN", "NextToken")),
            Map.entry("/TimeSeriesServiceStatistics", List.of("StartTime", "EndTime", "GroupName", "GroupARN", "EntitySelectorExpression", "Period", "ForecastStatistics", "NextToken")),
            Map.entry("/CreateGroup", List.of("GroupName", "FilterExpression", "InsightsConfiguration", "Tags")),
            Map.entry("/GetGroup", List.of("GroupName", "GroupARN")),
            Map.entry("/Groups", List.of("NextToken")),
            Map.entry("/UpdateGroup", List.of("GroupName", "GroupARN", "FilterExpression", "InsightsConfiguration")),
            Map.entry("/DeleteGroup", List.of("GroupName", "GroupARN")),
            Map.entry("/GetSamplingRules", List.of("NextToken")),
            Map.entry("/CreateSamplingRule", List.of("SamplingRule", "Tags")),
            Map.entry("/UpdateSamplingRule", List.of("SamplingRuleUpdate")),
            Map.entry("/DeleteSamplingRule", List.of("RuleName", "RuleARN")),
            Map.entry("/SamplingTargets", List.of("SamplingStatisticsDocuments", "SamplingBoostStatisticsDocuments")),
            Map.entry("/SamplingStatisticSummaries", List.of("NextToken")));

    /** Operations that have a required member, so {@code {}} must be rejected. */
    static final List<String> REQUIRED = List.of("/TraceSegments", "/TelemetryRecords", "/TraceSummaries", "/Traces",
            "/TraceGraph", "/ServiceGraph", "/TimeSeriesServiceStatistics", "/CreateGroup", "/GetGroup", "/UpdateGroup",
            "/DeleteGroup", "/CreateSamplingRule", "/UpdateSamplingRule", "/DeleteSamplingRule", "/SamplingTargets");

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    record Reply(int status, String errorType, JsonNode body) {}

    static Reply post(String path, String body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.port() + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        return new Reply(r.statusCode(), r.headers().firstValue("x-amzn-ErrorType").orElse(null), JSON.readTree(r.body()));
    }

    static void assertInvalidRequest(Reply r, String context) {
        assertThat(r.status()).as(context).isEqualTo(400);
        assertThat(r.errorType()).as(context).isEqualTo("InvalidRequestException");
        assertThat(r.body().path("__type").asText()).as(context).isEqualTo("InvalidRequestException");
        assertThat(r.body().path("message").asText()).as(context).isNotBlank();
    }

    @Test
    void malformedJsonIsInvalidRequestForEveryOperation() throws Exception {
        for (String path : OPS.keySet()) {
            for (String body : List.of("{", "{\"a\":", "[]", "42", "\"x\"", "{}}", "nul", "{\"StartTime\":1}x")) {
                assertInvalidRequest(post(path, body, "application/x-amz-json-1.1"), path + " " + body);
            }
        }
    }

    @Test
    void missingRequiredMembersAreInvalidRequest() throws Exception {
        for (String path : REQUIRED) {
            assertInvalidRequest(post(path, "{}", "application/json"), path);
            assertInvalidRequest(post(path, "", null), path + " empty body");
        }
    }

    @Test
    void wrongTypesAndAbsurdValuesAreInvalidRequest() throws Exception {
        String[][] cases = {
                {"/TraceSummaries", "{\"StartTime\":\"yesterday\",\"EndTime\":1}"},
                {"/TraceSummaries", "{\"StartTime\":10,\"EndTime\":5}"},
                {"/TraceSummaries", "{\"StartTime\":-1e300,\"EndTime\":1e300}"},
                {"/TraceSummaries", "{\"StartTime\":1,\"EndTime\":2,\"TimeRangeType\":\"Sideways\"}"},
                {"/TraceSummaries", "{\"StartTime\":1,\"EndTime\":2,\"Sampling\":\"yes\"}"},
                {"/TraceSummaries", "{\"StartTime\":1,\"EndTime\":2,\"SamplingStrategy\":{\"Name\":\"FixedRate\",\"Value\":7}}"},
                {"/TraceSummaries", "{\"StartTime\":1,\"EndTime\":2,\"FilterExpression\":\"service(\"}"},
                {"/TraceSummaries", "{\"StartTime\":1,\"EndTime\":2,\"FilterExpression\":42}"},
                {"/Traces", "{\"TraceIds\":\"1-00000000-000000000000000000000000\"}"},
                {"/Traces", "{\"TraceIds\":[1,2]}"},
                {"/Traces", "{\"TraceIds\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}"},
                {"/TraceGraph", "{\"TraceIds\":[null]}"},
                {"/ServiceGraph", "{\"StartTime\":1,\"EndTime\":2,\"GroupName\":\"no-such-group\"}"},
                {"/ServiceGraph", "{\"StartTime\":true,\"EndTime\":2}"},
                {"/TimeSeriesServiceStatistics", "{\"StartTime\":1,\"EndTime\":2,\"Period\":\"60\"}"},
                {"/TimeSeriesServiceStatistics", "{\"StartTime\":0,\"EndTime\":1e9,\"Period\":60}"},
                {"/TimeSeriesServiceStatistics", "{\"StartTime\":1,\"EndTime\":2,\"EntitySelectorExpression\":\"fault\"}"},
                {"/CreateGroup", "{\"GroupName\":[\"x\"]}"},
                {"/CreateGroup", "{\"GroupName\":\"\"}"},
                {"/CreateGroup", "{\"GroupName\":\"ok\",\"InsightsConfiguration\":{\"NotificationsEnabled\":true}}"},
                {"/CreateSamplingRule", "{\"SamplingRule\":\"rule\"}"},
                {"/CreateSamplingRule", "{\"SamplingRule\":{\"RuleName\":\"r\",\"Priority\":1.5}}"},
                {"/UpdateSamplingRule", "{\"SamplingRuleUpdate\":{\"RuleName\":\"nope\",\"FixedRate\":0.5}}"},
                {"/UpdateSamplingRule", "{\"SamplingRuleUpdate\":{\"RuleName\":\"Default\",\"FixedRate\":-1}}"},
                {"/SamplingTargets", "{\"SamplingStatisticsDocuments\":[{\"RuleName\":\"Default\"}]}"},
                {"/SamplingTargets", "{\"SamplingStatisticsDocuments\":[7]}"},
                {"/TraceSegments", "{\"TraceSegmentDocuments\":[{\"id\":1}]}"},
                {"/TelemetryRecords", "{\"TelemetryRecords\":[{\"SegmentsReceivedCount\":1}]}"},
        };
        for (String[] c : cases) assertInvalidRequest(post(c[0], c[1], "application/json"), c[0] + " " + c[1]);
    }

    @Test
    void unknownPathsAndMethodsAreUnknownOperation() throws Exception {
        Reply r = post("/NoSuchOperation", "{}", "application/json");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorType()).isEqualTo("UnknownOperationException");
        assertThat(r.body().path("__type").asText()).isEqualTo("UnknownOperationException");
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.port() + "/TraceSummaries")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(get.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
    }

    @Test
    void randomBodiesNeverCauseAServerError() throws Exception {
        Random rnd = new Random(7);
        for (Map.Entry<String, List<String>> op : OPS.entrySet()) {
            for (int i = 0; i < 60; i++) {
                StringBuilder sb = new StringBuilder("{");
                List<String> members = op.getValue();
                int n = rnd.nextInt(members.size() + 1);
                for (int m = 0; m < n; m++) {
                    if (m > 0) sb.append(',');
                    sb.append('"').append(members.get(rnd.nextInt(members.size()))).append("\":").append(randomValue(rnd, 0));
                }
                sb.append('}');
                Reply r = post(op.getKey(), sb.toString(), "application/json");
                assertThat(r.status()).as(op.getKey() + " " + sb).isIn(200, 400, 404, 429);
                if (r.status() != 200) {
                    assertThat(r.errorType()).as(sb.toString()).isNotBlank();
                    assertThat(r.body().path("__type").asText()).isEqualTo(r.errorType());
                }
            }
        }
    }

    static String randomValue(Random rnd, int depth) {
        switch (rnd.nextInt(depth > 2 ? 6 : 9)) {
            case 0: return "null";
            case 1: return String.valueOf(rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(2_000_000_000));
            case 2: return String.valueOf(rnd.nextDouble() * Math.pow(10, rnd.nextInt(20) - 5));
            case 3: return rnd.nextBoolean() ? "true" : "false";
            case 4: return "\"" + List.of("", "x", "Default", "1-5759e988-bd862e3fe1be46a994272793", "responsetime > 1",
                    "FixedRate", "Event", "service(\\\"a\\\")", "a".repeat(40)).get(rnd.nextInt(9)) + "\"";
            case 5: return "1e308";
            case 6: case 7: {
                StringBuilder a = new StringBuilder("[");
                for (int i = rnd.nextInt(4); i > 0; i--) a.append(randomValue(rnd, depth + 1)).append(i > 1 ? "," : "");
                return a.append(']').toString();
            }
            default: {
                String[] keys = {"RuleName", "ClientID", "Timestamp", "RequestCount", "SampledCount", "Name", "Value",
                        "FixedRate", "Priority", "InsightsEnabled", "Key", "ResourceARN"};
                StringBuilder o = new StringBuilder("{");
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    o.append('"').append(keys[rnd.nextInt(keys.length)]).append("\":").append(randomValue(rnd, depth + 1)).append(i > 1 ? "," : "");
                }
                return o.append('}').toString();
            }
        }
    }
}
