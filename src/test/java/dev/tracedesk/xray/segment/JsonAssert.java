package dev.tracedesk.xray.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;

/** JSON value equality that compares numbers by value (1764000240.000 equals 1.76400024E9). */
final class JsonAssert {
    private JsonAssert() {}

    static JsonNode tree(String json) {
        try {
            return SegmentCodec.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static void assertSameJson(String actual, String expected) {
        JsonNode a = tree(actual);
        JsonNode e = tree(expected);
        boolean same = a.equals((x, y) -> {
            if (x instanceof NumericNode && y instanceof NumericNode) {
                return Double.compare(x.doubleValue(), y.doubleValue()) == 0 ? 0 : 1;
            }
            return x.equals(y) ? 0 : 1;
        }, e);
        assertThat(same).as("same JSON value%n actual:   %s%n expected: %s", actual, expected).isTrue();
    }
}
