package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.sandbox.index.IndexedTrace;
import dev.tracedesk.sandbox.index.TraceIndex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The trace read operations: GetTraceSummaries (time range types, filter, sampling, newest-first paging),
 * BatchGetTraces, GetTraceGraph, GetServiceGraph and GetTimeSeriesServiceStatistics. Everything X-Ray-specific
 * (summary JSON, processed documents, graphs, filter evaluation) comes from the {@link TraceDomain}.
 */
public final class TraceQueries {
    static final int SUMMARY_PAGE = 100;
    static final int MAX_BATCH_IDS = 5;

    private final TraceIndex index;
    private final TraceDomain domain;
    private final Groups groups;

    public TraceQueries(TraceIndex index, TraceDomain domain, Groups groups) {
        this.index = index;
        this.domain = domain;
        this.groups = groups;
    }

    public long traceCount() { return index.size(); }

    // ------------------------------------------------------------------------------------------ GetTraceSummaries

    private enum RangeType { TraceId, Event, Service }

    public JsonNode summaries(Request req) {
        Instant start = req.requiredTime("StartTime");
        Instant end = req.requiredTime("EndTime");
        checkWindow(start, end);
        RangeType type = RangeType.TraceId;
        String t = req.optionalString("TimeRangeType", 0, 64);
        if (t != null) {
            try {
                type = RangeType.valueOf(t);
            } catch (IllegalArgumentException e) {
                throw Request.validation("timeRangeType", t, "Member must satisfy enum value set: [TraceId, Event, Service]");
            }
        }
        boolean sampling = Boolean.TRUE.equals(req.optionalBoolean("Sampling"));
        double rate = 1.0;
        boolean partialScan = false;
        if (req.has("SamplingStrategy")) {
            ObjectNode s = req.requiredObject("SamplingStrategy");
            String name = Request.stringOf(s.get("Name"), "samplingStrategy.name", 0, 64);
            if (name != null && !name.equals("PartialScan") && !name.equals("FixedRate")) {
                throw Request.validation("samplingStrategy.name", name, "Member must satisfy enum value set: [PartialScan, FixedRate]");
            }
            Double v = Request.doubleOf(s.get("Value"), "samplingStrategy.value", 0, 1);
            partialScan = "PartialScan".equals(name);
            if (sampling) rate = v == null ? DEFAULT_SAMPLING_RATE : v;
        } else if (sampling) {
            rate = DEFAULT_SAMPLING_RATE;
        }
        String filterText = req.optionalString("FilterExpression", 1, 2000);
        Predicate<IndexedTrace> filter = filterText == null ? x -> true : domain.compileFilter(filterText);
        String token = req.optionalString("NextToken", 0, 2048);
        String queryHash = Integer.toHexString((start + "|" + end + "|" + type + "|" + filterText + "|" + sampling
                + "|" + rate + "|" + partialScan).hashCode());
        Cursor cursor = token == null ? null : Cursor.decode(token, queryHash);

        double from = Json.seconds(start);
        double to = Json.seconds(end);
        List<IndexedTrace> page = new ArrayList<>(SUMMARY_PAGE);
        long[] processed = {0};
        IndexedTrace[] lastScanned = {null};
        boolean[] more = {false};
        final double sampleRate = rate;
        final boolean scanSample = partialScan;
        Predicate<IndexedTrace> visit = tr -> {
            if (page.size() == SUMMARY_PAGE) {
                more[0] = true;
                return false;
            }
            if (scanSample && !sampled(tr.id(), sampleRate)) return true;
            processed[0]++;
            lastScanned[0] = tr;
            if (filter.test(tr) && (scanSample || sampled(tr.id(), sampleRate))) page.add(tr);
            return true;
        };
        if (type == RangeType.TraceId) {
            index.walkByIdTime((long) Math.floor(from), (long) Math.floor(to),
                    cursor == null ? null : new TraceIndex.Cursor((long) cursor.time, cursor.seq), tr -> {
                        if (tr.idTime() < from || tr.idTime() > to) return true; // sub-second window edges
                        return visit.test(tr);
                    });
        } else {
            walkByEventTime(type, from, to, cursor, visit);
        }
        ArrayNode summaries = Json.array();
        // Complete summaries are built from the stored documents; a page's traces are independent, so in parallel.
        List<ObjectNode> built = page.parallelStream().map(tr -> domain.summary(tr.id())).collect(Collectors.toList());
        for (int i = 0; i < page.size(); i++) {
            ObjectNode s = built.get(i);
            if (s == null) continue; // removed by retention in the meantime
            if (type == RangeType.Event) s.put("MatchedEventTime", Math.min(to, page.get(i).state().end()));
            summaries.add(s);
        }
        ObjectNode out = Json.object();
        out.set("TraceSummaries", summaries);
        IndexedTrace last = lastScanned[0];
        out.put("ApproximateTime", last == null ? to : Math.max(from, keyTime(type, last)));
        out.put("TracesProcessedCount", processed[0]);
        if (more[0] && last != null) {
            out.put("NextToken", new Cursor(keyTime(type, last), last.seq(), last.id(), queryHash).encode());
        }
        return out;
    }

    /** Sampling=true without a strategy value returns about this share of the matching traces. */
    static final double DEFAULT_SAMPLING_RATE = 0.1;

    /** Deterministic per trace, so that paging a sampled query is stable. */
    static boolean sampled(String traceId, double rate) {
        if (rate >= 1.0) return true;
        int h = traceId.hashCode() * 0x9E3779B1;
        return ((h >>> 8) / (double) (1 << 24)) < rate;
    }

