package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed, validated access to the members of a rest-json request body. Every violation becomes an
 * InvalidRequestException worded like AWS's validation errors, so bad input never reaches a handler.
 */
public final class Request {
    private final ObjectNode body;

    public Request(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            this.body = JsonNodeFactory.instance.objectNode();
        } else if (body.isObject()) {
            this.body = (ObjectNode) body;
        } else {
            throw AwsException.invalidRequest("Request body must be a JSON object");
        }
    }

    public ObjectNode body() { return body; }

    public boolean has(String name) {
        JsonNode n = body.get(name);
        return n != null && !n.isNull();
    }

    public JsonNode node(String name) {
        JsonNode n = body.get(name);
        return n == null || n.isNull() ? null : n;
    }

    static AwsException validation(String member, Object value, String constraint) {
        return AwsException.invalidRequest("1 validation error detected: Value " + (value == null ? "null" : "'" + value + "'")
                + " at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    public String requiredString(String name, int min, int max) {
        String s = optionalString(name, min, max);
        if (s == null) throw validation(name, null, "Member must not be null");
        return s;
    }

    public String optionalString(String name, int min, int max) {
        return stringOf(node(name), name, min, max);
    }

    public static String stringOf(JsonNode n, String name, int min, int max) {
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw validation(name, n, "Member must be a string");
        String s = n.textValue();
        if (s.length() < min) throw validation(name, s, "Member must have length greater than or equal to " + min);
        if (s.length() > max) throw validation(name, abbreviate(s), "Member must have length less than or equal to " + max);
        return s;
    }

    public Instant requiredTime(String name) {
        Instant t = optionalTime(name);
        if (t == null) throw validation(name, null, "Member must not be null");
        return t;
    }

    public Instant optionalTime(String name) {
        return timeOf(node(name), name);
    }

    /** rest-json timestamps: epoch seconds (fractions allowed); ISO-8601 strings are accepted too. */
    public static Instant timeOf(JsonNode n, String name) {
        if (n == null || n.isNull()) return null;
        if (n.isNumber()) {
            double v = n.doubleValue();
            if (!Double.isFinite(v) || Math.abs(v) > 3.2e11) throw validation(name, n, "Member must be a valid timestamp");
            long secs = (long) Math.floor(v);
            long nanos = Math.round((v - secs) * 1e9);
            return Instant.ofEpochSecond(secs, Math.min(nanos, 999_999_999));
        }
        if (n.isTextual()) {
            String s = n.textValue().trim();
            try {
                return timeOf(JsonNodeFactory.instance.numberNode(Double.parseDouble(s)), name);
            } catch (NumberFormatException notNumeric) {
                try {
                    return OffsetDateTime.parse(s).toInstant();
                } catch (DateTimeParseException e) {
                    try {
                        return Instant.parse(s);
                    } catch (DateTimeParseException e2) {
                        throw validation(name, s, "Member must be a valid timestamp");
                    }
                }
            }
        }
        throw validation(name, n, "Member must be a valid timestamp");
    }

    public Integer optionalInt(String name, long min, long max) {
        return intOf(node(name), name, min, max);
    }

    public static Integer intOf(JsonNode n, String name, long min, long max) {
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToLong()) throw validation(name, n, "Member must be an integer");
        long v = n.longValue();
        if (v < min) throw validation(name, v, "Member must have value greater than or equal to " + min);
        if (v > max) throw validation(name, v, "Member must have value less than or equal to " + max);
        return (int) v;
    }

    public static Long longOf(JsonNode n, String name, long min) {
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToLong()) throw validation(name, n, "Member must be an integer");
        long v = n.longValue();
        if (v < min) throw validation(name, v, "Member must have value greater than or equal to " + min);
        return v;
    }

    public Double optionalDouble(String name, double min, double max) {
        return doubleOf(node(name), name, min, max);
    }

    public static Double doubleOf(JsonNode n, String name, double min, double max) {
        if (n == null || n.isNull()) return null;
        if (!n.isNumber()) throw validation(name, n, "Member must be a number");
        double v = n.doubleValue();
        if (!Double.isFinite(v) || v < min || v > max) {
            throw validation(name, v, "Member must have value between " + min + " and " + max);
        }
        return v;
    }

    public Boolean optionalBoolean(String name) {
        return booleanOf(node(name), name);
    }

    public static Boolean booleanOf(JsonNode n, String name) {
        if (n == null || n.isNull()) return null;
        if (!n.isBoolean()) throw validation(name, n, "Member must be a boolean");
        return n.booleanValue();
    }

    public ObjectNode requiredObject(String name) {
        JsonNode n = node(name);
        if (n == null) throw validation(name, null, "Member must not be null");
        if (!n.isObject()) throw validation(name, abbreviate(n.toString()), "Member must be a structure");
        return (ObjectNode) n;
    }

    public List<JsonNode> requiredList(String name, int max) {
        List<JsonNode> l = optionalList(name, max);
        if (l == null) throw validation(name, null, "Member must not be null");
        return l;
    }

    public List<JsonNode> optionalList(String name, int max) {
        JsonNode n = node(name);
        if (n == null) return null;
        if (!n.isArray()) throw validation(name, abbreviate(n.toString()), "Member must be a list");
        if (n.size() > max) throw validation(name, n.size() + " items", "Member must have length less than or equal to " + max);
        List<JsonNode> out = new ArrayList<>(n.size());
        n.forEach(out::add);
        return out;
    }

    public List<String> requiredStringList(String name, int min, int max) {
        List<JsonNode> l = requiredList(name, Integer.MAX_VALUE);
        List<String> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) out.add(stringOf(l.get(i), name + "." + (i + 1), min, max));
        if (out.stream().anyMatch(s -> s == null)) throw validation(name, null, "Member must not contain null elements");
        return out;
    }

    static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 64 ? s.substring(0, 61) + "..." : s;
    }
}
