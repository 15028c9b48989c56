package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The one ObjectMapper of the sandbox API, and helpers for building responses. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        // Request bodies are bounded by the router; nesting is bounded here so a hostile body cannot blow the stack.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private Json() {}

    public static ObjectNode object() { return JsonNodeFactory.instance.objectNode(); }

    public static ArrayNode array() { return JsonNodeFactory.instance.arrayNode(); }

    /** Epoch seconds with millisecond precision, the numeric form AWS uses in responses. */
    public static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1_000_000 / 1000.0;
    }
}
