package dev.tracedesk.sandbox.api;

import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch Logs text filter patterns: space-separated terms (all must occur), {@code "quoted phrases"} (one term,
 * spaces and {@code -} included), {@code ?term} (at least one of the ?-terms must occur) and {@code -term} (must not
 * occur). Matching is case-sensitive, as in CloudWatch. JSON and space-delimited ({@code { … }}, {@code [ … ]})
 * patterns are refused with InvalidParameterException.
 */
public final class LogFilterPattern {
    private final List<String> required = new ArrayList<>();
    private final List<String> optional = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();

    private LogFilterPattern() {}

    public static LogFilterPattern parse(String pattern) {
        LogFilterPattern p = new LogFilterPattern();
        if (pattern == null) return p;
        String s = pattern.trim();
        if (s.startsWith("{") || s.startsWith("[")) {
            throw logsInvalid("JSON and space-delimited filter patterns are not supported by the sandbox: " + pattern);
        }
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<String> target = p.required;
            if (c == '?' || c == '-') {
                target = c == '?' ? p.optional : p.excluded;
                i++;
                if (i >= s.length() || Character.isWhitespace(s.charAt(i))) {
                    throw logsInvalid("Invalid filter pattern: '" + c + "' must be followed by a term at position " + i);
                }
            }
            String term;
            if (s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) throw logsInvalid("Invalid filter pattern: unterminated quote at position " + i);
                term = s.substring(i + 1, close);
                i = close + 1;
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j))) j++;
                term = s.substring(i, j);
                i = j;
            }
            if (!term.isEmpty()) target.add(term);
        }
        return p;
    }

    public boolean matches(String message) {
        for (String t : required) if (!message.contains(t)) return false;
        for (String t : excluded) if (message.contains(t)) return false;
        if (optional.isEmpty()) return true;
        for (String t : optional) if (message.contains(t)) return true;
        return false;
    }

    static AwsException logsInvalid(String message) {
        return new AwsException("InvalidParameterException", 400, message);
    }
}