    private static double keyTime(RangeType type, IndexedTrace tr) {
        return type == RangeType.TraceId ? tr.idTime() : tr.state().end();
    }

    /** Event: traces active in the window; Service: traces whose segments ended in it. Newest (latest end) first. */
    private void walkByEventTime(RangeType type, double from, double to, Cursor cursor, Predicate<IndexedTrace> visit) {
        List<IndexedTrace> hits = new ArrayList<>();
        index.forEach(tr -> {
            IndexedTrace.State s = tr.state();
            double endT = Double.isFinite(s.end()) ? s.end() : s.start();
            boolean in = type == RangeType.Event ? s.start() <= to && endT >= from : endT >= from && endT <= to;
            if (in) hits.add(tr);
        });
        hits.sort((a, b) -> {
            int c = Double.compare(keyTime(type, b), keyTime(type, a));
            return c != 0 ? c : b.id().compareTo(a.id());
        });
        for (IndexedTrace tr : hits) {
            if (cursor != null) {
                double k = keyTime(type, tr);
                if (k > cursor.time || (k == cursor.time && tr.id().compareTo(cursor.id) >= 0)) continue;
            }
            if (!visit.test(tr)) return;
        }
    }

    static void checkWindow(Instant start, Instant end) {
        if (start.isAfter(end)) {
            throw AwsException.invalidRequest("StartTime (" + start + ") must be before EndTime (" + end + ")");
        }
        if (start.getEpochSecond() < 0) throw AwsException.invalidRequest("StartTime must not be before 1970");
    }

    /** Opaque NextToken: position after the last scanned trace plus a hash of the query it belongs to (spec §1.5). */
    record Cursor(double time, long seq, String id, String queryHash) {
        String encode() {
            String raw = time + "|" + seq + "|" + id + "|" + queryHash;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token, String queryHash) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                String[] p = raw.split("\\|", -1);
                if (p.length != 4) throw new IllegalArgumentException("parts");
                if (!p[3].equals(queryHash)) {
                    throw AwsException.invalidRequest("NextToken does not belong to this query");
                }
                return new Cursor(Double.parseDouble(p[0]), Long.parseLong(p[1]), p[2], p[3]);
            } catch (IllegalArgumentException e) {
                throw AwsException.invalidRequest("Invalid NextToken");
            }
        }
    }

    // ------------------------------------------------------------------------------------------ BatchGetTraces

    public JsonNode batchGet(Request req) {
        List<String> ids = req.requiredStringList("TraceIds", 1, 35);
        if (req.has("NextToken")) throw AwsException.invalidRequest("NextToken is currently not supported");
        if (ids.size() > MAX_BATCH_IDS) throw AwsException.invalidRequest("Exceeding maximum query size: " + MAX_BATCH_IDS);
        ArrayNode traces = Json.array();
        ArrayNode unprocessed = Json.array();
        for (String id : new LinkedHashSet<>(ids)) {
            ObjectNode t = domain.processedTrace(id);
            if (t == null) unprocessed.add(id);
            else traces.add(t);
        }
        ObjectNode out = Json.object();
        out.set("Traces", traces);
        out.set("UnprocessedTraceIds", unprocessed);
        return out;
    }

    // ------------------------------------------------------------------------------------------ graphs

    public JsonNode traceGraph(Request req) {
        List<String> ids = req.requiredStringList("TraceIds", 1, 35);
        req.optionalString("NextToken", 0, 2048);
        Set<String> known = new LinkedHashSet<>();
        for (String id : ids) {
            String canonical = domain.canonicalTraceId(id);
            if (canonical != null && index.get(canonical) != null) known.add(canonical);
        }
        ObjectNode out = Json.object();
        out.set("Services", domain.traceGraph(known));
        return out;
    }

    public JsonNode serviceGraph(Request req) {
        Instant start = req.requiredTime("StartTime");
        Instant end = req.requiredTime("EndTime");
        checkWindow(start, end);
        req.optionalString("NextToken", 0, 2048);
        String group = groups.groupNameOf(req);
        ObjectNode g = domain.serviceGraph(Json.seconds(start), Json.seconds(end), group);
        ObjectNode out = Json.object();
        out.put("StartTime", Json.seconds(start)).put("EndTime", Json.seconds(end));
        out.set("Services", g.get("Services"));
        out.set("ContainsOldGroupVersions", g.get("ContainsOldGroupVersions"));
        return out;
    }

    public JsonNode timeSeries(Request req) {
        Instant start = req.requiredTime("StartTime");
        Instant end = req.requiredTime("EndTime");
        checkWindow(start, end);
        req.optionalString("NextToken", 0, 2048);
        String selector = req.optionalString("EntitySelectorExpression", 1, 500);
        Integer period = req.optionalInt("Period", 1, Integer.MAX_VALUE);
        int p = period == null ? 60 : period;
        if (p != 60 && p != 300 && p != 3600) {
            throw AwsException.invalidRequest("Period must be 60, 300 or 3600 seconds, got " + p);
        }
        Boolean forecast = req.optionalBoolean("ForecastStatistics");
        if (Boolean.TRUE.equals(forecast) && (selector == null || !selector.contains("id("))) {
            throw AwsException.invalidRequest("ForecastStatistics requires an EntitySelectorExpression with an id() selector");
        }
        if ((Json.seconds(end) - Json.seconds(start)) / p > 10_000) {
            throw AwsException.invalidRequest("Time range too large for period " + p + ": at most 10000 periods");
        }
        String group = groups.groupNameOf(req);
        return domain.timeSeries(Json.seconds(start), Json.seconds(end), p, selector, group);
    }
}
