package dev.tracedesk.filter;

/** Boolean keywords (§9.2): bare = true, {@code !kw} = false, {@code kw = true|false}. */
public enum BoolKeyword {
    OK("ok"), ERROR("error"), THROTTLE("throttle"), FAULT("fault"), PARTIAL("partial"), INFERRED("inferred"),
    FIRST("first"), LAST("last"), REMOTE("remote"), ROOT("root");

    private final String word;

    BoolKeyword(String word) {
        this.word = word;
    }

    /** The canonical (lower-case) spelling. */
    public String word() {
        return word;
    }
}
