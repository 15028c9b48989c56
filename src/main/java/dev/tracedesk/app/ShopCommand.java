package dev.tracedesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.shop.ShopStackDefinition;
import dev.tracedesk.shop.load.FunctionStats;
import dev.tracedesk.shop.load.LoadRun;
import dev.tracedesk.shop.load.ReportReader;
import dev.tracedesk.shop.load.ShopClient;
import dev.tracedesk.shop.load.SmokeTest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * {@code tracedesk shop smoke|perf|stats}: drives the shop stack of a running sandbox and reads its REPORT lines;
 * {@code deploy|delete|tracing} are in {@link ShopStackCommands}.
 */
@Command(name = "shop", mixinStandardHelpOptions = true,
        description = "Deploy the shop stack, switch its tracing, load-test it and read its Lambda statistics.",
        subcommands = {ShopCommand.Smoke.class, ShopCommand.Perf.class, ShopCommand.Stats.class,
                ShopStackCommands.Deploy.class, ShopStackCommands.Delete.class, ShopStackCommands.Tracing.class})
public final class ShopCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String RUNS_FILE = "shop-runs.json";

    @Override
    public Integer call() {
        System.err.println("shop: say deploy, delete, tracing, smoke, perf or stats (tracedesk shop --help)");
        return 2;
    }

    /** Where the stack is: the sandbox data dir's shop.json, or explicit options. */
    static final class Target {
        @Option(names = "--endpoint", description = "the stage's invoke URL, e.g. http://127.0.0.1:PORT/prod (default: from the sandbox's shop.json)")
        String endpoint;

        @Option(names = "--data", description = "the sandbox data directory (default ${XDG_DATA_HOME:-~/.local/share}/tracedesk/sandbox)")
        Path data;

        @Option(names = "--key", description = "base64 AES-256 key of the decrypt function (default: from shop.json)")
        String key;

        @Option(names = "--logs-endpoint", description = "CloudWatch Logs endpoint, e.g. http://127.0.0.1:2000 (default: from shop.json)")
        String logsEndpoint;

        Path dataDir() { return data != null ? data : AppPaths.fromSystem().dataDir().resolve("sandbox"); }

        JsonNode state() {
            Path f = dataDir().resolve("shop.json");
            try {
                return Files.isRegularFile(f) ? JSON.readTree(f.toFile()) : JSON.createObjectNode();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + f + ": " + e.getMessage());
            }
        }

        String invokeUrl() {
            String url = endpoint != null ? endpoint : state().path("invokeUrl").asText(null);
            if (url == null) throw new IllegalStateException("no --endpoint and no shop.json in " + dataDir() + ": is `tracedesk sandbox` running?");
            return url;
        }

        String key() { return key != null ? key : state().path("key").asText(null); }

        String logs() {
            String url = logsEndpoint != null ? logsEndpoint : state().path("sandboxEndpoint").asText(null);
            if (url == null) throw new IllegalStateException("no --logs-endpoint and no shop.json in " + dataDir());
            return url;
        }

        String prefix() { return state().path("prefix").asText(ShopStackDefinition.DEFAULT_PREFIX); }

        ShopClient client() { return new ShopClient(invokeUrl(), key()); }
    }

    @Command(name = "smoke", mixinStandardHelpOptions = true, description = "A handful of valid and invalid requests, pass/fail per case.")
    static final class Smoke implements Callable<Integer> {
        @Mixin
        Target target = new Target();

        @Override
        public Integer call() {
            List<SmokeTest.Outcome> outcomes = new SmokeTest(target.client()).run();
            int failed = 0;
            for (SmokeTest.Outcome o : outcomes) {
                System.out.printf(Locale.ROOT, "%s  %-52s expected %d, got %d%s%n", o.passed() ? "PASS" : "FAIL", o.testCase().name(),
                        o.testCase().expectedStatus(), o.status(), o.traceId() == null ? "" : "  trace " + o.traceId());
                if (!o.passed()) {
                    failed++;
                    System.out.println("      body: " + o.body());
                }
            }
            System.out.printf(Locale.ROOT, "%d passed, %d failed%n", outcomes.size() - failed, failed);
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "perf", mixinStandardHelpOptions = true, description = "N requests with C concurrent clients; a progress bar, then the result.")
    static final class Perf implements Callable<Integer> {
        @Mixin
        Target target = new Target();

        @Option(names = "--requests", defaultValue = "500", description = "number of requests (default ${DEFAULT-VALUE})")
        int requests;

        @Option(names = "--concurrency", defaultValue = "8", description = "concurrent clients (default ${DEFAULT-VALUE})")
        int concurrency;

        @Option(names = "--rate", defaultValue = "0", description = "requests per second overall (0 = as fast as possible)")
        double rate;

        @Option(names = "--unittest-share", defaultValue = "0.01",
                description = "share of requests sent to the unit-test route, whose function fails by design (default ${DEFAULT-VALUE})")
        double unitTestShare;

        @Option(names = "--label", description = "name of this run for `shop stats --compare` (e.g. tracing-on)")
        String label;

        @Override
        public Integer call() throws Exception {
            LoadRun.Plan plan = new LoadRun.Plan(requests, concurrency, rate, unitTestShare);
            PrintStream err = System.err;
            AtomicLong lastDraw = new AtomicLong();
            LoadRun.Result r = new LoadRun(target.client()).run(plan, done -> {
                long now = System.nanoTime();
                long last = lastDraw.get();
                if (done == requests || (now - last > 100_000_000L && lastDraw.compareAndSet(last, now))) {
                    synchronized (err) {
                        int width = 40;
                        int filled = (int) ((long) done * width / requests);
                        err.printf(Locale.ROOT, "\r[%s%s] %d/%d", "#".repeat(filled), ".".repeat(width - filled), done, requests);
                        if (done == requests) err.println();
                        err.flush();
                    }
                }
            });
            System.out.printf(Locale.ROOT, "requests %d in %.2f s (%.1f req/s), concurrency %d%n", r.requests(), r.wallMillis() / 1000.0,
                    r.throughput(), concurrency);
            System.out.println("statuses " + r.statuses() + (r.transportErrors() > 0 ? ", transport errors " + r.transportErrors() : ""));
            System.out.printf(Locale.ROOT, "latency ms: min %.1f  avg %.1f  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                    r.minMs(), r.avgMs(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs());
            if (r.transportErrors() < r.requests()) {
                recordRun(target.dataDir(), label, r);
            } else {
                System.err.println("shop perf: no request reached " + target.invokeUrl() + "; run not recorded (is the sandbox up?)");
            }
            return r.transportErrors() == 0 ? 0 : 1;
        }
    }

    static void recordRun(Path dataDir, String label, LoadRun.Result r) {
        Path f = dataDir.resolve(RUNS_FILE);
        try {
            ArrayNode runs = Files.isRegularFile(f) && JSON.readTree(f.toFile()) instanceof ArrayNode a ? a : JSON.createArrayNode();
            ObjectNode run = JSON.createObjectNode().put("label", label != null ? label : "run " + (runs.size() + 1))
                    .put("start", r.startMillis()).put("end", r.endMillis()).put("requests", r.requests());
            runs.add(run);
            while (runs.size() > 20) runs.remove(0);
            Files.createDirectories(dataDir);
            Files.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(runs));
        } catch (IOException e) {
            System.err.println("shop perf: cannot record the run in " + f + ": " + e.getMessage());
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Per function, from the REPORT lines in CloudWatch Logs: invocations, cold starts, durations, memory, init.")
    static final class Stats implements Callable<Integer> {
        @Mixin
        Target target = new Target();

        @Option(names = "--since", defaultValue = "15m", description = "window up to now: 90s, 15m, 2h, 1d (default ${DEFAULT-VALUE})")
        String since;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Option(names = "--compare", description = "set the last two `shop perf` runs side by side (label them, e.g. tracing-off / tracing-on)")
        boolean compare;

        @Override
        public Integer call() throws Exception {
            String prefix = target.prefix();
            ShopStackDefinition def = ShopStackDefinition.local(prefix);
            try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder().endpointOverride(URI.create(target.logs()))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox")))
                    .build()) {
                ReportReader reader = new ReportReader(logs);
                List<Window> windows = new ArrayList<>();
                if (compare) {
                    JsonNode runs = JSON.readTree(target.dataDir().resolve(RUNS_FILE).toFile());
                    if (runs == null || runs.size() < 2) throw new IllegalStateException("--compare needs two recorded `shop perf` runs");
                    for (int i = runs.size() - 2; i < runs.size(); i++) {
                        JsonNode run = runs.get(i);
                        // Async deliveries finish after the last response: give the window a short tail.
                        windows.add(new Window(run.get("label").asText(), run.get("start").asLong(), run.get("end").asLong() + 5_000));
                    }
                } else {
                    long now = System.currentTimeMillis();
                    windows.add(new Window("last " + since, now - parseSince(since).toMillis(), now));
                }
                ArrayNode out = JSON.createArrayNode();
                for (Window w : windows) {
                    List<FunctionStats> stats = new ArrayList<>();
                    for (String fn : def.functionNames()) stats.add(FunctionStats.of(fn, reader.reports(fn, w.start, w.end)));
                    if (json) {
                        ObjectNode o = JSON.createObjectNode().put("window", w.label).put("start", w.start).put("end", w.end);
                        o.set("functions", JSON.valueToTree(stats));
                        out.add(o);
                    } else {
                        print(w, stats);
                    }
                }
                if (json) System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(compare ? out : out.get(0)));
            }
            return 0;
        }

        private record Window(String label, long start, long end) {}

        private static void print(Window w, List<FunctionStats> stats) {
            System.out.printf(Locale.ROOT, "%s (%s .. %s)%n", w.label, Instant.ofEpochMilli(w.start), Instant.ofEpochMilli(w.end));
            System.out.printf(Locale.ROOT, "%-42s %6s %5s %8s %8s %8s %8s %8s %7s %7s %9s %9s%n", "function", "invoc", "cold",
                    "min ms", "avg ms", "p50 ms", "p95 ms", "max ms", "avg MB", "max MB", "avg init", "max init");
            for (FunctionStats s : stats) {
                System.out.printf(Locale.ROOT, "%-42s %6d %5d %8.2f %8.2f %8.2f %8.2f %8.2f %7.1f %7d %9.2f %9.2f%n", s.function(),
                        s.invocations(), s.coldStarts(), s.minMs(), s.avgMs(), s.p50Ms(), s.p95Ms(), s.maxMs(), s.avgMemoryMb(),
                        s.maxMemoryMb(), s.avgInitMs(), s.maxInitMs());
            }
            System.out.println();
        }
    }

    /** {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}. */
    static Duration parseSince(String s) {
        if (s == null || !s.matches("\\d+[smhd]")) throw new IllegalArgumentException("--since must look like 90s, 15m, 2h or 1d, got " + s);
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
