package dev.tracedesk.bench;

import dev.tracedesk.filter.CompiledFilter;
import dev.tracedesk.filter.Expr;
import dev.tracedesk.filter.FilterParser;
import dev.tracedesk.filter.TraceFacts;
import dev.tracedesk.filter.TraceFactsBuilder;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Filter parsing and evaluation. The evaluation benchmarks scan 1,000,000 assembled shop-like traces (fixed seed) per
 * invocation, so their ops/s figure is traces evaluated per second. Run: {@code scripts/bench jmh FilterBench -f 1 -wi 2 -i 3}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class FilterBench {
    static final int TRACES = 1_000_000;
    static final int CHUNK = 10_000;
    static final String COMBINED = "responsetime > 0.4 AND service(\"AMIS_shop_decrypt\") { fault }";
    static final String SIMPLE = "responsetime > 0.4";
    static final String TYPICAL = "service(id(name: \"AMIS_shop_decrypt\", type: \"AWS::Lambda::Function\")) "
            + "{ responsetime >= 0.4 } OR (http.url CONTAINS \"/prod/shop\" AND annotation.amount > 20 AND !ok)";

    /** 1,000,000 traces' facts, built once per fork. */
    @State(Scope.Benchmark)
    public static class Traces {
        TraceFacts[] facts;
        CompiledFilter simple;
        CompiledFilter combined;

        @Setup(Level.Trial)
        public void build() {
            TraceFactsBuilder builder = new TraceFactsBuilder();
            long before = usedHeap();
            TraceFacts[] built = new TraceFacts[TRACES];
            long t = System.nanoTime();
            // deterministic chunks (seed 42 + chunk), generated on all cores: assembling a million traces is the slow part
            IntStream.range(0, TRACES / CHUNK).parallel().forEach(chunk -> {
                ShopLikeTraces generator = new ShopLikeTraces(42 + chunk, (long) chunk * CHUNK);
                for (int i = chunk * CHUNK; i < (chunk + 1) * CHUNK; i++) built[i] = builder.build(generator.next());
            });
            facts = built;
            long elapsed = System.nanoTime() - t;
            long after = usedHeap();
            simple = CompiledFilter.compile(SIMPLE);
            combined = CompiledFilter.compile(COMBINED);
            int s = 0;
            int c = 0;
            for (TraceFacts f : facts) {
                if (simple.matches(f)) s++;
                if (combined.matches(f)) c++;
            }
            System.out.printf("%n[FilterBench] %d traces generated+assembled+facts in %.1f s; facts retained %.0f bytes/trace"
                            + " (%d interned parts); matches: simple %d, combined %d%n",
                    TRACES, elapsed / 1e9, (after - before) / (double) TRACES, builder.internedCount(), s, c);
        }

        private static long usedHeap() {
            Runtime rt = Runtime.getRuntime();
            for (int i = 0; i < 3; i++) System.gc();
            return rt.totalMemory() - rt.freeMemory();
        }
    }

    @Benchmark
    @OperationsPerInvocation(TRACES)
    public int simpleKeyword(Traces t) {
        int hits = 0;
        CompiledFilter f = t.simple;
        for (TraceFacts facts : t.facts) if (f.matches(facts)) hits++;
        return hits;
    }

    @Benchmark
    @OperationsPerInvocation(TRACES)
    public int responseTimeAndServiceFault(Traces t) {
        int hits = 0;
        CompiledFilter f = t.combined;
        for (TraceFacts facts : t.facts) if (f.matches(facts)) hits++;
        return hits;
    }

    /** Parse (lex + parse + context checks) of a typical GUI filter, per second. */
    @Benchmark
    public Expr parse() {
        return FilterParser.parse(TYPICAL);
    }

    /** Parse + compile of the combined filter, per second (what a GetTraceSummaries request pays once). */
    @Benchmark
    public CompiledFilter parseAndCompile() {
        return CompiledFilter.compile(COMBINED);
    }
}
