package dev.tracedesk.xray.summary;

import static dev.tracedesk.xray.ShopTraces.ACCEPT;
import static dev.tracedesk.xray.ShopTraces.ACCOUNT;
import static dev.tracedesk.xray.ShopTraces.API;
import static dev.tracedesk.xray.ShopTraces.BAD_TABLE;
import static dev.tracedesk.xray.ShopTraces.DECRYPT;
import static dev.tracedesk.xray.ShopTraces.LOADGEN;
import static dev.tracedesk.xray.ShopTraces.UNITTEST;
import static dev.tracedesk.xray.ShopTraces.UPDATE_DB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracedesk.xray.ApiJson;
import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.summary.TraceSummary.AnnotationValueJson;
import dev.tracedesk.xray.summary.TraceSummary.HttpSummary;
import dev.tracedesk.xray.summary.TraceSummary.RootCause;
import dev.tracedesk.xray.summary.TraceSummary.RootCauseEntity;
import dev.tracedesk.xray.summary.TraceSummary.RootCauseException;
import dev.tracedesk.xray.summary.TraceSummary.RootCauseService;
import dev.tracedesk.xray.summary.TraceSummary.ValueWithServiceIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Summaries of the shop traces; expected values worked out by hand from the timings in {@link ShopTraces}. */
class TraceSummariesTest {
    static final ServiceId API_ID = new ServiceId(API, "AWS::ApiGateway::Stage", null);
    static final ServiceId ACCEPT_SVC = new ServiceId(ACCEPT, "AWS::Lambda", null);
    static final ServiceId ACCEPT_FN = new ServiceId(ACCEPT, "AWS::Lambda::Function", ACCOUNT);
    static final ServiceId TOPIC_ACCEPTED = new ServiceId(ShopTraces.TOPIC_ACCEPTED, "AWS::SNS::Topic", null);
    static final ServiceId DECRYPT_SVC = new ServiceId(DECRYPT, "AWS::Lambda", null);
    static final ServiceId DECRYPT_FN = new ServiceId(DECRYPT, "AWS::Lambda::Function", ACCOUNT);
    static final ServiceId TOPIC_DECRYPTED = new ServiceId(ShopTraces.TOPIC_DECRYPTED, "AWS::SNS::Topic", null);
    static final ServiceId UPDATE_SVC = new ServiceId(UPDATE_DB, "AWS::Lambda", null);
    static final ServiceId UPDATE_FN = new ServiceId(UPDATE_DB, "AWS::Lambda::Function", ACCOUNT);
    static final ServiceId TABLE = new ServiceId(ShopTraces.TABLE, "AWS::DynamoDB::Table", null);
    static final ServiceId UNITTEST_SVC = new ServiceId(UNITTEST, "AWS::Lambda", null);
    static final ServiceId UNITTEST_FN = new ServiceId(UNITTEST, "AWS::Lambda::Function", ACCOUNT);
    static final ServiceId BAD = new ServiceId(BAD_TABLE, "AWS::DynamoDB::Table", null);
    static final ServiceId LOADGEN_ID = new ServiceId(LOADGEN, "AWS::EC2::Instance", null);
    static final String STAGE_ARN = "arn:aws:apigateway:eu-west-1::/restapis/abc123/stages/prod";

    static TraceSummary summary(int k) {
        return TraceSummaries.of(ShopTraces.trace(k));
    }

    static RootCauseService service(ServiceId id, boolean inferred, RootCauseEntity... path) {
        return new RootCauseService(id.name(), List.of(id.name()), id.type(), id.accountId(), List.of(path), inferred);
    }

    static RootCauseEntity faulty(String name, boolean remote, RootCauseException... exceptions) {
        return new RootCauseEntity(name, null, List.of(exceptions), remote);
    }

    static RootCauseEntity slow(String name, double coverage, boolean remote) {
        return new RootCauseEntity(name, coverage, null, remote);
    }

    static ValueWithServiceIds value(Object v, ServiceId... ids) {
        AnnotationValueJson json = v instanceof Double d ? new AnnotationValueJson(d, null, null)
                : v instanceof Boolean b ? new AnnotationValueJson(null, b, null)
                : new AnnotationValueJson(null, null, (String) v);
        return new ValueWithServiceIds(json, List.of(ids));
    }

