package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service side of centralized sampling (spec §8.4): each rule's ReservoirSize is a global per-second budget split
 * across the clients that reported for it recently, in proportion to their request counts; FixedRate applies beyond it.
 * Reports are also summed into 10-second windows for GetSamplingStatisticSummaries.
 */
public final class SamplingTargets {
    static final int INTERVAL_SECONDS = 10;
    static final int QUOTA_TTL_SECONDS = 10;
    private static final long WINDOW_MS = 10_000;
    private static final long KEEP_WINDOWS_MS = 3_600_000;

    private final SamplingRules rules;
    private final Clock clock;
    /** rule → client → latest report. */
    private final Map<String, Map<String, ClientReport>> clients = new HashMap<>();
    /** rule → window start (ms) → totals. */
    private final Map<String, TreeMap<Long, long[]>> windows = new HashMap<>();

    private record ClientReport(long seenMillis, long requests) {}

    public SamplingTargets(SamplingRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    public synchronized ObjectNode targets(Request req) {
        List<JsonNode> docs = req.requiredList("SamplingStatisticsDocuments", 25);
        req.optionalList("SamplingBoostStatisticsDocuments", 25);
        long now = clock.millis();
        ArrayNode targets = Json.array();
        ArrayNode unprocessed = Json.array();
        List<String[]> reported = new java.util.ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            JsonNode d = docs.get(i);
            String m = "samplingStatisticsDocuments." + (i + 1) + ".";
            if (!d.isObject()) throw Request.validation(m.substring(0, m.length() - 1), d, "Member must be a structure");
            String ruleName = required(Request.stringOf(d.get("RuleName"), m + "ruleName", 1, 32), m + "ruleName");
            String clientId = required(Request.stringOf(d.get("ClientID"), m + "clientID", 24, 24), m + "clientID");
            long requests = required(Request.longOf(d.get("RequestCount"), m + "requestCount", 0), m + "requestCount");
            long sampled = required(Request.longOf(d.get("SampledCount"), m + "sampledCount", 0), m + "sampledCount");
            Long borrowed = Request.longOf(d.get("BorrowCount"), m + "borrowCount", 0);
            long reportedAt = timestampMillis(d.get("Timestamp"), m + "timestamp");

            ObjectNode rule = rules.rule(ruleName);
            if (rule == null) {
                unprocessed.add(Json.object().put("RuleName", ruleName).put("ErrorCode", "ResourceNotFoundException")
                        .put("Message", "Sampling rule does not exist: " + ruleName));
                continue;
            }
            if (reportedAt < now - KEEP_WINDOWS_MS) {
                unprocessed.add(Json.object().put("RuleName", ruleName).put("ErrorCode", "InvalidRequestException")
                        .put("Message", "Statistics document is too old"));
                continue;
            }
            Map<String, ClientReport> byClient = clients.computeIfAbsent(ruleName, r -> new HashMap<>());
            byClient.put(clientId, new ClientReport(now, requests));
            long[] w = windows.computeIfAbsent(ruleName, r -> new TreeMap<>())
                    .computeIfAbsent(reportedAt / WINDOW_MS * WINDOW_MS, k -> new long[3]);
            w[0] += requests;
            w[1] += borrowed == null ? 0 : borrowed;
            w[2] += sampled;

            reported.add(new String[] {ruleName, clientId});
        }
        // Quotas after all reports of this call are recorded, so clients reporting together share fairly.
        for (String[] rc : reported) {
            ObjectNode rule = rules.rule(rc[0]);
            int quota = quota(rule.get("ReservoirSize").asInt(), clients.get(rc[0]), rc[1], now);
            targets.add(Json.object().put("RuleName", rc[0])
                    .put("FixedRate", rule.get("FixedRate").asDouble())
                    .put("ReservoirQuota", quota)
                    .put("ReservoirQuotaTTL", (now / 1000) + QUOTA_TTL_SECONDS)
                    .put("Interval", INTERVAL_SECONDS));
        }
        prune(now);
        ObjectNode out = Json.object();
        out.set("SamplingTargetDocuments", targets);
        out.put("LastRuleModification", rules.lastModification());
        out.set("UnprocessedStatistics", unprocessed);
        out.set("UnprocessedBoostStatistics", Json.array());
        return out;
    }

    /** This client's share of the rule's per-second reservoir among the clients active in the last two intervals. */
    static int quota(int reservoir, Map<String, ClientReport> byClient, String clientId, long now) {
        if (reservoir <= 0) return 0;
        long activeSince = now - 2L * INTERVAL_SECONDS * 1000;
        long total = 0;
        int active = 0;
        String busiest = null;
        long busiestCount = -1;
        for (Map.Entry<String, ClientReport> e : byClient.entrySet()) {
            if (e.getValue().seenMillis() < activeSince) continue;
            active++;
            total += e.getValue().requests();
            if (e.getValue().requests() > busiestCount
                    || (e.getValue().requests() == busiestCount && e.getKey().compareTo(busiest) < 0)) {
                busiest = e.getKey();
                busiestCount = e.getValue().requests();
            }
        }
        long mine = byClient.get(clientId).requests();
        double share = total == 0 ? 1.0 / active : (double) mine / total;
        int quota = (int) Math.floor(reservoir * share);
        if (clientId.equals(busiest)) {
            // The remainder of the integer split goes to the busiest client, so the whole budget is handed out.
            long handedOut = 0;
            for (ClientReport c : byClient.values()) {
                if (c.seenMillis() < activeSince) continue;
                handedOut += (long) Math.floor(reservoir * (total == 0 ? 1.0 / active : (double) c.requests() / total));
            }
            quota += (int) (reservoir - handedOut);
        }
        if (quota == 0 && share > 0) quota = 1;
        return quota;
    }

    /** Java SDK clients send epoch milliseconds, Python ones seconds (spec §1.3): tell them apart by magnitude. */
    static long timestampMillis(JsonNode n, String member) {
        if (n == null || n.isNull()) throw Request.validation(member, null, "Member must not be null");
        if (n.isNumber() && n.doubleValue() > 1e11) return (long) n.doubleValue();
        return Request.timeOf(n, member).toEpochMilli();
    }

    private static <T> T required(T v, String member) {
        if (v == null) throw Request.validation(member, null, "Member must not be null");
        return v;
    }

    private void prune(long now) {
        windows.values().forEach(w -> w.headMap(now - KEEP_WINDOWS_MS).clear());
        clients.values().forEach(c -> c.values().removeIf(r -> r.seenMillis() < now - KEEP_WINDOWS_MS));
    }

    public synchronized ObjectNode summaries() {
        ArrayNode list = Json.array();
        for (ObjectNode rec : rules.records()) {
            String name = rec.get("SamplingRule").get("RuleName").asText();
            TreeMap<Long, long[]> w = windows.get(name);
            if (w == null) continue;
            w.descendingMap().forEach((start, t) -> list.add(Json.object().put("RuleName", name)
                    .put("Timestamp", start / 1000.0).put("RequestCount", t[0]).put("BorrowCount", t[1])
                    .put("SampledCount", t[2])));
        }
        ObjectNode out = Json.object();
        out.set("SamplingStatisticSummaries", list);
        return out;
    }
}
