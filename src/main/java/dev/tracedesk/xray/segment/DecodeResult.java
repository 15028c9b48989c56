package dev.tracedesk.xray.segment;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of decoding one document: a valid segment or the reasons it was rejected. Never an exception. */
public sealed interface DecodeResult {

    /** AWS error code for documents that cannot be used (PutTraceSegments UnprocessedTraceSegments.ErrorCode). */
    String INVALID_SEGMENT = "InvalidSegment";
    /** AWS error code when only the trace id is wrong. */
    String INVALID_TRACE_ID = "InvalidTraceId";

    boolean isValid();

    record Valid(Segment segment) implements DecodeResult {
        @Override
        public boolean isValid() {
            return true;
        }
    }

    /**
     * @param id         the document's {@code id} when it could be read (for UnprocessedTraceSegments.Id), else null
     * @param traceId    the document's {@code trace_id} when it could be read, else null
     * @param errorCode  {@link #INVALID_TRACE_ID} when the trace id is the only problem, else {@link #INVALID_SEGMENT}
     * @param violations every problem found, at least one
     */
    record Invalid(String id, String traceId, String errorCode, List<Violation> violations) implements DecodeResult {
        public Invalid {
            violations = List.copyOf(violations);
        }

        @Override
        public boolean isValid() {
            return false;
        }

        /** All reasons in one line, for logs and error messages. */
        public String message() {
            return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
        }
    }
}