    @Test
    void coldStartShopTrace() {
        TraceSummary s = summary(0);
        assertThat(s.id()).isEqualTo(ShopTraces.traceId(0));
        assertThat(s.startTime()).isEqualTo(1764000000.0);
        assertThat(s.duration()).isEqualTo(0.6);       // api start .. update_db service end (A+200, A=400)
        assertThat(s.responseTime()).isEqualTo(0.44);  // api segment A+40
        assertThat(s.hasFault()).isFalse();
        assertThat(s.hasError()).isFalse();
        assertThat(s.hasThrottle()).isFalse();
        assertThat(s.isPartial()).isFalse();
        assertThat(s.http()).isEqualTo(new HttpSummary(ShopTraces.API_URL, 200, "POST", "tracedesk-loadgen/1.0",
                "198.51.100.10"));
        assertThat(s.annotations()).containsOnlyKeys("aws:api_id", "aws:api_stage", "order_id", "amount", "express",
                "items");
        assertThat(new ArrayList<>(s.annotations().keySet())).containsExactly("aws:api_id", "aws:api_stage",
                "order_id", "amount", "express", "items");
        assertThat(s.annotations().get("aws:api_id")).containsExactly(value("abc123", API_ID));
        assertThat(s.annotations().get("order_id")).containsExactly(value("o-1000", ACCEPT_FN, UPDATE_FN));
        assertThat(s.annotations().get("amount")).containsExactly(value(10.5, ACCEPT_FN));
        assertThat(s.annotations().get("express")).containsExactly(value(true, ACCEPT_FN));
        assertThat(s.annotations().get("items")).containsExactly(value(3.0, UPDATE_FN));
        assertThat(s.users()).isEmpty();
        assertThat(s.serviceIds()).containsExactly(API_ID, ACCEPT_SVC, ACCEPT_FN, TOPIC_ACCEPTED, DECRYPT_SVC,
                DECRYPT_FN, TOPIC_DECRYPTED, UPDATE_SVC, UPDATE_FN, TABLE);
        assertThat(s.resourceArns()).extracting(TraceSummary.ResourceArn::arn).containsExactly(STAGE_ARN,
                ShopTraces.functionArn(ACCEPT), ShopTraces.functionArn(DECRYPT), ShopTraces.functionArn(UPDATE_DB));
        assertThat(s.instanceIds()).isEmpty();
        assertThat(s.availabilityZones()).isEmpty();
        assertThat(s.entryPoint()).isEqualTo(API_ID);
        assertThat(s.faultRootCauses()).isEmpty();
        assertThat(s.errorRootCauses()).isEmpty();
        assertThat(s.revision()).isEqualTo(7);
        // slowest chain: api 440 → Lambda 432 → accept service 428 → function 424 → Initialization 300
        assertThat(s.responseTimeRootCauses()).containsExactly(new RootCause(List.of(
                service(API_ID, false, slow(API, 1.0, false), slow("Lambda", 0.981818, true)),
                service(ACCEPT_SVC, false, slow(ACCEPT, 0.972727, false)),
                service(ACCEPT_FN, false, slow(ACCEPT, 0.963636, false), slow("Initialization", 0.681818, false))),
                true));
    }

    @Test
    void slowPublishIsTheResponseTimeRootCauseAndEndsAtTheTopic() {
        TraceSummary s = summary(3);
        assertThat(s.responseTime()).isEqualTo(0.46);
        assertThat(s.duration()).isEqualTo(0.62);
        // api 460 → Lambda 452 → service 448 → function 444 → Invocation 440 → SNS 400; the decrypt call ends after
        // the publish returns (asynchronous) so the chain stops at the topic
        assertThat(s.responseTimeRootCauses()).containsExactly(new RootCause(List.of(
                service(API_ID, false, slow(API, 1.0, false), slow("Lambda", 0.982609, true)),
                service(ACCEPT_SVC, false, slow(ACCEPT, 0.973913, false)),
                service(ACCEPT_FN, false, slow(ACCEPT, 0.965217, false), slow("Invocation", 0.956522, false),
                        slow("SNS", 0.869565, true)),
                service(TOPIC_ACCEPTED, true, slow(ShopTraces.TOPIC_ACCEPTED, 0.869565, false))), true));
    }

