package dev.tracedesk.filter;

/** Number keywords (§9.2), compared with = != < <= > >=. Times are in seconds. */
public enum NumberKeyword {
    RESPONSETIME("responsetime"), DURATION("duration"), HTTP_STATUS("http.status"), INDEX("index"), COVERAGE("coverage");

    private final String word;

    NumberKeyword(String word) {
        this.word = word;
    }

    /** The canonical (lower-case) spelling. */
    public String word() {
        return word;
    }
}
