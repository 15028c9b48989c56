package dev.tracedesk.xray.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code cause} of an error (spec §3.7): either a reference to an exception recorded elsewhere in the trace
 * ({@code exceptionId} set, the rest empty) or a full object with working directory, paths and exceptions.
 */
public record Cause(String exceptionId, String workingDirectory, List<String> paths, List<ExceptionInfo> exceptions,
                    ObjectNode extra) {

    public Cause {
        paths = paths == null ? null : List.copyOf(paths);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    public static Cause reference(String exceptionId) {
        return new Cause(exceptionId, null, null, List.of(), null);
    }

    public static Cause of(List<ExceptionInfo> exceptions) {
        return new Cause(null, null, null, exceptions, null);
    }

    public boolean isReference() {
        return exceptionId != null;
    }

    /** One recorded exception. {@code cause} is the id of the exception that caused this one. */
    public record ExceptionInfo(String id, String message, String type, Boolean remote, Integer truncated,
                                Integer skipped, String cause, List<StackFrame> stack, ObjectNode extra) {
        public ExceptionInfo {
            stack = stack == null ? null : List.copyOf(stack);
        }

        public static ExceptionInfo of(String id, String type, String message, boolean remote) {
            return new ExceptionInfo(id, message, type, remote, null, null, null, null, null);
        }

        public boolean isRemote() {
            return Boolean.TRUE.equals(remote);
        }
    }

    public record StackFrame(String path, Integer line, String label, ObjectNode extra) {
        public static StackFrame of(String path, int line, String label) {
            return new StackFrame(path, line, label, null);
        }
    }
}