    @Test
    void rejectedOrderIsAnErrorWhoseRootCauseIsTheStage() {
        TraceSummary s = summary(6);
        assertThat(s.hasError()).isTrue();
        assertThat(s.hasFault()).isFalse();
        assertThat(s.hasThrottle()).isFalse();
        assertThat(s.http().httpStatus()).isEqualTo(400);
        assertThat(s.duration()).isEqualTo(0.05);
        assertThat(s.responseTime()).isEqualTo(0.05);
        assertThat(s.errorRootCauses()).containsExactly(new RootCause(List.of(service(API_ID, false,
                faulty(API, false))), true));
        assertThat(s.faultRootCauses()).isEmpty();
        assertThat(s.serviceIds()).containsExactly(API_ID, ACCEPT_SVC, ACCEPT_FN);
        assertThat(s.annotations().get("express")).containsExactly(value(true, ACCEPT_FN));
        assertThat(s.annotations().get("amount")).containsExactly(value(16.5, ACCEPT_FN));
    }

    @Test
    void throttledRequestIsBothErrorAndThrottle() {
        TraceSummary s = summary(7);
        assertThat(s.hasThrottle()).isTrue();
        assertThat(s.hasError()).isTrue();
        assertThat(s.hasFault()).isFalse();
        assertThat(s.http().httpStatus()).isEqualTo(429);
        assertThat(s.duration()).isEqualTo(0.01);
        assertThat(s.serviceIds()).containsExactly(API_ID);
        assertThat(s.errorRootCauses()).containsExactly(new RootCause(List.of(service(API_ID, false,
                faulty(API, false))), true));
        assertThat(s.revision()).isEqualTo(1);
    }

    @Test
    void crashingAcceptFunctionIsTheFaultRootCause() {
        TraceSummary s = summary(8);
        assertThat(s.hasFault()).isTrue();
        assertThat(s.hasError()).isFalse();
        assertThat(s.http().httpStatus()).isEqualTo(502);
        assertThat(s.faultRootCauses()).containsExactly(new RootCause(List.of(
                service(API_ID, false, faulty(API, false), faulty("Lambda", true)),
                service(ACCEPT_SVC, false, faulty(ACCEPT, false)),
                service(ACCEPT_FN, false, faulty(ACCEPT, false,
                        new RootCauseException("ValueError", "payload is not valid base64")))), true));
        assertThat(s.errorRootCauses()).isEmpty();
    }

    @Test
    void missingTableFaultDoesNotImpactTheClient() {
        TraceSummary s = summary(9);
        assertThat(s.hasFault()).isFalse(); // the root (Lambda service) answered 200
        assertThat(s.hasError()).isFalse();
        assertThat(s.entryPoint()).isEqualTo(UNITTEST_SVC);
        assertThat(s.http()).isEqualTo(new HttpSummary(null, 200, null, null, null));
        assertThat(s.duration()).isEqualTo(0.9);
        assertThat(s.serviceIds()).containsExactly(UNITTEST_SVC, UNITTEST_FN, BAD);
        RootCauseException notFound = new RootCauseException("ResourceNotFoundException",
                "Requested resource not found");
        RootCause cause = new RootCause(List.of(
                service(UNITTEST_SVC, false, faulty(UNITTEST, false)),
                service(UNITTEST_FN, false, faulty(UNITTEST, false, notFound), faulty("Invocation", false),
                        faulty("DynamoDB", true, notFound)),
                service(BAD, true, faulty(BAD_TABLE, false))), false);
        assertThat(s.faultRootCauses()).containsExactly(cause);
        // DynamoDB answered 400 and flagged the call as a fault: it is both, so it is also the error root cause
        // (the function segment itself is a fault only)
        assertThat(s.errorRootCauses()).containsExactly(cause);
        assertThat(s.resourceArns()).extracting(TraceSummary.ResourceArn::arn)
                .containsExactly(ShopTraces.functionArn(UNITTEST));
    }

