package dev.tracedesk.filter;

/** String keywords (§9.2), compared with = != CONTAINS BEGINSWITH ENDSWITH, or bare as an existence test. */
public enum StringKeyword {
    HTTP_URL("http.url"), HTTP_METHOD("http.method"), HTTP_USERAGENT("http.useragent"), HTTP_CLIENTIP("http.clientip"),
    USER("user"), NAME("name"), TYPE("type"), MESSAGE("message"), AVAILABILITYZONE("availabilityzone"),
    INSTANCE_ID("instance.id"), RESOURCE_ARN("resource.arn"), ACCOUNT_ID("account.id");

    private final String word;

    StringKeyword(String word) {
        this.word = word;
    }

    /** The canonical (lower-case) spelling. */
    public String word() {
        return word;
    }
}
