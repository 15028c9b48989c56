package dev.tracedesk.bench;

import dev.tracedesk.explore.traces.TraceDocuments;
import dev.tracedesk.ui.trace.GraphicsContextPainter;
import dev.tracedesk.ui.trace.TimelineModel;
import dev.tracedesk.ui.trace.TimelinePainter;
import dev.tracedesk.ui.trace.TimelinePalette;
import dev.tracedesk.ui.trace.TimelineRenderer;
import dev.tracedesk.ui.trace.TimelineViewport;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import dev.tracedesk.xray.trace.Trace;
import dev.tracedesk.xray.trace.TraceAssembler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The trace timeline on generated traces of 1,000, 10,000 and 100,000 segments and subsegments:
 * <ul>
 * <li>{@code open}: lay the trace out ({@link TimelineModel#of}: nesting, critical path, cold starts, async hops)
 * and draw the first frame (the minimap merges every row) — draw calls counted;</li>
 * <li>{@code openOnCanvas}: the same, drawn into a JavaFX Canvas's GraphicsContext on Monocle (software pipeline);
 * the rasterisation at the next pulse is not included;</li>
 * <li>{@code panFrame} / {@code zoomFrame}: one interaction frame (viewport change + redraw), counted and on the
 * Canvas.</li>
 * </ul>
 * Targets: 10,000 open ≤ 200 ms; 100,000 open ≤ 1 s; pan/zoom frames ≤ 16 ms.
 * Run: {@code scripts/bench jmh TimelineBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
    "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TimelineBench {

    static final double WIDTH = 1600;
    static final double HEIGHT = 900;

    @Param({"1000", "10000", "100000"})
    public int segments;

    private Trace trace;
    private String json;
    private TimelineModel model;
    private TimelineViewport viewport;
    private final TimelineRenderer renderer = new TimelineRenderer();
    private Canvas canvas;
    private TimelinePainter canvasPainter;
    private int step;

    /** Counts draw calls; what a frame costs without the rasteriser. */
    static final class CountingPainter implements TimelinePainter {
        long calls;

        @Override
        public void fillRect(double x, double y, double w, double h, int argb) {
            calls++;
        }

        @Override
        public void strokeLine(double x1, double y1, double x2, double y2, int argb, boolean dashed) {
            calls++;
        }

        @Override
        public void text(String text, double x, double y, int argb, boolean bold) {
            calls++;
        }

        @Override
        public void clip(double x, double y, double w, double h) {
            calls++;
        }

        @Override
        public void unclip() {
            calls++;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        trace = generate(segments);
        json = batchJson(trace);
        model = TimelineModel.of(trace);
        viewport = new TimelineViewport();
        viewport.setBarWidth(WIDTH - renderer.nameWidth() - 8);
        viewport.reset(model.span());
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(30, TimeUnit.SECONDS);
        canvas = new Canvas(WIDTH, HEIGHT);
        canvasPainter = new GraphicsContextPainter(canvas.getGraphicsContext2D());
    }

    /**
     * A shop-like trace of about {@code n} entities: an API segment calling n/6 functions, each a Lambda service
     * segment and a function segment with Initialization (every 10th), Invocation (with a DynamoDB call) and
     * Overhead.
     */
    static Trace generate(int n) {
        TraceId id = TraceId.generate(Instant.parse("2026-11-28T00:00:00Z"));
        double t0 = 1_764_288_000.0;
        int calls = Math.max(1, (n - 1) / 7);
        List<Segment> docs = new ArrayList<>();
        Segment.Builder api = Segment.builder().id(hex(0)).name("api").traceId(id.value()).startTime(t0)
                .endTime(t0 + calls * 0.002 + 0.05).origin("AWS::ApiGateway::Stage");
        int next = 1;
        for (int c = 0; c < calls; c++) {
            double s = t0 + c * 0.002;
            String call = hex(next++);
            api.subsegment(Segment.builder().id(call).name("Lambda").namespace("aws").startTime(s).endTime(s + 0.04)
                    .build());
            String svc = hex(next++);
            docs.add(Segment.builder().id(svc).name("fn-" + (c % 50)).traceId(id.value()).parentId(call)
                    .origin("AWS::Lambda").startTime(s + 0.001).endTime(s + 0.039).build());
            Segment.Builder fn = Segment.builder().id(hex(next++)).name("fn-" + (c % 50)).traceId(id.value())
                    .parentId(svc).origin("AWS::Lambda::Function").startTime(s + 0.002).endTime(s + 0.038);
            double inv = s + 0.002;
            if (c % 10 == 0) {
                fn.subsegment(Segment.builder().id(hex(next++)).name("Initialization").startTime(s + 0.002)
                        .endTime(s + 0.012).build());
                inv = s + 0.012;
            } else {
                next++;
            }
            fn.subsegment(Segment.builder().id(hex(next++)).name("Invocation").startTime(inv).endTime(s + 0.034)
                    .subsegment(Segment.builder().id(hex(next++)).name("DynamoDB").namespace("aws")
                            .startTime(inv + 0.002).endTime(inv + 0.01).build())
                    .build());
            fn.subsegment(Segment.builder().id(hex(next++)).name("Overhead").startTime(s + 0.034).endTime(s + 0.038)
                    .build());
            docs.add(fn.build());
        }
        docs.add(0, api.build());
        return TraceAssembler.assemble(id, docs);
    }

    /**
     * The same trace as BatchGetTraces JSON, the way a real trace of this size arrives: every document under the
     * 64 KiB limit, so the API stage's calls are sent as independent subsegments.
     */
    static String batchJson(Trace trace) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = json.createObjectNode();
        com.fasterxml.jackson.databind.node.ObjectNode t = root.putArray("Traces").addObject();
        t.put("Id", trace.id().value());
        com.fasterxml.jackson.databind.node.ArrayNode segments = t.putArray("Segments");
        for (Segment s : trace.segments()) {
            if ("AWS::ApiGateway::Stage".equals(s.origin())) {
                for (Segment call : s.subsegments()) {
                    Segment independent = call.toBuilder().traceId(trace.id().value()).parentId(s.id())
                            .type(Segment.TYPE_SUBSEGMENT).build();
                    segments.addObject().put("Id", call.id()).put("Document", SegmentCodec.write(independent));
                }
                Segment bare = s.toBuilder().subsegments(List.of()).build();
                segments.addObject().put("Id", s.id()).put("Document", SegmentCodec.write(bare));
            } else {
                segments.addObject().put("Id", s.id()).put("Document", SegmentCodec.write(s));
            }
        }
        root.putArray("UnprocessedTraceIds");
        return root.toString();
    }

    private static String hex(int n) {
        return String.format("%016x", 0x1000_0000_0000L + n);
    }

    @Benchmark
    public long open() {
        TimelineModel m = TimelineModel.of(trace);
        TimelineViewport v = new TimelineViewport();
        v.reset(m.span());
        CountingPainter p = new CountingPainter();
        new TimelineRenderer().render(m, v, TimelinePalette.LIGHT, p, WIDTH, HEIGHT, -1);
        return p.calls + m.rowCount();
    }

    /**
     * What opening a fetched trace costs after the SDK call: decode the BatchGetTraces JSON (every segment document
     * parsed and validated), assemble the trace, lay it out and draw the first frame into the Canvas.
     */
    @Benchmark
    public void openFromJson(Blackhole bh) {
        Trace t = TraceDocuments.parse(json).traces().get(0);
        TimelineModel m = TimelineModel.of(t);
        TimelineViewport v = new TimelineViewport();
        v.reset(m.span());
        new TimelineRenderer().render(m, v, TimelinePalette.LIGHT, canvasPainter, WIDTH, HEIGHT, -1);
        bh.consume(m);
    }

    /** The decoding and assembly of {@link #openFromJson} alone. */
    @Benchmark
    public Trace decodeAndAssemble() {
        return TraceDocuments.parse(json).traces().get(0);
    }

    @Benchmark
    public void openOnCanvas(Blackhole bh) {
        TimelineModel m = TimelineModel.of(trace);
        TimelineViewport v = new TimelineViewport();
        v.reset(m.span());
        new TimelineRenderer().render(m, v, TimelinePalette.LIGHT, canvasPainter, WIDTH, HEIGHT, -1);
        bh.consume(m);
    }

    @Benchmark
    public long panFrame() {
        panStep();
        CountingPainter p = new CountingPainter();
        renderer.render(model, viewport, TimelinePalette.LIGHT, p, WIDTH, HEIGHT, 5);
        return p.calls;
    }

    @Benchmark
    public void panFrameOnCanvas() {
        panStep();
        renderer.render(model, viewport, TimelinePalette.LIGHT, canvasPainter, WIDTH, HEIGHT, 5);
    }

    @Benchmark
    public void zoomFrameOnCanvas() {
        viewport.zoom((step++ & 8) == 0 ? 0.9 : 1.0 / 0.9, 400);
        renderer.render(model, viewport, TimelinePalette.LIGHT, canvasPainter, WIDTH, HEIGHT, 5);
    }

    private void panStep() {
        step++;
        viewport.pan((step & 64) == 0 ? 25 : -25);
        viewport.setFirstRow((step * 7) % Math.max(1, model.visibleCount()), model.visibleCount(),
                TimelineRenderer.rowsShown(HEIGHT));
    }
}