    @Test
    void loadGeneratorTraceCarriesUserInstanceAndZone() {
        TraceSummary s = summary(11);
        assertThat(s.entryPoint()).isEqualTo(LOADGEN_ID);
        assertThat(s.http()).isNull();
        assertThat(s.startTime()).isEqualTo(1764000660.0);
        assertThat(s.duration()).isEqualTo(0.27);     // chain shifted by 10 ms: update_db service ends at 270
        assertThat(s.responseTime()).isEqualTo(0.13);
        assertThat(s.users()).containsExactly(new TraceSummary.TraceUser("alice", List.of(LOADGEN_ID)));
        assertThat(s.instanceIds()).extracting(TraceSummary.InstanceId::id).containsExactly(ShopTraces.INSTANCE);
        assertThat(s.availabilityZones()).extracting(TraceSummary.AvailabilityZone::name)
                .containsExactly(ShopTraces.ZONE);
        assertThat(new ArrayList<>(s.annotations().keySet())).containsExactly("run_id", "concurrency", "warmup",
                "aws:api_id", "aws:api_stage", "order_id", "amount", "express", "items");
        assertThat(s.annotations().get("run_id")).containsExactly(value("r-11", LOADGEN_ID));
        assertThat(s.annotations().get("concurrency")).containsExactly(value(4.0, LOADGEN_ID));
        assertThat(s.annotations().get("warmup")).containsExactly(value(false, LOADGEN_ID));
        assertThat(s.annotations().get("express")).containsExactly(value(false, ACCEPT_FN));
        assertThat(s.serviceIds()).containsExactly(LOADGEN_ID, API_ID, ACCEPT_SVC, ACCEPT_FN, TOPIC_ACCEPTED,
                DECRYPT_SVC, DECRYPT_FN, TOPIC_DECRYPTED, UPDATE_SVC, UPDATE_FN, TABLE);
        assertThat(s.hasError()).isFalse();
        assertThat(s.faultRootCauses()).isEmpty();
        assertThat(s.errorRootCauses()).isEmpty();
    }

    @Test
    void downstreamErrorHandledByTheCallerIsARootCauseButNotATraceError() {
        TraceSummary s = summary(12);
        assertThat(s.hasError()).isFalse();
        assertThat(s.users()).containsExactly(new TraceSummary.TraceUser("bob", List.of(LOADGEN_ID)));
        assertThat(s.errorRootCauses()).containsExactly(new RootCause(List.of(
                service(LOADGEN_ID, false, faulty(LOADGEN, false), faulty(ShopTraces.API_HOST, true)),
                service(API_ID, false, faulty(API, false))), false));
    }

    @Test
    void inProgressSegmentMakesTheTracePartial() {
        TraceSummary s = summary(5);
        assertThat(s.isPartial()).isTrue();
        assertThat(s.duration()).isEqualTo(0.26);
        assertThat(s.responseTime()).isEqualTo(0.1);
    }

    @Test
    void atMostFiftyAnnotationKeysAreIndexed() {
        dev.tracedesk.xray.segment.Segment.Builder b = dev.tracedesk.xray.segment.Segment.builder()
                .id("0000000000000001").name("many").traceId("1-6650a1b2-3c4d5e6f708192a3b4c5d6e7")
                .startTime(1).endTime(2);
        for (int i = 0; i < 60; i++) {
            b.annotation(String.format("k%02d", i), new dev.tracedesk.xray.segment.AnnotationValue.Num(i));
        }
        dev.tracedesk.xray.trace.Trace t = dev.tracedesk.xray.trace.TraceAssembler.assemble(
                dev.tracedesk.xray.TraceId.of("1-6650a1b2-3c4d5e6f708192a3b4c5d6e7"), List.of(b.build()));
        TraceSummary s = TraceSummaries.of(t);
        assertThat(s.annotations()).hasSize(50).containsKey("k49").doesNotContainKey("k50");
    }

