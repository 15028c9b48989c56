package dev.tracedesk.sandbox.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of a query-protocol request ({@code Action=...&Version=...&Foo.member.1=...}). */
public final class Form {
    private final Map<String, String> values;

    public Form(Map<String, String> values) { this.values = Map.copyOf(values); }

    /** Parses {@code application/x-www-form-urlencoded}; a malformed escape is the caller's error, not ours. */
    public static Form parse(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body != null && !body.isBlank()) {
            for (String pair : body.trim().split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                try {
                    out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new AwsException("MalformedQueryString", 400, "Malformed form parameter: " + Request.abbreviate(pair));
                }
            }
        }
        return new Form(out);
    }

    public Map<String, String> values() { return values; }

    public String get(String name) { return values.get(name); }

    public String action() { return values.get("Action"); }

    public String version() { return values.get("Version"); }

    /** A required parameter: missing is AWS's ValidationError. */
    public String required(String name) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            throw new AwsException("ValidationError", 400,
                    "1 validation error detected: Value null at '" + lowerFirst(name) + "' failed to satisfy constraint: Member must not be null");
        }
        return v;
    }

    public String optional(String name, String fallback) {
        String v = values.get(name);
        return v == null ? fallback : v;
    }

    public Integer optionalInt(String name, int min, int max) {
        String v = values.get(name);
        if (v == null) return null;
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) throw new NumberFormatException();
            return i;
        } catch (NumberFormatException e) {
            throw new AwsException("ValidationError", 400, "Value '" + v + "' at '" + lowerFirst(name)
                    + "' failed to satisfy constraint: Member must be an integer between " + min + " and " + max);
        }
    }

    /** {@code Prefix.member.1}, {@code Prefix.member.2}, ... (or {@code Prefix.member.N.Field} via {@link #structs}). */
    public List<String> list(String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 1; values.containsKey(prefix + ".member." + i); i++) out.add(values.get(prefix + ".member." + i));
        return out;
    }

    /** {@code Prefix.member.N.Field} entries as maps of Field to value. */
    public List<Map<String, String>> structs(String prefix) {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 1; ; i++) {
            String p = prefix + ".member." + i + ".";
            Map<String, String> m = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                if (k.startsWith(p)) m.put(k.substring(p.length()), v);
            });
            if (m.isEmpty()) return out;
            out.add(m);
        }
    }

    private static String lowerFirst(String s) { return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1); }
}
