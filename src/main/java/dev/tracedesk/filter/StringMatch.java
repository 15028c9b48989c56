package dev.tracedesk.filter;

/** One string comparison (=, CONTAINS, BEGINSWITH, ENDSWITH; != is "not =") against a fixed value, allocation-free. */
final class StringMatch {
    private final Op op;
    private final String value;
    private final boolean ignoreCase;

    StringMatch(Op op, String value, boolean ignoreCase) {
        this.op = op;
        this.value = value;
        this.ignoreCase = ignoreCase;
    }

    /** {@code v op value}; for {@link Op#NE} this is the equality test the caller negates. */
    boolean test(String v) {
        switch (op) {
            case CONTAINS: return contains(v);
            case BEGINSWITH: return v.regionMatches(ignoreCase, 0, value, 0, value.length());
            case ENDSWITH: return v.length() >= value.length()
                    && v.regionMatches(ignoreCase, v.length() - value.length(), value, 0, value.length());
            default: return equalsValue(v);
        }
    }

    boolean equalsValue(String v) {
        return ignoreCase ? value.equalsIgnoreCase(v) : value.equals(v);
    }

    private boolean contains(String v) {
        if (!ignoreCase) return v.contains(value);
        int max = v.length() - value.length();
        for (int k = 0; k <= max; k++) {
            if (v.regionMatches(true, k, value, 0, value.length())) return true;
        }
        return false;
    }
}
