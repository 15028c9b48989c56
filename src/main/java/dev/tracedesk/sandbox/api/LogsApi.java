package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * CloudWatch Logs (json 1.1, {@code X-Amz-Target: Logs_20140328.<Operation>}, spec §1.2, §7.8) over the sandbox's
 * {@link LogStore}: DescribeLogGroups, DescribeLogStreams, GetLogEvents, FilterLogEvents with AWS's error shapes.
 */
public final class LogsApi {
    public static final String PREFIX = "Logs_20140328.";
    static final String ARN_PREFIX = "arn:aws:logs:" + AwsIdentity.REGION + ":" + AwsIdentity.ACCOUNT + ":log-group:";
    /** Rows examined per FilterLogEvents call before returning a (possibly empty) page with a token, as AWS does. */
    static final int SCAN_BUDGET = 20_000;

    private final LogStore store;

    public LogsApi(LogStore store) {
        this.store = store;
    }

    public static void register(HttpRouter router, LogStore store) {
        LogsApi api = new LogsApi(store);
        router.target(PREFIX + "DescribeLogGroups", api::describeLogGroups);
        router.target(PREFIX + "DescribeLogStreams", api::describeLogStreams);
        router.target(PREFIX + "GetLogEvents", api::getLogEvents);
        router.target(PREFIX + "FilterLogEvents", api::filterLogEvents);
    }

    private static AwsException notFound(String what) {
        return new AwsException("ResourceNotFoundException", 400, "The specified log " + what + " does not exist.");
    }

    private static AwsException invalid(String message) {
        return LogFilterPattern.logsInvalid(message);
    }