    @Test
    void traceWithOnlyAnOrphanSubsegmentStillSummarises() {
        String trace = "1-6650a1b2-3c4d5e6f708192a3b4c5d6e7";
        dev.tracedesk.xray.segment.Segment orphan = dev.tracedesk.xray.segment.SegmentCodec.read(
                "{\"type\":\"subsegment\",\"trace_id\":\"" + trace + "\",\"parent_id\":\"00000000000000ff\","
                        + "\"id\":\"0000000000000002\",\"name\":\"x\",\"start_time\":1,\"end_time\":2}");
        TraceSummary s = TraceSummaries.of(dev.tracedesk.xray.trace.TraceAssembler.assemble(
                dev.tracedesk.xray.TraceId.of(trace), List.of(orphan)));
        assertThat(s.isPartial()).isTrue();
        assertThat(s.entryPoint()).isNull();
        assertThat(s.duration()).isNull();
        assertThat(s.serviceIds()).isEmpty();
        assertThat(ApiJson.write(s)).startsWith("{\"Id\":\"" + trace + "\",\"HasFault\":false");
    }

    @Test
    void responseBodyShape() {
        TraceSummariesResponse r = new TraceSummariesResponse(List.of(summary(7)), 1764000420.0, 13, null);
        assertThat(ApiJson.write(r)).startsWith("{\"TraceSummaries\":[{\"Id\":\"" + ShopTraces.traceId(7) + "\"")
                .endsWith("\"ApproximateTime\":1764000420,\"TracesProcessedCount\":13}");
    }

    @Test
    void serializesToTheApiShape() throws Exception {
        TraceSummary s = summary(11).withMatchedEventTime(1764000660.25);
        String json = ApiJson.write(s);
        JsonNode n = ApiJson.mapper().readTree(json);
        List<String> fields = new ArrayList<>();
        n.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("Id", "StartTime", "Duration", "ResponseTime", "HasFault", "HasError",
                "HasThrottle", "IsPartial", "Annotations", "Users", "ServiceIds", "ResourceARNs", "InstanceIds",
                "AvailabilityZones", "EntryPoint", "FaultRootCauses", "ErrorRootCauses", "ResponseTimeRootCauses",
                "Revision", "MatchedEventTime");
        assertThat(json).contains("\"StartTime\":1764000660,").contains("\"MatchedEventTime\":1764000660.25")
                .contains("\"concurrency\":[{\"AnnotationValue\":{\"NumberValue\":4.0},\"ServiceIds\":[{\"Name\":\""
                        + LOADGEN + "\",\"Names\":[\"" + LOADGEN + "\"],\"Type\":\"AWS::EC2::Instance\"}]}]")
                .contains("\"Users\":[{\"UserName\":\"alice\",\"ServiceIds\":[")
                .contains("\"InstanceIds\":[{\"Id\":\"" + ShopTraces.INSTANCE + "\"}]")
                .contains("\"AvailabilityZones\":[{\"Name\":\"eu-west-1a\"}]")
                .contains("\"ResourceARNs\":[{\"ARN\":\"" + STAGE_ARN + "\"}");
        assertThat(n.at("/ResponseTimeRootCauses/0/Services/0/EntityPath/0").toString())
                .isEqualTo("{\"Name\":\"" + LOADGEN + "\",\"Coverage\":1.0,\"Remote\":false}");
        String fault = ApiJson.write(summary(8));
        assertThat(fault).contains("\"Http\":{\"HttpURL\":\"" + ShopTraces.API_URL
                + "\",\"HttpStatus\":502,\"HttpMethod\":\"POST\",\"UserAgent\":\"tracedesk-loadgen/1.0\","
                + "\"ClientIp\":\"198.51.100.18\"}");
        assertThat(ApiJson.mapper().readTree(fault).at("/FaultRootCauses/0/Services/2").toString()).isEqualTo(
                "{\"Name\":\"" + ACCEPT + "\",\"Names\":[\"" + ACCEPT + "\"],\"Type\":\"AWS::Lambda::Function\","
                        + "\"AccountId\":\"" + ACCOUNT + "\",\"EntityPath\":[{\"Name\":\"" + ACCEPT + "\","
                        + "\"Exceptions\":[{\"Name\":\"ValueError\",\"Message\":\"payload is not valid base64\"}],"
                        + "\"Remote\":false}],\"Inferred\":false}");
    }
}
