package dev.tracedesk.explore.map;

import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.graph.Histogram;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Service maps of a given size with the shape of a big serverless account: clients → API stages → Lambda services →
 * functions → SNS topics, DynamoDB tables and remote hosts, with functions also calling each other. Deterministic.
 */
public final class GeneratedMaps {
    public static final Instant FROM = Instant.parse("2026-11-28T11:00:00Z");
    public static final Instant TO = Instant.parse("2026-11-28T12:00:00Z");

    private GeneratedMaps() {
    }

    public static ServiceMap generate(int nodes, long seed) {
        Random random = new Random(seed);
        ServiceMap.Builder b = new ServiceMap.Builder();
        ServiceMap.Builder.Scope s = b.scope();
        int apis = Math.max(1, nodes / 25);
        int fns = Math.max(1, (nodes - 2 * apis) * 2 / 5 / 2);
        int resources = Math.max(1, nodes - 2 * apis - 2 * fns);
        int ref = 0;
        int[] apiRef = new int[apis];
        for (int a = 0; a < apis; a++) {
            int client = ref++;
            apiRef[a] = ref++;
            String name = "api-" + a + "/prod";
            node(s, client, name, "client", random, true);
            node(s, apiRef[a], name, "AWS::ApiGateway::Stage", random, false);
            edge(s, client, apiRef[a], random);
        }
        int[] fnRef = new int[fns];
        for (int f = 0; f < fns; f++) {
            int svc = ref++;
            fnRef[f] = ref++;
            String name = "fn-" + f;
            node(s, svc, name, "AWS::Lambda", random, false);
            node(s, fnRef[f], name, "AWS::Lambda::Function", random, false);
            edge(s, svc, fnRef[f], random);
            edge(s, apiRef[random.nextInt(apis)], svc, random);
            if (f > 0 && random.nextInt(4) == 0) {
                edge(s, fnRef[random.nextInt(f)], svc, random); // async hop through another function
            }
        }
        String[] types = {"AWS::SNS", "AWS::DynamoDB::Table", "remote", "AWS::SQS::Queue", "AWS::S3::Bucket"};
        for (int r = 0; r < resources; r++) {
            int res = ref++;
            String type = types[r % types.length];
            node(s, res, "res-" + r, type, random, false);
            edge(s, fnRef[random.nextInt(fns)], res, random);
            if (random.nextInt(3) == 0) {
                edge(s, fnRef[random.nextInt(fns)], res, random);
            }
        }
        return b.build(FROM, TO, false, -1, false);
    }

    private static void node(ServiceMap.Builder.Scope s, int ref, String name, String type, Random random,
            boolean client) {
        MapStats stats = client ? MapStats.EMPTY : stats(random);
        s.service(ref, new ServiceId(name, type, "123456789012"), List.of(name), client, stats,
                client ? new Histogram() : histogram(random, stats.total()));
    }

    private static void edge(ServiceMap.Builder.Scope s, int from, int to, Random random) {
        MapStats stats = stats(random);
        s.edge(from, to, stats, histogram(random, stats.total()));
    }

    private static MapStats stats(Random random) {
        long total = 10 + random.nextInt(5000);
        long fault = random.nextInt(10) == 0 ? total / (2 + random.nextInt(20)) : 0;
        long error = random.nextInt(5) == 0 ? total / (5 + random.nextInt(50)) : 0;
        long throttle = random.nextInt(20) == 0 ? total / 30 : 0;
        long ok = total - fault - error - throttle;
        double avg = 0.005 + random.nextDouble() * random.nextDouble();
        return new MapStats(ok, error, throttle, fault, avg * total);
    }

    private static Histogram histogram(Random random, long total) {
        Histogram h = new Histogram();
        double median = 0.01 + random.nextDouble() * 0.3;
        for (int i = 0; i < 40; i++) {
            h.add(median * Math.exp(random.nextGaussian() * 0.8), Math.max(1, total / 40));
        }
        return h;
    }
}
