package dev.tracedesk.xray.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallGraphTest {
    private static final String TRACE = "1-6650a1b2-3c4d5e6f708192a3b4c5d6e7";

    private static Segment sub(String name, String namespace, String aws) {
        return SegmentCodec.read("{\"type\":\"subsegment\",\"trace_id\":\"" + TRACE + "\",\"parent_id\":\"0000000000000001\","
                + "\"id\":\"00000000000000" + Integer.toHexString(0x10 + (name.hashCode() & 0xef)) + "\",\"name\":\"" + name + "\","
                + (namespace == null ? "" : "\"namespace\":\"" + namespace + "\",")
                + (aws == null ? "" : "\"aws\":" + aws + ",")
                + "\"start_time\":1,\"end_time\":2}");
    }

    @Test
    void inferredIdentitiesFollowTheResourceType() {
        assertThat(InferredServices.of(sub("DynamoDb", "aws", "{\"operation\":\"GetItem\",\"table_name\":\"carts\"}")))
                .isEqualTo(ServiceId.of("carts", "AWS::DynamoDB::Table"));
        assertThat(InferredServices.of(sub("dynamodb", "aws", "{\"operation\":\"ListTables\"}")))
                .isEqualTo(ServiceId.of("DynamoDB", "AWS::DynamoDB"));
        assertThat(InferredServices.of(sub("SQS", "aws",
                "{\"operation\":\"SendMessage\",\"queue_url\":\"https://sqs.eu-west-1.amazonaws.com/123456789012/orders\"}")))
                .isEqualTo(ServiceId.of("orders", "AWS::SQS::Queue"));
        assertThat(InferredServices.of(sub("S3", "aws", "{\"operation\":\"GetObject\",\"bucket\":\"assets\"}")))
                .isEqualTo(ServiceId.of("assets", "AWS::S3::Bucket"));
        assertThat(InferredServices.of(sub("SNS", "aws",
                "{\"operation\":\"Publish\",\"topic_arn\":\"arn:aws:sns:eu-west-1:123456789012:orders\"}")))
                .isEqualTo(ServiceId.of("orders", "AWS::SNS::Topic"));
        assertThat(InferredServices.of(sub("Lambda", "aws",
                "{\"operation\":\"Invoke\",\"function_name\":\"arn:aws:lambda:eu-west-1:123456789012:function:fn:live\"}")))
                .isEqualTo(ServiceId.of("fn", "AWS::Lambda"));
        assertThat(InferredServices.of(sub("STS", "aws", "{\"operation\":\"GetCallerIdentity\",\"account_id\":\"999\"}")))
                .isEqualTo(new ServiceId("STS", "AWS::STS", "999"));
        assertThat(InferredServices.of(sub("payments.example.org", "remote", null)))
                .isEqualTo(ServiceId.of("payments.example.org", "remote"));
        assertThat(InferredServices.of(sub("local-work", null, null))).isNull();
    }

    @Test
    void sqlSubsegmentsBecomeDatabaseNodes() {
        Segment sql = SegmentCodec.read("{\"id\":\"0000000000000002\",\"name\":\"carts@db\",\"namespace\":\"remote\","
                + "\"start_time\":1,\"end_time\":2,\"sql\":{\"database_type\":\"PostgreSQL\"}}");
        assertThat(InferredServices.of(sql)).isEqualTo(ServiceId.of("carts@db", InferredServices.SQL_TYPE));
    }

    @Test
    void uninstrumentedCalleesAreInferredAndInstrumentedOnesAreReal() {
        String seg = "{\"name\":\"app\",\"id\":\"0000000000000001\",\"trace_id\":\"" + TRACE + "\",\"start_time\":1,"
                + "\"end_time\":3,\"origin\":\"AWS::EC2::Instance\",\"subsegments\":["
                + "{\"id\":\"0000000000000002\",\"name\":\"Lambda\",\"namespace\":\"aws\",\"start_time\":1.1,\"end_time\":1.5,"
                + "\"aws\":{\"operation\":\"Invoke\",\"function_name\":\"worker\"}},"
                + "{\"id\":\"0000000000000003\",\"name\":\"api.example.org\",\"namespace\":\"remote\",\"start_time\":1.6,"
                + "\"end_time\":1.9,\"http\":{\"request\":{\"traced\":true},\"response\":{\"status\":503}}},"
                + "{\"id\":\"0000000000000004\",\"name\":\"local\",\"start_time\":2,\"end_time\":2.1}]}";
        String callee = "{\"name\":\"api\",\"id\":\"0000000000000005\",\"trace_id\":\"" + TRACE + "\","
                + "\"parent_id\":\"0000000000000003\",\"start_time\":1.65,\"end_time\":1.85,\"fault\":true}";
        Trace t = TraceAssembler.assemble(TraceId.of(TRACE), List.of(SegmentCodec.read(callee), SegmentCodec.read(seg)));
        CallGraph g = t.callGraph();
        ServiceId app = new ServiceId("app", "AWS::EC2::Instance", null);
        ServiceId api = new ServiceId("api", null, null);
        ServiceId worker = ServiceId.of("worker", "AWS::Lambda");
        assertThat(g.nodes()).extracting(CallGraph.Node::id).containsExactly(
                ServiceId.of("app", "client"), app, worker, api);
        assertThat(g.node(worker).kind()).isEqualTo(CallGraph.Kind.INFERRED);
        assertThat(g.node(api).kind()).isEqualTo(CallGraph.Kind.REAL);
        assertThat(g.node(app).root()).isTrue();
        assertThat(g.calls()).extracting(c -> c.from().name() + "->" + c.to().name() + " via " + c.via().name())
                .containsExactly("app->app via app", "app->worker via Lambda", "app->api via api.example.org");
        assertThat(g.serviceIds()).containsExactly(app, worker, api);
        assertThat(g.inferredNodeOf(t.entity("0000000000000002"))).isEqualTo(worker);
        assertThat(g.inferredNodeOf(t.entity("0000000000000003"))).isNull();
    }

    @Test
    void lambdaServiceCallsItsFunctionAndSnsSitsBetweenPublisherAndSubscriber() {
        CallGraph g = ShopTraces.trace(1).callGraph();
        assertThat(g.calls()).extracting(c -> c.from() + " -> " + c.to()).contains(
                "AMIS_shop_accept [AWS::Lambda] -> AMIS_shop_accept [AWS::Lambda::Function] @123456789012",
                "AMIS_shop_accept [AWS::Lambda::Function] @123456789012 -> AMIS_shop_accepted [AWS::SNS::Topic]",
                "AMIS_shop_accepted [AWS::SNS::Topic] -> AMIS_shop_decrypt [AWS::Lambda]");
        assertThat(g.calls()).hasSize(10);
    }
}
