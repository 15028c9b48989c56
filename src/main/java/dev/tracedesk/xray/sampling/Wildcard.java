package dev.tracedesk.xray.sampling;

import java.util.Locale;

/**
 * The sampling-rule string matcher of the X-Ray SDKs (Java {@code SearchPattern.wildcardMatch}, Python
 * {@code search_pattern.wildcard_match}; spec §8.2): {@code *} matches any sequence including the empty one,
 * {@code ?} exactly one character, comparison ignores case, and {@code *} alone matches everything, even a missing
 * value. Shared by the sandbox's stage sampler and the GUI's "which rule" matcher so both decide alike.
 */
public final class Wildcard {

    private Wildcard() {
    }

    /** Whether {@code value} matches {@code pattern}; a null value matches only {@code *}. */
    public static boolean matches(String pattern, String value) {
        if (pattern == null) {
            return false;
        }
        if ("*".equals(pattern)) {
            return true;
        }
        if (value == null) {
            return false;
        }
        String p = pattern.toLowerCase(Locale.ROOT);
        String v = value.toLowerCase(Locale.ROOT);
        // Greedy scan with back-tracking to the last '*': linear in practice, no regex compilation per request.
        int pi = 0;
        int vi = 0;
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
