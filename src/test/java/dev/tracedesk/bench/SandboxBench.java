package dev.tracedesk.bench;

import dev.tracedesk.sandbox.Sandbox;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.Map;
import java.util.function.Supplier;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;

/**
 * The sandbox benchmark (run with {@code scripts/bench sandbox [--traces N] [--rate R] [--senders S] [--burst-seconds B]
 * [--moto-traces M] [--warmup-traces W] [--ingest-only]}):
 * <ol>
 *   <li>after an unmeasured warm-up at the same rate, ingest over UDP loopback at a fixed rate (default 50,000
 *       segments/s) until N traces (2 documents each) are stored, counting loss, with CPU by thread, collection
 *       pauses and the kernel's per-socket view; then an unpaced burst for the maximum rate;</li>
 *   <li>GetTraceSummaries {@code responsetime > 0.4} over the N traces: first page and a full scan (all pages);</li>
 *   <li>GetServiceGraph over the window of all N traces;</li>
 *   <li>heap in use with N traces (after GC) and database size;</li>
 *   <li>the same PutTraceSegments / GetTraceSummaries / GetServiceGraph load against moto_server at a smaller
 *       scale (moto keeps everything in Python dicts), and against the sandbox at that same scale, for ratios.</li>
 * </ol>
 * The sandbox and the SDK client run in this JVM, the UDP senders in a process of their own ({@link UdpLoad}); all
 * share the machine's cores.
 */
public final class SandboxBench {
    /** Trace numbers of the warm-up: far from the measured ones, so their ids never collide. */
    private static final long WARMUP_FIRST = 3_000_000_000L;

    private SandboxBench() {}

