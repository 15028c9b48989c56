package dev.tracedesk.xray.segment;

import static dev.tracedesk.xray.segment.JsonAssert.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.xray.ShopTraces;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentCodecTest {

    /** A Java-SDK style segment with every block of spec §3, plus fields no schema knows. */
    static final String FULL_SEGMENT = """
            {"name":"cart-api","id":"6f2a9c01b3d4e5f6","trace_id":"1-6650a1b2-3c4d5e6f708192a3b4c5d6e7",
             "start_time":1.716560306012E9,"end_time":1716560306.410,"user":"u-1842","origin":"AWS::EC2::Instance",
             "parent_id":"53995c3f42cd8ad8","resource_arn":"arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc",
             "service":{"version":"1.4.2","runtime":"OpenJDK 64-Bit Server VM","runtime_version":"17.0.9"},
             "http":{"request":{"method":"GET","url":"https://shop.example.net/cart","user_agent":"curl/8.5.0",
                                "client_ip":"198.51.100.7","x_forwarded_for":true,"x_custom":"kept"},
                     "response":{"status":404,"content_length":-1,"x_extra":[1,2]}},
             "aws":{"account_id":"123456789012","ec2":{"instance_id":"i-0abc123def4567890","availability_zone":"eu-west-1a",
                    "instance_size":"t3.micro","ami_id":"ami-0123"},
                    "xray":{"sdk":"X-Ray for Java","sdk_version":"2.18.2","rule_name":"Default","auto_instrumentation":false},
                    "cloudwatch_logs":[{"log_group":"/app/cart","arn":"arn:aws:logs:eu-west-1:123456789012:log-group:/app/cart"}]},
             "error":true,
             "cause":{"working_directory":"/opt/cart","paths":["/opt/cart/lib/a.jar"],"custom":{"x":1},
                      "exceptions":[{"id":"0d7e2c1f9a8b7c6d","message":"no cart 77","type":"CartNotFound","remote":false,
                                     "truncated":3,"skipped":1,"cause":"1a2b3c4d5e6f7a8b","weird":true,
                                     "stack":[{"path":"Cart.java","line":77,"label":"Cart.load","col":9},
                                              {"path":"Api.java","line":12,"label":"Api.get"}]},
                                    {"id":"1a2b3c4d5e6f7a8b","message":"timeout","type":"java.net.SocketTimeoutException","remote":true}]},
             "annotations":{"tenant":"acme","items":3,"ratio":0.75,"negative":-2,"vip":false},
             "metadata":{"default":{"cart":{"items":3,"tags":["a","b"]}},"debug":{"q":"x"}},
             "custom_top_level":{"nested":[true,null,"x"]},
             "subsegments":[
               {"id":"0c1d2e3f40516273","name":"payments.example.org","namespace":"remote",
                "start_time":1716560306.050,"end_time":1716560306.301,"fault":true,"throttle":false,
                "http":{"request":{"method":"POST","url":"https://payments.example.org/charge","traced":true},
                        "response":{"status":502,"content_length":0}},
                "cause":"0d7e2c1f9a8b7c6d","precursor_ids":["1111111111111111"]},
               {"id":"2222222222222222","name":"carts@db.example.net","namespace":"remote","start_time":1716560306.302,
                "end_time":1716560306.320,"sql":{"url":"jdbc:postgresql://db.example.net:5432/carts","sanitized_query":"SELECT * FROM carts WHERE id = ?",
                "database_type":"PostgreSQL","database_version":"15.4","driver_version":"42.7.1","user":"cart","preparation":"statement",
                "connection_string":"db.example.net:5432","pool":"hikari"},
                "subsegments":[{"id":"3333333333333333","name":"fetch","start_time":1716560306.303,"in_progress":true}]},
               {"id":"4444444444444444","name":"DynamoDB","namespace":"aws","start_time":1716560306.321,"end_time":1716560306.330,
                "aws":{"operation":"GetItem","table_name":"carts","request_id":"R1","retries":0,"consumed_capacity":{"x":1}},
                "inferred":false}
             ]}""";

    static final String INDEPENDENT_SUBSEGMENT = """
            {"type":"subsegment","trace_id":"1-6650a1b2-3c4d5e6f708192a3b4c5d6e7","parent_id":"6f2a9c01b3d4e5f6",
             "id":"0c1d2e3f40516273","name":"payments.example.org","namespace":"remote",
             "start_time":1716560306.050,"end_time":1716560306.301,
             "http":{"request":{"method":"POST","url":"https://payments.example.org/charge","traced":true},
                     "response":{"status":502,"content_length":0}},
             "fault":true}""";

    @Test
    void readsEveryFieldOfAFullSegment() {
        Segment s = valid(FULL_SEGMENT);
        assertThat(s.name()).isEqualTo("cart-api");
        assertThat(s.id()).isEqualTo("6f2a9c01b3d4e5f6");
        assertThat(s.traceId()).isEqualTo("1-6650a1b2-3c4d5e6f708192a3b4c5d6e7");
        assertThat(s.parentId()).isEqualTo("53995c3f42cd8ad8");
        assertThat(s.startTime()).isEqualTo(1716560306.012);
        assertThat(s.endTime()).isEqualTo(1716560306.410);
        assertThat(s.isComplete()).isTrue();
        assertThat(s.user()).isEqualTo("u-1842");
        assertThat(s.origin()).isEqualTo("AWS::EC2::Instance");
        assertThat(s.resourceArn()).startsWith("arn:aws:ec2:");
        assertThat(s.service().get("version").asText()).isEqualTo("1.4.2");
        assertThat(s.http().request().method()).isEqualTo("GET");
        assertThat(s.http().request().clientIp()).isEqualTo("198.51.100.7");
        assertThat(s.http().request().xForwardedFor()).isTrue();
        assertThat(s.httpStatus()).isEqualTo(404);
        assertThat(s.http().response().contentLength()).isEqualTo(-1L);
        assertThat(s.awsText("ec2", "instance_id")).isEqualTo("i-0abc123def4567890");
        assertThat(s.awsText("account_id")).isEqualTo("123456789012");
        assertThat(s.error()).isTrue();
        assertThat(s.fault()).isFalse();
        Cause c = s.cause();
        assertThat(c.isReference()).isFalse();
        assertThat(c.workingDirectory()).isEqualTo("/opt/cart");
        assertThat(c.paths()).containsExactly("/opt/cart/lib/a.jar");
        assertThat(c.exceptions()).hasSize(2);
        Cause.ExceptionInfo x = c.exceptions().get(0);
        assertThat(x.type()).isEqualTo("CartNotFound");
        assertThat(x.truncated()).isEqualTo(3);
        assertThat(x.skipped()).isEqualTo(1);
        assertThat(x.cause()).isEqualTo("1a2b3c4d5e6f7a8b");
        assertThat(x.stack()).containsExactly(new Cause.StackFrame("Cart.java", 77, "Cart.load",
                        (com.fasterxml.jackson.databind.node.ObjectNode) JsonAssert.tree("{\"col\":9}")),
                Cause.StackFrame.of("Api.java", 12, "Api.get"));
        assertThat(c.exceptions().get(1).isRemote()).isTrue();
        assertThat(s.annotations()).containsEntry("tenant", new AnnotationValue.Str("acme"))
                .containsEntry("items", new AnnotationValue.Num(3, true))
                .containsEntry("ratio", new AnnotationValue.Num(0.75, false))
                .containsEntry("negative", new AnnotationValue.Num(-2, true))
                .containsEntry("vip", new AnnotationValue.Bool(false));
        assertThat(s.metadata().at("/default/cart/items").asInt()).isEqualTo(3);
        assertThat(s.extra().has("custom_top_level")).isTrue();
        assertThat(s.subsegments()).hasSize(3);
        Segment remote = s.subsegments().get(0);
        assertThat(remote.namespace()).isEqualTo("remote");
        assertThat(remote.http().request().traced()).isTrue();
        assertThat(remote.cause().isReference()).isTrue();
        assertThat(remote.cause().exceptionId()).isEqualTo("0d7e2c1f9a8b7c6d");
        assertThat(remote.precursorIds()).containsExactly("1111111111111111");
        Segment sql = s.subsegments().get(1);
        assertThat(sql.sql().databaseType()).isEqualTo("PostgreSQL");
        assertThat(sql.sql().preparation()).isEqualTo("statement");
        assertThat(sql.sql().extra().get("pool").asText()).isEqualTo("hikari");
        Segment inProgress = sql.subsegments().get(0);
        assertThat(inProgress.inProgress()).isTrue();
        assertThat(inProgress.hasEndTime()).isFalse();
        assertThat(inProgress.isComplete()).isFalse();
        assertThat(s.subsegments().get(2).awsText("table_name")).isEqualTo("carts");
        assertThat(s.subsegments().get(2).inferred()).isFalse();
        assertThat(s.rawDocument()).isEqualTo(FULL_SEGMENT);
    }

    @Test
    void fullSegmentRoundTripsWithUnknownFieldsKept() {
        Segment s = valid(FULL_SEGMENT);
        String written = SegmentCodec.write(s);
        assertSameJson(written, FULL_SEGMENT);
        assertThat(SegmentCodec.write(valid(written))).isEqualTo(written);
        assertThat(valid(written)).isEqualTo(s);
    }

    @Test
    void independentSubsegmentRoundTrips() {
        Segment s = valid(INDEPENDENT_SUBSEGMENT);
        assertThat(s.isIndependentSubsegment()).isTrue();
        assertThat(s.parentId()).isEqualTo("6f2a9c01b3d4e5f6");
        assertSameJson(SegmentCodec.write(s), INDEPENDENT_SUBSEGMENT);
    }

    @Test
    void everyShopDocumentRoundTrips() {
        for (int k = 0; k < ShopTraces.COUNT; k++) {
            for (String doc : ShopTraces.documents(k)) {
                assertSameJson(SegmentCodec.write(valid(doc)), doc);
            }
        }
    }

    @Test
    void timesAreWrittenInPlainNotation() {
        String written = SegmentCodec.write(valid(FULL_SEGMENT));
        assertThat(written).contains("\"start_time\":1716560306.012").contains("\"end_time\":1716560306.41")
                .doesNotContain("E9");
    }

    @Test
    void documentReturnsTheRawTextUntilTheSegmentIsChanged() {
        Segment s = valid(INDEPENDENT_SUBSEGMENT);
        assertThat(SegmentCodec.document(s)).isSameAs(INDEPENDENT_SUBSEGMENT);
        Segment changed = s.withSubsegments(List.of());
        assertThat(changed.rawDocument()).isNull();
        assertSameJson(SegmentCodec.document(changed), INDEPENDENT_SUBSEGMENT);
    }

    @Test
    void nullFieldsCountAsAbsent() {
        Segment s = valid("{\"name\":\"a\",\"id\":\"0123456789abcdef\",\"trace_id\":\"1-6650a1b2-3c4d5e6f708192a3b4c5d6e7\","
                + "\"start_time\":1,\"end_time\":2,\"parent_id\":null,\"user\":null}");
        assertThat(s.parentId()).isNull();
        assertThat(s.user()).isNull();
    }

    static Segment valid(String json) {
        DecodeResult r = SegmentCodec.decode(json);
        assertThat(r).as("decode %s", json).isInstanceOf(DecodeResult.Valid.class);
        return ((DecodeResult.Valid) r).segment();
    }
}
