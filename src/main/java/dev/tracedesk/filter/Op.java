package dev.tracedesk.filter;

import java.util.Locale;

/** A comparison operator of the filter language, as written (words are case-insensitive). */
public enum Op {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    CONTAINS("CONTAINS"), BEGINSWITH("BEGINSWITH"), ENDSWITH("ENDSWITH");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    /** The canonical spelling, e.g. {@code ">="} or {@code "CONTAINS"}. */
    public String symbol() {
        return symbol;
    }

    /** True for the operators a number keyword accepts: = != < <= > >=. */
    public boolean isNumeric() {
        return this.ordinal() <= GE.ordinal();
    }

    /** True for the operators a string keyword accepts: = != CONTAINS BEGINSWITH ENDSWITH. */
    public boolean isString() {
        return this == EQ || this == NE || this.ordinal() >= CONTAINS.ordinal();
    }

    /** The operator spelled by {@code word} (CONTAINS, BEGINSWITH, ENDSWITH; any case), or null. */
    static Op ofWord(String word) {
        switch (word.toUpperCase(Locale.ROOT)) {
            case "CONTAINS": return CONTAINS;
            case "BEGINSWITH": return BEGINSWITH;
            case "ENDSWITH": return ENDSWITH;
            default: return null;
        }
    }
}
