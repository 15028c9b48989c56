package dev.tracedesk.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracedesk.aws.AwsProblem;
import dev.tracedesk.aws.AwsProblemException;
import dev.tracedesk.aws.ProblemKind;
import dev.tracedesk.explore.map.ServiceMap;
import dev.tracedesk.filter.CompiledFilter;
import dev.tracedesk.filter.FilterParser;
import dev.tracedesk.filter.Filters;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import dev.tracedesk.ui.common.TimeWindow;
import dev.tracedesk.xray.Outcome;
import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.graph.ServiceGraph;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceMapViewModelTest {
    static final Instant FROM = Instant.ofEpochSecond(ShopTraces.T0);
    static final Instant TO = Instant.ofEpochSecond(ShopTraces.T0 + 13 * 60); // 13 minutes
    static final String FN = "AWS::Lambda::Function";

    private final FixedMapContext context = new FixedMapContext(new TimeWindow(FROM, TO));
    private final AtomicReference<ServiceMap> served = new AtomicReference<>(shopMap());
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private ServiceMapViewModel model;

    static ServiceMap shopMap() {
        return ServiceMap.of(ServiceGraph.ofTraces(ShopTraces.all()), FROM, TO);
    }

    @BeforeEach
    void load() {
        BackgroundTasks tasks = BackgroundTasks.currentThread(new TaskMonitor(), new ErrorReporter(Clock.systemUTC()));
        model = new ServiceMapViewModel(Strings.bundle(), (query, progress) -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return served.get();
        }, context, tasks);
        model.reload();
    }

    private int node(String name, String type) {
        return model.renderedProperty().get().map().indexOf(name, type);
    }

    @Test
    void aLoadedMapIsReadyAndLaidOut() {
        assertThat(model.getState()).isEqualTo(ServiceMapViewModel.State.READY);
        assertThat(model.renderedProperty().get().layout().nodeX()).hasSize(17);
        assertThat(model.summaryProperty().get()).isEqualTo("17 nodes · 15 edges");
    }

    @Test
    void theUnitTestFunctionsRingIsAllFault() {
        assertThat(model.ring(node(ShopTraces.UNITTEST, FN)))
                .containsExactly(new ServiceMapViewModel.RingSegment(Outcome.FAULT, 1.0));
        assertThat(model.nodeProblems(node(ShopTraces.UNITTEST, FN))).isEqualTo("fault 100%");
        assertThat(MapPalette.LIGHT.of(Outcome.FAULT)).isEqualTo(javafx.scene.paint.Color.web("#d43a2f"));
    }

    @Test
    void theGatewayRingSplitsItsCallsByOutcome() {
        List<ServiceMapViewModel.RingSegment> ring = model.ring(node(ShopTraces.API, "AWS::ApiGateway::Stage"));
        assertThat(ring).extracting(ServiceMapViewModel.RingSegment::outcome)
                .containsExactly(Outcome.OK, Outcome.ERROR, Outcome.THROTTLE, Outcome.FAULT);
        assertThat(ring.get(0).share()).isCloseTo(7 / 11.0, within(1e-9));
        assertThat(ring.get(1).share()).isCloseTo(2 / 11.0, within(1e-9));
        assertThat(ring.get(2).share()).isCloseTo(1 / 11.0, within(1e-9));
        assertThat(ring.get(3).share()).isCloseTo(1 / 11.0, within(1e-9));
        assertThat(model.nodeProblems(node(ShopTraces.API, "AWS::ApiGateway::Stage")))
                .isEqualTo("fault 9.1% · throttle 9.1% · error 18%");
    }

    @Test
    void nodeFiguresAreAverageLatencyAndCallsPerMinute() {
        // decrypt: 7 invocations of 96 ms in a 13-minute window
        assertThat(model.nodeFigures(node(ShopTraces.DECRYPT, FN))).isEqualTo("96 ms · 0.54/min");
        assertThat(model.nodeFigures(node(ShopTraces.API, "client"))).isEmpty();
    }

    @Test
    void selectingANodeShowsItsStatisticsAndPercentiles() {
        model.selectNode(node(ShopTraces.UNITTEST, FN));
        SelectionDetails d = model.detailsProperty().get();
        assertThat(d.title()).isEqualTo(ShopTraces.UNITTEST);
        assertThat(d.kind()).isEqualTo("Lambda function");
        assertThat(d.stats().fault()).isEqualTo(2);
        assertThat(d.p50()).isEqualTo(0.096);
        assertThat(d.p99()).isEqualTo(0.896);
        assertThat(d.responseTimes().totalCount()).isEqualTo(2);
    }

    @Test
    void viewTracesOfANodeWithABrushIsAReadableServiceFilter() {
        model.selectNode(node(ShopTraces.DECRYPT, FN));
        assertThat(model.viewTracesFilterProperty().get())
                .isEqualTo("service(id(name: \"AMIS_shop_decrypt\", type: \"AWS::Lambda::Function\"))");
        model.brushProperty().set(new ServiceMapViewModel.LatencyRange(0.4, Double.NaN));
        String text = model.viewTracesFilterProperty().get();
        assertThat(text).isEqualTo(
                "service(id(name: \"AMIS_shop_decrypt\", type: \"AWS::Lambda::Function\")) { responsetime >= 0.4 }");
        assertThat(Filters.print(FilterParser.parse(text))).isEqualTo(text);

        model.viewTraces();
        assertThat(context.opened).containsExactly(text);
    }

    @Test
    void theNodeFilterSelectsExactlyTheTracesThatPassThroughTheNode() {
        model.selectNode(node(ShopTraces.DECRYPT, FN));
        CompiledFilter filter = CompiledFilter.compile(model.viewTracesFilterProperty().get());
        List<Integer> matched = new java.util.ArrayList<>();
        for (int k = 0; k < ShopTraces.COUNT; k++) {
            if (filter.matches(dev.tracedesk.filter.TraceFacts.of(ShopTraces.trace(k)))) {
                matched.add(k);
            }
        }
        assertThat(matched).containsExactly(0, 1, 2, 3, 4, 5, 11);
    }

    @Test
    void anEdgeFilterNamesBothEndsAndABrushedRange() {
        ServiceMap map = model.renderedProperty().get().map();
        int edge = map.edgeIndex(node(ShopTraces.UNITTEST, FN), node(ShopTraces.BAD_TABLE, "AWS::DynamoDB::Table"));
        model.selectEdge(edge);
        model.brushProperty().set(new ServiceMapViewModel.LatencyRange(0.01, 0.03));
        assertThat(model.viewTracesFilterProperty().get()).isEqualTo("edge(id(name: \"" + ShopTraces.UNITTEST
                + "\", type: \"AWS::Lambda::Function\"), id(name: \"non-existing-AMIS-unittest-shop\", type: "
                + "\"AWS::DynamoDB::Table\")) { responsetime >= 0.01 AND responsetime <= 0.03 }");
        assertThat(model.detailsProperty().get().title()).endsWith("→ non-existing-AMIS-unittest-shop");
        assertThat(model.edgeTooltip(edge)).contains("2 calls: 0 ok, 0 error, 2 fault, 0 throttle");
    }

    @Test
    void aClientNodeStandsForItsRootService() {
        model.selectNode(node(ShopTraces.API, "client"));
        assertThat(model.viewTracesFilterProperty().get())
                .isEqualTo("service(id(name: \"AMIS_api_gateway/prod\", type: \"AWS::ApiGateway::Stage\"))");
    }

    @Test
    void liveRefreshKeepsTheSelectionAndTheLayoutWhenOnlyCountsChange() {
        model.selectNode(node(ShopTraces.DECRYPT, FN));
        var layout = model.renderedProperty().get().layout();
        served.set(ServiceMap.of(ServiceGraph.ofTraces(ShopTraces.all().subList(0, 13)), FROM, TO));
        context.refresh();
        assertThat(model.renderedProperty().get().layout()).isSameAs(layout);
        assertThat(model.detailsProperty().get().title()).isEqualTo(ShopTraces.DECRYPT);
    }

    @Test
    void withLiveOffRefreshesDoNotReload() {
        model.liveProperty().set(false);
        served.set(ServiceMap.of(ServiceGraph.ofTraces(List.of()), FROM, TO));
        context.refresh();
        assertThat(model.getState()).isEqualTo(ServiceMapViewModel.State.READY);
    }

    @Test
    void searchStepsThroughMatchingNodes() {
        int first = model.search("decrypt");
        int second = model.search("decrypt");
        ServiceMap map = model.renderedProperty().get().map();
        assertThat(map.nodes().get(first).name()).isEqualTo(ShopTraces.DECRYPT);
        assertThat(map.nodes().get(second).name()).isEqualTo(ShopTraces.DECRYPT);
        assertThat(second).isNotEqualTo(first);
        assertThat(model.search("no such node")).isEqualTo(-1);
    }

    @Test
    void arrowKeysMoveAlongTheCallChain() {
        model.selectNode(node(ShopTraces.DECRYPT, "AWS::Lambda"));
        int next = model.selectNeighbour(ServiceMapViewModel.Direction.RIGHT);
        var layout = model.renderedProperty().get().layout();
        assertThat(layout.ringX(next)).isGreaterThan(layout.ringX(node(ShopTraces.DECRYPT, "AWS::Lambda")));
    }

    @Test
    void anEmptyWindowSaysThereAreNoTraces() {
        served.set(ServiceMap.of(ServiceGraph.ofTraces(List.of()), FROM, TO));
        model.reload();
        assertThat(model.getState()).isEqualTo(ServiceMapViewModel.State.EMPTY);
        assertThat(model.messageTitleProperty().get()).isEqualTo("No traces in this time range");
    }

    @Test
    void aConnectionFailureOnTheSandboxSaysTheSandboxIsNotRunning() {
        failure.set(new AwsProblemException(new AwsProblem(ProblemKind.NETWORK_UNREACHABLE, "unreachable",
                Optional.empty(), ""), null));
        model.reload();
        assertThat(model.getState()).isEqualTo(ServiceMapViewModel.State.ERROR);
        assertThat(model.messageTitleProperty().get()).isEqualTo("The sandbox is not running");
    }

    @Test
    void aMissingPermissionIsNamed() {
        failure.set(new AwsProblemException(new AwsProblem(ProblemKind.ACCESS_DENIED, "denied",
                Optional.of("xray:GetServiceGraph"), ""), null));
        model.reload();
        assertThat(model.messageTitleProperty().get()).isEqualTo("No permission to read the service map");
        assertThat(model.messageTextProperty().get()).contains("xray:GetServiceGraph");
    }
}
