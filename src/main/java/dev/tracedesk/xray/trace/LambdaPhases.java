package dev.tracedesk.xray.trace;

import dev.tracedesk.xray.segment.Segment;
import java.util.Locale;

/**
 * The phases Lambda records under a function segment (spec §7.2): Initialization (cold starts only; also "Init", and
 * "Restore" for SnapStart), Invocation, Overhead. A cold start is a function segment with an init-phase subsegment.
 */
public final class LambdaPhases {
    public static final String FUNCTION_ORIGIN = "AWS::Lambda::Function";
    public static final String SERVICE_ORIGIN = "AWS::Lambda";

    /** The phase a subsegment of a function segment stands for. */
    public enum Phase { INITIALIZATION, RESTORE, INVOCATION, OVERHEAD, OTHER }

    private LambdaPhases() {}

    public static Phase phaseOf(Segment subsegment) {
        String n = subsegment.name() == null ? "" : subsegment.name().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "initialization", "init" -> Phase.INITIALIZATION;
            case "restore" -> Phase.RESTORE;
            case "invocation" -> Phase.INVOCATION;
            case "overhead" -> Phase.OVERHEAD;
            default -> Phase.OTHER;
        };
    }

    public static boolean isFunctionSegment(Segment s) {
        return FUNCTION_ORIGIN.equals(s.origin());
    }

    /** True for a function segment whose invocation had to initialise (or restore) its environment first. */
    public static boolean isColdStart(Segment functionSegment) {
        if (!isFunctionSegment(functionSegment)) {
            return false;
        }
        for (Segment sub : functionSegment.subsegments()) {
            Phase p = phaseOf(sub);
            if (p == Phase.INITIALIZATION || p == Phase.RESTORE) {
                return true;
            }
        }
        return false;
    }

    /** True when any function in the trace started cold. */
    public static boolean hasColdStart(Trace trace) {
        for (Segment s : trace.segments()) {
            if (isColdStart(s)) {
                return true;
            }
        }
        return false;
    }
}