    JsonNode describeLogGroups(Request req) {
        String prefix = req.optionalString("logGroupNamePrefix", 1, 512);
        String pattern = req.optionalString("logGroupNamePattern", 0, 512);
        if (prefix != null && pattern != null) invalidBoth("logGroupNamePrefix", "logGroupNamePattern");
        int limit = limit(req, 50, 50);
        int offset = offsetToken(req.optionalString("nextToken", 1, 4096));
        List<LogStore.Group> all = new ArrayList<>(store.groups(prefix == null ? "" : prefix));
        if (pattern != null && !pattern.isEmpty()) all.removeIf(g -> !g.name().contains(pattern));
        ArrayNode groups = Json.array();
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            LogStore.Group g = all.get(i);
            groups.add(Json.object().put("logGroupName", g.name()).put("creationTime", g.creationTime())
                    .put("metricFilterCount", 0).put("arn", ARN_PREFIX + g.name() + ":*")
                    .put("logGroupArn", ARN_PREFIX + g.name()).put("storedBytes", g.storedBytes())
                    .put("logGroupClass", "STANDARD"));
        }
        ObjectNode out = Json.object();
        out.set("logGroups", groups);
        if (offset + limit < all.size()) out.put("nextToken", encode("o/" + (offset + limit)));
        return out;
    }

    JsonNode describeLogStreams(Request req) {
        String group = group(req);
        String prefix = req.optionalString("logStreamNamePrefix", 1, 512);
        String orderBy = req.optionalString("orderBy", 0, 32);
        if (orderBy != null && !orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime")) {
            throw invalid("1 validation error detected: Value '" + orderBy + "' at 'orderBy' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }
        if ("LastEventTime".equals(orderBy) && prefix != null) {
            throw invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        Boolean desc = req.optionalBoolean("descending");
        int limit = limit(req, 50, 50);
        int offset = offsetToken(req.optionalString("nextToken", 1, 4096));
        List<LogStore.Stream> all = new ArrayList<>(store.streams(group, prefix == null ? "" : prefix));
        if ("LastEventTime".equals(orderBy)) {
            all.sort((a, b) -> Long.compare(a.lastEventTimestamp() == null ? 0 : a.lastEventTimestamp(),
                    b.lastEventTimestamp() == null ? 0 : b.lastEventTimestamp()));
        }
        if (Boolean.TRUE.equals(desc)) Collections.reverse(all);
        ArrayNode streams = Json.array();
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            LogStore.Stream s = all.get(i);
            ObjectNode o = Json.object().put("logStreamName", s.name()).put("creationTime", s.creationTime());
            if (s.firstEventTimestamp() != null) o.put("firstEventTimestamp", s.firstEventTimestamp());
            if (s.lastEventTimestamp() != null) o.put("lastEventTimestamp", s.lastEventTimestamp());
            o.put("lastIngestionTime", s.lastIngestionTime()).put("uploadSequenceToken", "1")
                    .put("arn", ARN_PREFIX + group + ":log-stream:" + s.name()).put("storedBytes", s.storedBytes());
            streams.add(o);
        }
        ObjectNode out = Json.object();
        out.set("logStreams", streams);
        if (offset + limit < all.size()) out.put("nextToken", encode("o/" + (offset + limit)));
        return out;
    }

    JsonNode getLogEvents(Request req) {
        String group = group(req);
        String stream = req.requiredString("logStreamName", 1, 512);
        if (store.streams(group, stream).stream().noneMatch(s -> s.name().equals(stream))) throw notFound("stream");
        long start = timeMs(req, "startTime", 0);
        long end = timeMs(req, "endTime", Long.MAX_VALUE);
        int limit = limit(req, 10_000, 10_000);
        Boolean fromHead = req.optionalBoolean("startFromHead");
        String token = req.optionalString("nextToken", 1, 4096);
        List<String> streams = List.of(stream);
        List<LogStore.Event> events;
        Key key = token == null ? null : Key.decode(token);
        if (key == null ? !Boolean.TRUE.equals(fromHead) : key.backward) {
            Key from = key == null ? new Key(true, Long.MAX_VALUE, Long.MAX_VALUE) : key;
            events = new ArrayList<>(store.events(group, streams, start, end, from.ts, from.id, true, limit));
            Collections.reverse(events);
        } else {
            Key from = key == null ? new Key(false, Long.MIN_VALUE, Long.MIN_VALUE) : key;
            events = store.events(group, streams, start, end, from.ts, from.id, false, limit);
        }
        ArrayNode list = Json.array();
        for (LogStore.Event e : events) {
            list.add(Json.object().put("timestamp", e.timestamp()).put("message", e.message()).put("ingestionTime", e.ingestionTime()));
        }
        ObjectNode out = Json.object();
        out.set("events", list);
        if (events.isEmpty()) {
            // At either end AWS hands back the token it was given, which is how callers detect the end.
            String same = token != null ? token : new Key(false, Long.MIN_VALUE, Long.MIN_VALUE).encode();
            out.put("nextForwardToken", key != null && key.backward ? new Key(false, Long.MIN_VALUE, Long.MIN_VALUE).encode() : same);
            out.put("nextBackwardToken", key != null && !key.backward ? new Key(true, key.ts, key.id).encode() : same);
        } else {
            LogStore.Event first = events.get(0);
            LogStore.Event last = events.get(events.size() - 1);
            out.put("nextForwardToken", new Key(false, last.timestamp(), last.id()).encode());
            out.put("nextBackwardToken", new Key(true, first.timestamp(), first.id()).encode());
        }
        return out;
    }

    JsonNode filterLogEvents(Request req) {
        String group = group(req);
        List<String> names = req.has("logStreamNames") ? req.requiredStringList("logStreamNames", 1, 512) : List.of();
        if (names.size() > 100) throw invalid("logStreamNames may name at most 100 streams");
        String streamPrefix = req.optionalString("logStreamNamePrefix", 1, 512);
        if (!names.isEmpty() && streamPrefix != null) {
            throw invalid("You cannot specify both LogStreamNames and LogStreamNamePrefix.");
        }
        long start = timeMs(req, "startTime", 0);
        long end = timeMs(req, "endTime", Long.MAX_VALUE);
        if (end < start) throw invalid("endTime must be greater than or equal to startTime");
        String patternText = req.optionalString("filterPattern", 0, 1024);
        LogFilterPattern pattern = LogFilterPattern.parse(patternText);
        int limit = limit(req, 10_000, 10_000);
        List<String> streams = names;
        if (streamPrefix != null) {
            streams = store.streams(group, streamPrefix).stream().map(LogStore.Stream::name).toList();
            if (streams.isEmpty()) return filterResult(List.of(), null);
        }
        String token = req.optionalString("nextToken", 1, 4096);
        Key key = token == null ? new Key(false, Long.MIN_VALUE, Long.MIN_VALUE) : Key.decode(token);
        if (key.backward) throw invalid("The specified nextToken is not valid for FilterLogEvents.");
        List<LogStore.Event> found = new ArrayList<>();
        int scanned = 0;
        long ts = key.ts, id = key.id;
        boolean exhausted = false;
        while (found.size() < limit && scanned < SCAN_BUDGET) {
            List<LogStore.Event> batch = store.events(group, streams, start, end, ts, id, false, 1000);
            if (batch.isEmpty()) {
                exhausted = true;
                break;
            }
            for (LogStore.Event e : batch) {
                scanned++;
                ts = e.timestamp();
                id = e.id();
                if (pattern.matches(e.message())) {
                    found.add(e);
                    if (found.size() == limit) break;
                }
            }
            if (batch.size() < 1000 && found.size() < limit) {
                exhausted = true;
                break;
            }
        }
        return filterResult(found, exhausted ? null : new Key(false, ts, id).encode());
    }

    private static JsonNode filterResult(List<LogStore.Event> events, String nextToken) {
        ArrayNode list = Json.array();
        for (LogStore.Event e : events) {
            list.add(Json.object().put("logStreamName", e.stream()).put("timestamp", e.timestamp()).put("message", e.message())
                    .put("ingestionTime", e.ingestionTime()).put("eventId", String.format("%020d%020d", e.timestamp(), e.id())));
        }
        ObjectNode out = Json.object();
        out.set("events", list);
        out.set("searchedLogStreams", Json.array());
        if (nextToken != null) out.put("nextToken", nextToken);
        return out;
    }

    /** logGroupName or logGroupIdentifier (name or ARN), exactly one; the group must exist. */
    private String group(Request req) {
        String name = req.optionalString("logGroupName", 1, 512);
        String ident = req.optionalString("logGroupIdentifier", 1, 2048);
        if (name != null && ident != null) invalidBoth("logGroupName", "logGroupIdentifier");
        if (name == null && ident == null) throw invalid("Either logGroupName or logGroupIdentifier must be specified.");
        String group = name != null ? name : ident.startsWith("arn:") ? groupFromArn(ident) : ident;
        if (!group.matches("[.\\-_/#A-Za-z0-9]+")) {
            throw invalid("1 validation error detected: Value '" + group + "' at 'logGroupName' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        }
        if (!store.groupExists(group)) throw notFound("group");
        return group;
    }

    private static String groupFromArn(String arn) {
        int i = arn.indexOf(":log-group:");
        if (i < 0) throw invalid("Not a log group ARN: " + arn);
        String rest = arn.substring(i + ":log-group:".length());
        return rest.endsWith(":*") ? rest.substring(0, rest.length() - 2) : rest;
    }

    private static void invalidBoth(String a, String b) {
        throw invalid("You cannot specify both " + a + " and " + b + ".");
    }

    private static int limit(Request req, int def, int max) {
        Integer l = req.optionalInt("limit", 1, max);
        return l == null ? def : l;
    }

    private static long timeMs(Request req, String name, long def) {
        Long v = Request.longOf(req.node(name), name, 0);
        return v == null ? def : v;
    }

    private static int offsetToken(String token) {
        if (token == null) return 0;
        String raw = decode(token);
        try {
            if (!raw.startsWith("o/")) throw new NumberFormatException();
            int v = Integer.parseInt(raw.substring(2));
            if (v < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw invalid("The specified nextToken is not valid.");
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("The specified nextToken is not valid.");
        }
    }

    /** A position in (timestamp, id) order; GetLogEvents' tokens carry a direction ({@code f/} or {@code b/}). */
    private record Key(boolean backward, long ts, long id) {
        String encode() { return LogsApi.encode((backward ? "b/" : "f/") + ts + "/" + id); }

        static Key decode(String token) {
            String[] parts = LogsApi.decode(token).split("/");
            try {
                if (parts.length != 3 || !(parts[0].equals("f") || parts[0].equals("b"))) throw new NumberFormatException();
                return new Key(parts[0].equals("b"), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            } catch (NumberFormatException e) {
                throw invalid("The specified nextToken is not valid.");
            }
        }
    }
}
