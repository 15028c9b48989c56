package dev.tracedesk.explore.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.explore.Session;
import dev.tracedesk.filter.FilterSyntaxException;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.SandboxFixture;
import dev.tracedesk.ui.map.ShopFeed;
import dev.tracedesk.xray.ShopTraces;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.XRayClient;

/** The map fetch against a sandbox fed with the re-timed shop traces: whole graph, and filtered through trace graphs. */
class ServiceMapServiceTest {
    static final String FN = "AWS::Lambda::Function";

    @TempDir
    static Path dir;
    static Sandbox sandbox;
    static Session session;
    static Instant now;

    @BeforeAll
    static void feed() throws Exception {
        sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
        now = Instant.now();
        try (XRayClient xray = SandboxFixture.client(sandbox.port())) {
            ShopFeed.put(xray, ShopFeed.shift(now.getEpochSecond(), 60));
        }
        sandbox.flush(Duration.ofSeconds(10));
        session = new Session(SandboxConnection.onLocalPort(sandbox.port()));
    }

    @AfterAll
    static void stop() {
        session.close();
        sandbox.close();
    }

    private ServiceMap fetch(String filter) {
        return new ServiceMapService(session).fetch(new MapQuery(now.minusSeconds(900), now.plusSeconds(60), null,
                filter), ServiceMapSource.Progress.NONE);
    }

    @Test
    void withoutAFilterTheMapIsTheServiceGraph() {
        ServiceMap map = fetch(null);
        assertThat(map.tracesUsed()).isEqualTo(-1);
        int unittest = map.indexOf(ShopTraces.UNITTEST, FN);
        assertThat(map.nodes().get(unittest).stats().fault()).isEqualTo(2);
        assertThat(map.nodes().get(map.indexOf(ShopTraces.DECRYPT, FN)).stats().total()).isEqualTo(7);
        assertThat(map.edgeIndex(map.indexOf(ShopTraces.API, "client"),
                map.indexOf(ShopTraces.API, "AWS::ApiGateway::Stage"))).isNotNegative();
    }

    @Test
    void aFilterBuildsTheMapFromTheMatchingTracesOnly() {
        ServiceMap map = fetch("service(id(name: \"" + ShopTraces.UNITTEST + "\", type: \"" + FN + "\"))");
        assertThat(map.tracesUsed()).isEqualTo(2);
        assertThat(map.nodes()).extracting(MapNode::name).containsOnly(ShopTraces.UNITTEST, ShopTraces.BAD_TABLE);
        assertThat(map.nodes().get(map.indexOf(ShopTraces.UNITTEST, FN)).stats().fault()).isEqualTo(2);
        assertThat(map.edges()).hasSize(3); // client → service → function → table
    }

    @Test
    void aMalformedFilterSaysWhereBeforeAnyCall() {
        assertThatThrownBy(() -> fetch("service(")).isInstanceOf(FilterSyntaxException.class);
    }
}
