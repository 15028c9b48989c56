package dev.tracedesk.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.explore.traces.TraceGraphView;
import dev.tracedesk.explore.traces.TraceGraphView.Edge;
import dev.tracedesk.explore.traces.TraceGraphView.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniGraphTest {

    /**
     * client → stage → accept (Lambda + function) → topic → decrypt (Lambda + function, faulted) → table, as
     * GetTraceGraph answers: the client named after the stage, both roots.
     */
    private static TraceGraphView shopGraph() {
        return new TraceGraphView(List.of(
                new Node(0, "AMIS_api_gateway/prod", "client", true, false, false),
                new Node(1, "AMIS_api_gateway/prod", "AWS::ApiGateway::Stage", true, false, false),
                new Node(2, "AMIS_shop_accept", "AWS::Lambda", false, false, false),
                new Node(3, "AMIS_shop_accept", "AWS::Lambda::Function", false, false, false),
                new Node(4, "AMIS_shop_accepted", "AWS::SNS", false, false, false),
                new Node(5, "AMIS_shop_decrypt", "AWS::Lambda", false, false, false),
                new Node(6, "AMIS_shop_decrypt", "AWS::Lambda::Function", false, true, false),
                new Node(7, "AMIS-shop", "AWS::DynamoDB::Table", false, false, false)),
                List.of(new Edge(0, 1), new Edge(1, 2), new Edge(2, 3), new Edge(3, 4), new Edge(4, 5), new Edge(5, 6),
                        new Edge(6, 7)));
    }

    @Test
    void mergesEachLambdaServiceWithItsFunction() {
        MiniGraph g = MiniGraph.of(shopGraph());

        assertThat(g.nodes()).extracting(MiniGraph.Node::ref).containsExactly(0, 1, 2, 4, 5, 7);
        assertThat(g.edges()).containsExactly(new Edge(0, 1), new Edge(1, 2), new Edge(2, 4), new Edge(4, 5),
                new Edge(5, 7));
    }

    @Test
    void mergedNodeKeepsTheFunctionsFault() {
        MiniGraph g = MiniGraph.of(shopGraph());

        assertThat(g.nodes().stream().filter(n -> n.ref() == 5).findFirst().orElseThrow().fault()).isTrue();
        assertThat(g.nodes().stream().filter(n -> n.ref() == 2).findFirst().orElseThrow().fault()).isFalse();
    }

    @Test
    void labelsLeaveOutThePrefixEveryServiceShares() {
        MiniGraph g = MiniGraph.of(shopGraph());

        assertThat(g.nodes()).extracting(MiniGraph.Node::label)
                .containsExactly("client", "api_gateway/prod", "shop_accept", "shop_accepted", "shop_decrypt", "shop");
        assertThat(g.nodes()).extracting(MiniGraph.Node::name).contains("AMIS_shop_accept");
    }

    @Test
    void theClientComesBeforeTheEntryServiceThoughBothAreRoots() {
        var depth = TraceMiniMap.depths(MiniGraph.of(shopGraph()).asView());

        assertThat(depth).containsEntry(0, 0).containsEntry(1, 1).containsEntry(2, 2).containsEntry(4, 3)
                .containsEntry(5, 4).containsEntry(7, 5);
    }

    @Test
    void noPrefixIsCutWhenNamesShareNone() {
        TraceGraphView g = new TraceGraphView(List.of(
                new Node(0, "orders", "AWS::Lambda::Function", true, false, false),
                new Node(1, "ordersTable", "AWS::DynamoDB::Table", false, false, false)), List.of(new Edge(0, 1)));

        assertThat(MiniGraph.of(g).nodes()).extracting(MiniGraph.Node::label).containsExactly("orders", "ordersTable");
    }

    @Test
    void aLambdaServiceCallingADifferentFunctionIsNotMerged() {
        TraceGraphView g = new TraceGraphView(List.of(
                new Node(0, "a", "AWS::Lambda", true, false, false),
                new Node(1, "b", "AWS::Lambda::Function", false, false, false)), List.of(new Edge(0, 1)));

        assertThat(MiniGraph.of(g).nodes()).hasSize(2);
        assertThat(MiniGraph.of(g).edges()).containsExactly(new Edge(0, 1));
    }
}
