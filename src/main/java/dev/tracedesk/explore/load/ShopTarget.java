package dev.tracedesk.explore.load;

import java.util.List;

/** Where the shop stack answers: its stage's invoke URL and the functions whose REPORT lines a run reads. */
public record ShopTarget(String invokeUrl, List<String> functions) {
    public ShopTarget {
        functions = List.copyOf(functions);
    }
}
