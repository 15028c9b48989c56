package dev.tracedesk.filter;

import java.util.List;
import java.util.TreeSet;

/**
 * The words of the filter language an editor can offer for completion: keywords of every scope, the complex keywords
 * and the logical words. Values (service names, annotation keys) come from the data, not from here.
 */
public final class FilterVocabulary {

    private static final TreeSet<String> KEYWORDS = new TreeSet<>();

    static {
        KEYWORDS.addAll(FilterParser.TRACE_WORDS);
        KEYWORDS.addAll(FilterParser.SERVICE_WORDS);
        KEYWORDS.addAll(FilterParser.EDGE_WORDS);
        KEYWORDS.addAll(FilterParser.RC_SERVICE_WORDS);
        KEYWORDS.addAll(FilterParser.RC_ENTITY_WORDS);
        KEYWORDS.addAll(FilterParser.RC_EXCEPTION_WORDS);
        KEYWORDS.addAll(List.of("group.name", "group.arn", "rootcause.json"));
        for (String kind : List.of("fault", "error", "responsetime")) {
            for (String level : List.of("service", "entity", "exception")) {
                KEYWORDS.add("rootcause." + kind + "." + level);
            }
        }
    }

    /** Simple keywords (usable as {@code keyword op value} or bare booleans), sorted. */
    public static final List<String> KEYWORD_LIST = List.copyOf(KEYWORDS);

    /** Keywords that take arguments: {@code service(...)}, {@code edge(...)}. */
    public static final List<String> FUNCTIONS = List.of("service", "edge");

    /** {@code and}, {@code or}, {@code not}, {@code true}, {@code false}. */
    public static final List<String> LOGICAL = List.of("and", "or", "not", "true", "false");

    private FilterVocabulary() {
    }

    /** Whether {@code word} (lower case) is a simple keyword of some scope. */
    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word);
    }
}