    public static void main(String[] args) throws Exception {
        int traces = intArg(args, "--traces", 1_000_000);
        int rate = intArg(args, "--rate", 50_000);
        int motoTraces = intArg(args, "--moto-traces", 2_000);
        int burstSeconds = intArg(args, "--burst-seconds", 5);
        int senders = intArg(args, "--senders", 2);
        // Only the paced ingest (for tuning the receive path): no queries, burst, restart or moto.
        boolean ingestOnly = Arrays.asList(args).contains("--ingest-only");
        int warmup = intArg(args, "--warmup-traces", 50_000);
        GcPauses gcPauses = new GcPauses();
        Path dir = Files.createTempDirectory("sandbox-bench");
        System.out.printf(Locale.ROOT, "SandboxBench: %,d traces (%,d segments), rate %,d segments/s, data %s, %d cores, max heap %d MiB%n",
                traces, traces * 2L, rate, dir, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        System.out.printf(Locale.ROOT, "load average at start: %s; net.core.rmem_max %s; %d sender threads in a process of their own; collectors %s%n",
                loadAverage(), readProc("/proc/sys/net/core/rmem_max"), senders,
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        long base = Instant.now().getEpochSecond() - 3600;
        Instant from = Instant.ofEpochSecond(base - 60);
        Instant to = Instant.now().plusSeconds(3600);
        String firstPageBefore;
        long cold0 = System.nanoTime();
        // The default 2 GiB size cap would start evicting near 1 M traces; the benchmark measures without eviction.
        Sandbox.Config config = Sandbox.Config.defaults().port(0).dataDir(dir).maxBytes(64L << 30);
        try (Sandbox sb = Sandbox.start(config)) {
            System.out.printf(Locale.ROOT, "started empty in %.0f ms; UDP receive buffer granted %,d bytes%n", (System.nanoTime() - cold0) / 1e6, sb.udpReceiveBuffer());
            // 0. warm-up: the JIT compiles the receive and decode paths (a sandbox that has run for a while), unmeasured
            if (warmup > 0) {
                UdpLoad.run(sb.port(), "paced", WARMUP_FIRST, warmup, base, rate, senders);
                sb.flush(Duration.ofMinutes(10));
                System.out.printf(Locale.ROOT, "warm-up: %,d traces at %,d segments/s, stored; load average %s%n", warmup, rate, loadAverage());
            }
            // 1. sustained ingest at a fixed rate
            long receivedBeforePaced = sb.stats().received();
            long storedBeforePaced = sb.stats().stored();
            var cpu0 = ThreadCpu.snapshot();
            long sendStartMillis = System.currentTimeMillis();
            long t0 = System.nanoTime();
            UdpLoad.Result load;
            String socketsSeen;
            try (UdpSocketWatch watch = new UdpSocketWatch(sb.port())) {
                load = UdpLoad.run(sb.port(), "paced", 0, traces, base, rate, senders);
                socketsSeen = watch.summary();
            }
            long sent = load.sent();
            double sendSecs = load.seconds();
            var atEnd = sb.stats();
            String sendingCpu = ThreadCpu.between(cpu0, ThreadCpu.snapshot(), sendSecs)
                    + String.format(Locale.ROOT, "; the sending process %.1f s (%.0f%% of a core)", load.cpuSeconds(), 100 * load.cpuSeconds() / sendSecs);
            String sendingGc = gcPauses.between(sendStartMillis, System.currentTimeMillis());
            sb.flush(Duration.ofMinutes(60));
            double storeSecs = (System.nanoTime() - t0) / 1e9;
            var s = sb.stats();
            System.out.printf(Locale.ROOT, "ingest paced: sent %,d in %.1f s (%,.0f/s); received %,d, rejected %d %s, lost in the kernel %,d (%.3f%%); backlog when sending ended %,d; all stored and indexed after %.1f s (%,.0f/s end to end); load average %s%n",
                    sent, sendSecs, sent / sendSecs, s.received() - receivedBeforePaced, s.rejectedTotal(), s.rejected(),
                    sent - (s.received() - receivedBeforePaced), 100.0 * (sent - (s.received() - receivedBeforePaced)) / sent,
                    atEnd.queueDepth(), storeSecs, (s.stored() - storedBeforePaced) / storeSecs, loadAverage());
            System.out.println("  CPU while sending, by thread: " + sendingCpu);
            System.out.println("  GC while sending: " + sendingGc);
            System.out.println("  kernel, per socket: " + socketsSeen);
            if (ingestOnly) return;

            // 2. queries over the N traces
            try (XRayClient xray = client(sb.port())) {
                queries("sandbox", xray, from, to, "responsetime > 0.4", 7);

                // 3. memory
                for (int i = 0; i < 3; i++) {
                    System.gc();
                    Thread.sleep(200);
                }
                long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                System.out.printf(Locale.ROOT, "memory: heap in use after GC %,d MiB with %,d traces indexed (%,d bytes/trace); database %,d MiB; load average %s%n",
                        heap >> 20, sb.traceCount(), heap / Math.max(1, sb.traceCount()), dirSize(dir) >> 20, loadAverage());
            }

            // 1b. maximum: unpaced burst
            long before = sb.stats().received();
            long storedBefore = sb.stats().stored();
            long b0 = System.nanoTime();
            UdpLoad.Result burstLoad = UdpLoad.run(sb.port(), "burst", traces, burstSeconds, base, 0, senders);
            long burst = burstLoad.sent();
            double burstSend = burstLoad.seconds();
            sb.flush(Duration.ofMinutes(30));
            double burstAll = (System.nanoTime() - b0) / 1e9;
            long got = sb.stats().received() - before;
            long stored = sb.stats().stored() - storedBefore;
            System.out.printf(Locale.ROOT, "ingest burst (unpaced): sent %,d in %.1f s (%,.0f/s offered); received %,d (%,.0f/s), lost in the kernel %,d (%.1f%%), rejected %,d; stored and indexed %,d in %.1f s (%,.0f/s)%n",
                    burst, burstSend, burst / burstSend, got, got / burstSend, burst - got, 100.0 * (burst - got) / burst,
                    sb.stats().rejectedTotal(), stored, burstAll, stored / burstAll);
            try (XRayClient xray = client(sb.port())) {
                firstPageBefore = xray.getTraceSummaries(b -> b.startTime(from).endTime(to).filterExpression("responsetime > 0.4"))
                        .traceSummaries().stream().map(t -> t.id() + "@" + t.responseTime()).toList().toString();
            }
        }

        // 1c. start-up on the same data: what a restart costs at N traces, and the same answers after it
        long r0 = System.nanoTime();
        try (Sandbox sb = Sandbox.start(config)) {
            double startMs = (System.nanoTime() - r0) / 1e6;
            System.out.printf(Locale.ROOT, "restart: ready in %,.0f ms with %,d traces indexed%n", startMs, sb.traceCount());
            try (XRayClient xray = client(sb.port())) {
                String again = queries("sandbox after restart", xray, from, to, "responsetime > 0.4", 3);
                System.out.println("restart: first page identical to the one before: " + again.equals(firstPageBefore));
            }
        }

        // 4. moto vs sandbox at moto's scale, same client, same HTTP operations
        if (motoTraces > 0) compareWithMoto(motoTraces);
    }

    // ------------------------------------------------------------------------------------------ workload

    /** Two documents per trace: "front" (HTTP, annotation, an embedded DynamoDB subsegment and a call to "back"), "back". */
    public static String[] traceDocs(long n, long base, SplittableRandom rnd) { return trace(n, base, rnd); }

    static String[] trace(long n, long base, SplittableRandom rnd) {
        long sec = base + n % 3600;
        String traceId = "1-" + Long.toHexString(sec) + "-" + hex(n, 8) + hex(n * 0x9E3779B97F4A7C15L, 16);
        double start = sec + rnd.nextDouble() * 0.9;
        double rt = rnd.nextDouble() < 0.1 ? 0.4 + rnd.nextDouble() * 0.8 : 0.02 + rnd.nextDouble() * 0.3;
        int status = rnd.nextInt(100) < 3 ? 502 : rnd.nextInt(100) < 5 ? 404 : 200;
        String front = hex(n, 8) + "00000001";
        String call = hex(n, 8) + "00000002";
        String back = hex(n, 8) + "00000003";
        String ddb = hex(n, 8) + "00000004";
        double end = start + rt;
        String frontDoc = "{\"trace_id\":\"" + traceId + "\",\"id\":\"" + front + "\",\"name\":\"front\",\"start_time\":" + start
                + ",\"end_time\":" + end + ",\"origin\":\"AWS::EC2::Instance\",\"http\":{\"request\":{\"method\":\"POST\",\"url\":\"http://shop.local/order/"
                + (n % 100) + "\",\"client_ip\":\"10.0." + (n % 250) + ".1\"},\"response\":{\"status\":" + status + "}}"
                + (status >= 500 ? ",\"fault\":true" : status >= 400 ? ",\"error\":true" : "")
                + ",\"annotations\":{\"tenant\":\"t" + (n % 20) + "\",\"items\":" + (n % 7) + "}"
                + ",\"subsegments\":[{\"id\":\"" + call + "\",\"name\":\"back\",\"namespace\":\"remote\",\"start_time\":" + (start + 0.001)
                + ",\"end_time\":" + (end - 0.002) + ",\"http\":{\"request\":{\"method\":\"GET\",\"url\":\"http://back/x\",\"traced\":true},\"response\":{\"status\":200}}},"
                + "{\"id\":\"" + ddb + "\",\"name\":\"DynamoDB\",\"namespace\":\"aws\",\"start_time\":" + (end - 0.002) + ",\"end_time\":" + (end - 0.001)
                + ",\"aws\":{\"operation\":\"PutItem\",\"table_name\":\"orders\"},\"http\":{\"response\":{\"status\":200}}}]}";
        String backDoc = "{\"trace_id\":\"" + traceId + "\",\"id\":\"" + back + "\",\"parent_id\":\"" + call + "\",\"name\":\"back\",\"start_time\":"
                + (start + 0.002) + ",\"end_time\":" + (end - 0.003) + ",\"http\":{\"request\":{\"method\":\"GET\",\"url\":\"http://back/x\"},\"response\":{\"status\":200}}}";
        return new String[] {frontDoc, backDoc};
    }

    private static String hex(long v, int digits) {
        char[] c = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            c[i] = Character.forDigit((int) (v & 0xf), 16);
            v >>>= 4;
        }
        return new String(c);
    }

    // ------------------------------------------------------------------------------------------ queries

    static XRayClient client(int port) {
        return XRayClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofMinutes(5)))
                .build();
    }

    /** Runs the query set and returns the ids of the first page (to compare across a restart). */
    static String queries(String who, XRayClient xray, Instant from, Instant to, String filter, int runs) {
        // warm-up
        xray.getTraceSummaries(b -> b.startTime(from).endTime(to).filterExpression(filter));
        xray.getServiceGraph(b -> b.startTime(from).endTime(to));

        double[] first = new double[runs];
        GetTraceSummariesResponse[] firstPage = new GetTraceSummariesResponse[1];
        for (int i = 0; i < runs; i++) {
            first[i] = millis(() -> firstPage[0] = xray.getTraceSummaries(b -> b.startTime(from).endTime(to).filterExpression(filter)));
        }
        long[] totals = new long[3];
        double full = millis(() -> {
            xray.getTraceSummariesPaginator(b -> b.startTime(from).endTime(to).filterExpression(filter)).forEach(p -> {
                totals[0] += p.traceSummaries().size();
                totals[1] += p.tracesProcessedCount();
                totals[2]++;
                return;
            });
            return null;
        });
        // A filter matching nothing makes one page scan every trace: the cost of a full scan without summaries.
        long[] scanned = new long[1];
        double[] emptyScan = new double[runs];
        for (int i = 0; i < runs; i++) {
            emptyScan[i] = millis(() -> {
                GetTraceSummariesResponse r = xray.getTraceSummaries(b -> b.startTime(from).endTime(to).filterExpression("responsetime > 1000"));
                scanned[0] = r.tracesProcessedCount();
                return r;
            });
        }
        double[] graph = new double[runs];
        int[] nodes = new int[1];
        long[] graphCount = new long[1];
        for (int i = 0; i < runs; i++) {
            graph[i] = millis(() -> {
                var g = xray.getServiceGraph(b -> b.startTime(from).endTime(to));
                nodes[0] = g.services().size();
                graphCount[0] = g.services().stream().filter(s -> s.name().equals("front") && !"client".equals(s.type()))
                        .mapToLong(s -> s.summaryStatistics().totalCount()).sum();
                return g;
            });
        }
        System.out.printf(Locale.ROOT, "%s GetTraceSummaries '%s': first page median %.1f ms (min %.1f; %d summaries, %,d processed)%n",
                who, filter, median(first), min(first), firstPage[0].traceSummaries().size(), firstPage[0].tracesProcessedCount());
        System.out.printf(Locale.ROOT, "%s GetTraceSummaries '%s': full scan, all %d pages: %.0f ms (%,d summaries, %,d traces processed)%n",
                who, filter, totals[2], full, totals[0], totals[1]);
        System.out.printf(Locale.ROOT, "%s GetTraceSummaries 'responsetime > 1000' (one page scanning all %,d traces): median %.1f ms%n",
                who, scanned[0], median(emptyScan));
        System.out.printf(Locale.ROOT, "%s GetServiceGraph over the whole window: median %.1f ms (min %.1f; %d nodes, front count %,d)%n",
                who, median(graph), min(graph), nodes[0], graphCount[0]);
        return firstPage[0].traceSummaries().stream().map(t -> t.id() + "@" + t.responseTime()).toList().toString();
    }

    static String loadAverage() {
        String l = readProc("/proc/loadavg");
        String[] p = l.split(" ");
        return p.length >= 3 ? p[0] + " " + p[1] + " " + p[2] : l;
    }

    static String readProc(String file) {
        String line = ProcFiles.firstLine(Path.of(file));
        return line == null ? "?" : line;
    }

    static double millis(Supplier<?> op) {
        long t = System.nanoTime();
        op.get();
        return (System.nanoTime() - t) / 1e6;
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    // ------------------------------------------------------------------------------------------ moto

    static void compareWithMoto(int traces) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process moto;
        try {
            moto = new ProcessBuilder("moto_server", "-p", String.valueOf(port)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            System.out.println("moto: moto_server not available (" + e.getMessage() + "), comparison skipped");
            return;
        }
        try {
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                    break;
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            Path dir = Files.createTempDirectory("sandbox-bench-small");
            try (Sandbox sb = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir))) {
                // A plain HTTP client for both: the SDK v2 cannot parse moto's summaries ("Users": {} instead of a list).
                RawXRay local = new RawXRay(sb.port());
                RawXRay remote = new RawXRay(port);
                long base = Instant.now().getEpochSecond() - 3600;
                double sbPut = putAll(local, traces, base);
                sb.flush(Duration.ofMinutes(1));
                double motoPut = putAll(remote, traces, base);
                long from = base - 60;
                long to = Instant.now().getEpochSecond() + 60;
                double[] sbQ = smallQueries(local, from, to);
                double[] motoQ = smallQueries(remote, from, to);
                System.out.printf(Locale.ROOT, "moto comparison at %,d traces (%,d segments; moto's share scaled down: it keeps and scans Python dicts, and answers any FilterExpression with a 500, so no filter is used here):%n",
                        traces, traces * 2L);
                System.out.printf(Locale.ROOT, "  PutTraceSegments (batches of 50): sandbox %.0f ms (%,.0f seg/s), moto %.0f ms (%,.0f seg/s): sandbox %.1fx faster%n",
                        sbPut, traces * 2000.0 / sbPut, motoPut, traces * 2000.0 / motoPut, motoPut / sbPut);
                String[] names = {"GetTraceSummaries first page", "GetTraceSummaries all pages", "GetServiceGraph"};
                for (int i = 0; i < names.length; i++) {
                    System.out.printf(Locale.ROOT, "  %s: sandbox %.1f ms, moto %.1f ms: sandbox %.1fx faster (summaries: sandbox %d, moto %d)%n",
                            names[i], sbQ[i], motoQ[i], motoQ[i] / sbQ[i], (long) sbQ[3], (long) motoQ[3]);
                }
            }
        } finally {
            moto.destroy();
            moto.waitFor();
        }
    }

    /** rest-json over java.net.http, as botocore would send it. */
    static final class RawXRay {
        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private static final ObjectMapper JSON = new ObjectMapper();
        private final int port;

        RawXRay(int port) {
            this.port = port;
        }

        JsonNode call(String path, Object body) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                        // moto_server picks the service from the SigV4 credential scope; the sandbox ignores it.
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/xray/aws4_request, "
                                + "SignedHeaders=content-type;host, Signature=0000")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
                return JSON.readTree(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static double putAll(RawXRay xray, int traces, long base) {
        SplittableRandom rnd = new SplittableRandom(99);
        List<String> docs = new ArrayList<>(100);
        long t = System.nanoTime();
        for (long n = 0; n < traces; n++) {
            docs.addAll(Arrays.asList(trace(n, base, rnd)));
            if (docs.size() >= 50 || n == traces - 1) {
                xray.call("/TraceSegments", Map.of("TraceSegmentDocuments", List.copyOf(docs)));
                docs.clear();
            }
        }
        return (System.nanoTime() - t) / 1e6;
    }

    /** [first page ms, all pages ms, graph ms, summaries returned]: medians of 3 runs after a warm-up. */
    static double[] smallQueries(RawXRay xray, long from, long to) {
        Map<String, Object> window = Map.of("StartTime", from, "EndTime", to);
        xray.call("/TraceSummaries", window);
        double[] first = new double[3];
        double[] all = new double[3];
        double[] graph = new double[3];
        long[] count = new long[1];
        for (int i = 0; i < 3; i++) {
            first[i] = millis(() -> xray.call("/TraceSummaries", window));
            all[i] = millis(() -> {
                count[0] = 0;
                String token = null;
                do {
                    Map<String, Object> req = new java.util.HashMap<>(window);
                    if (token != null) req.put("NextToken", token);
                    JsonNode page = xray.call("/TraceSummaries", req);
                    count[0] += page.path("TraceSummaries").size();
                    token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
                } while (token != null);
                return null;
            });
            graph[i] = millis(() -> xray.call("/ServiceGraph", window));
        }
        return new double[] {median(first), median(all), median(graph), count[0]};
    }

    static long dirSize(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static int intArg(String[] args, String name, int def) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) return Integer.parseInt(args[i + 1].replace("_", "").replace(",", ""));
        }
        return def;
    }
}
