package dev.tracedesk.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracedesk.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** The Logs API through the real SDK v2 client against a sandbox on a free port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogsApiTest {
    @TempDir
    static Path dir;
    Sandbox sandbox;
    CloudWatchLogsClient logs;
    static final String GROUP = "/aws/lambda/fn";

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        logs = CloudWatchLogsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + sandbox.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"))).build();
        sandbox.logs().append(GROUP, "2026/01/01/[$LATEST]aaa", List.of(
                new LogStore.Line(1000, "START RequestId: r1 Version: $LATEST"),
                new LogStore.Line(1001, "2026-01-01T00:00:01Z\tr1\tINFO\taccepted message m1 of shop s1"),
                new LogStore.Line(1002, "END RequestId: r1"),
                new LogStore.Line(1003, "REPORT RequestId: r1\tDuration: 1.00 ms\t\nXRAY TraceId: 1-5759e988-bd862e3fe1be46a994272793\tSegmentId: 0123456789abcdef\tSampled: true\t")));
        sandbox.logs().append(GROUP, "2026/01/01/[$LATEST]bbb", List.of(
                new LogStore.Line(2000, "START RequestId: r2 Version: $LATEST"),
                new LogStore.Line(2001, "2026-01-01T00:00:02Z\tr2\tERROR\tduplicate delivery of order m1"),
                new LogStore.Line(2003, "REPORT RequestId: r2\tDuration: 2.00 ms\t")));
        sandbox.logs().append("/aws/lambda/other", "s", List.of(new LogStore.Line(1500, "hello")));
    }

    @AfterAll
    void stop() {
        logs.close();
        sandbox.close();
    }

    private List<String> filter(String pattern) {
        return logs.filterLogEvents(b -> b.logGroupName(GROUP).filterPattern(pattern)).events().stream()
                .map(FilteredLogEvent::message).toList();
    }

    @Test
    void describesGroupsAndStreamsWithPrefixesAndPaging() {
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix("/aws/lambda/")).logGroups())
                .extracting(g -> g.logGroupName()).containsExactly("/aws/lambda/fn", "/aws/lambda/other");
        var page1 = logs.describeLogGroups(b -> b.limit(1));
        assertThat(page1.logGroups()).hasSize(1);
        assertThat(logs.describeLogGroups(b -> b.limit(1).nextToken(page1.nextToken())).logGroups())
                .extracting(g -> g.logGroupName()).containsExactly("/aws/lambda/other");
        var streams = logs.describeLogStreams(b -> b.logGroupName(GROUP).orderBy("LastEventTime").descending(true)).logStreams();
        assertThat(streams).extracting(s -> s.logStreamName()).containsExactly("2026/01/01/[$LATEST]bbb", "2026/01/01/[$LATEST]aaa");
        assertThat(streams.get(0).lastEventTimestamp()).isEqualTo(2003L);
    }

    @Test
    void filterPatternsTermsPhrasesOptionalAndExcluded() {
        assertThat(filter("REPORT")).hasSize(2);
        assertThat(filter("\"1-5759e988-bd862e3fe1be46a994272793\"")).hasSize(1).allMatch(m -> m.startsWith("REPORT RequestId: r1"));
        assertThat(filter("\"duplicate delivery\"")).hasSize(1);
        assertThat(filter("?ERROR ?END")).hasSize(2);
        assertThat(filter("RequestId -REPORT -START")).containsExactly("END RequestId: r1");
        assertThat(filter("report")).isEmpty(); // case-sensitive like CloudWatch
        assertThat(filter("")).hasSize(7);
    }

    @Test
    void filterHonoursTimeBoundsStreamsAndPagesWithTokens() {
        assertThat(logs.filterLogEvents(b -> b.logGroupName(GROUP).startTime(1002L).endTime(2000L)).events())
                .extracting(FilteredLogEvent::timestamp).containsExactly(1002L, 1003L, 2000L);
        assertThat(logs.filterLogEvents(b -> b.logGroupName(GROUP).logStreamNames("2026/01/01/[$LATEST]bbb")).events()).hasSize(3);
        List<Long> seen = new ArrayList<>();
        int pages = 0;
        for (FilterLogEventsResponse p : logs.filterLogEventsPaginator(b -> b.logGroupName(GROUP).limit(2))) {
            pages++;
            p.events().forEach(e -> seen.add(e.timestamp()));
        }
        assertThat(seen).containsExactly(1000L, 1001L, 1002L, 1003L, 2000L, 2001L, 2003L);
        assertThat(pages).isGreaterThanOrEqualTo(4);
    }

    @Test
    void getLogEventsReadsAStreamBothWays() {
        GetLogEventsResponse head = logs.getLogEvents(b -> b.logGroupName(GROUP).logStreamName("2026/01/01/[$LATEST]aaa")
                .startFromHead(true).limit(3));
        assertThat(head.events()).extracting(OutputLogEvent::timestamp).containsExactly(1000L, 1001L, 1002L);
        GetLogEventsResponse next = logs.getLogEvents(b -> b.logGroupName(GROUP).logStreamName("2026/01/01/[$LATEST]aaa")
                .nextToken(head.nextForwardToken()));
        assertThat(next.events()).extracting(OutputLogEvent::timestamp).containsExactly(1003L);
        GetLogEventsResponse end = logs.getLogEvents(b -> b.logGroupName(GROUP).logStreamName("2026/01/01/[$LATEST]aaa")
                .nextToken(next.nextForwardToken()));
        assertThat(end.events()).isEmpty();
        assertThat(end.nextForwardToken()).isEqualTo(next.nextForwardToken());
        GetLogEventsResponse tail = logs.getLogEvents(b -> b.logGroupName(GROUP).logStreamName("2026/01/01/[$LATEST]aaa").limit(2));
        assertThat(tail.events()).extracting(OutputLogEvent::timestamp).containsExactly(1002L, 1003L);
    }

    @Test
    void errorsHaveTheAwsShapes() throws Exception {
        assertThatThrownBy(() -> logs.filterLogEvents(b -> b.logGroupName("/aws/lambda/missing")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("The specified log group does not exist.");
        assertThatThrownBy(() -> logs.getLogEvents(b -> b.logGroupName(GROUP).logStreamName("nope")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("log stream does not exist");
        assertThatThrownBy(() -> logs.filterLogEvents(b -> b.logGroupName(GROUP).logStreamNames("a").logStreamNamePrefix("b")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.filterLogEvents(b -> b.logGroupName(GROUP).filterPattern("{ $.level = \"ERROR\" }")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.filterLogEvents(b -> b.logGroupName(GROUP).filterPattern("\"unterminated")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> logs.filterLogEvents(b -> b.logGroupName(GROUP).nextToken("garbage!")))
                .isInstanceOf(InvalidParameterException.class);
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.port() + "/"))
                .header("X-Amz-Target", "Logs_20140328.NoSuchThing").header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(raw.body()).contains("\"__type\":\"UnknownOperationException\"");
    }
}
