package dev.tracedesk.bench;

import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.TraceId;
import dev.tracedesk.xray.graph.ServiceGraph;
import dev.tracedesk.xray.graph.ServiceGraphAggregator;
import dev.tracedesk.xray.segment.DecodeResult;
import dev.tracedesk.xray.segment.Segment;
import dev.tracedesk.xray.segment.SegmentCodec;
import dev.tracedesk.xray.summary.TraceSummaries;
import dev.tracedesk.xray.summary.TraceSummary;
import dev.tracedesk.xray.trace.Trace;
import dev.tracedesk.xray.trace.TraceAssembler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the xray model on shop-shaped data: decoding one segment document (the sandbox ingests 50 000/s),
 * assembling + summarising a 10-document trace, and adding traces to a service-graph aggregate.
 * Run: {@code scripts/bench jmh XrayBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class XrayBench {
    private String functionDocument;
    private String apiDocument;
    private List<Segment> streamedTrace;
    private TraceId streamedId;
    private List<Trace> traces;

    @Setup
    public void setUp() {
        List<String> docs = ShopTraces.documents(0);
        apiDocument = docs.get(0);
        functionDocument = docs.get(2);
        streamedTrace = ShopTraces.segments(4);
        streamedId = TraceId.of(ShopTraces.traceId(4));
        traces = ShopTraces.all();
    }

    @Benchmark
    public DecodeResult decodeLambdaFunctionSegment() {
        return SegmentCodec.decode(functionDocument);
    }

    @Benchmark
    public DecodeResult decodeApiGatewaySegment() {
        return SegmentCodec.decode(apiDocument);
    }

    @Benchmark
    public TraceSummary assembleAndSummarizeStreamedTrace() {
        Trace t = TraceAssembler.assemble(streamedId, streamedTrace);
        return TraceSummaries.of(t);
    }

    @Benchmark
    public ServiceGraph serviceGraphOf13Traces() {
        ServiceGraphAggregator a = new ServiceGraphAggregator();
        for (Trace t : traces) {
            a.add(t);
        }
        return a.build(ShopTraces.T0, ShopTraces.T0 + 780);
    }
}
