package dev.tracedesk.xray;

import dev.tracedesk.xray.segment.Segment;

/**
 * How one call or segment ended (spec §6.5), the single place these rules live. Each condition is "flag or status"
 * as in the spec's table: fault = {@code fault} or 5xx, throttle = {@code throttle} or 429, error = {@code error} or
 * 4xx (429 included). A flag counts even when the status says otherwise (a {@code fault} on a 200). One call has one
 * outcome, by precedence fault &gt; throttle &gt; error &gt; ok; the predicates are independent (a DynamoDB 400 marked
 * {@code fault} is both a fault and an error, as the filter keywords see it).
 */
public enum Outcome {
    /** 2xx/3xx or no status and no flags. */
    OK,
    /** 4xx other than 429, or the error flag. */
    ERROR,
    /** 429, or the throttle flag. */
    THROTTLE,
    /** 5xx, or the fault flag. */
    FAULT;

    public static Outcome of(boolean fault, boolean throttle, boolean error, Integer status) {
        if (fault || isFaultStatus(status)) {
            return FAULT;
        }
        if (throttle || (status != null && status == 429)) {
            return THROTTLE;
        }
        if (error || isErrorStatus(status)) {
            return ERROR;
        }
        return OK;
    }

    /** The outcome of one segment or subsegment. */
    public static Outcome of(Segment s) {
        return of(s.fault(), s.throttle(), s.error(), s.httpStatus());
    }

    /** Fault flag or 5xx status (TraceSummary.HasFault on the root, filter keyword {@code fault}). */
    public static boolean isFault(Segment s) {
        return s.fault() || isFaultStatus(s.httpStatus());
    }

    /** Error flag, throttle flag or 4xx status, 429 included (TraceSummary.HasError, filter keyword {@code error}). */
    public static boolean isError(Segment s) {
        return s.error() || s.throttle() || isErrorStatus(s.httpStatus());
    }

    /** Throttle flag or 429 (TraceSummary.HasThrottle, filter keyword {@code throttle}). */
    public static boolean isThrottle(Segment s) {
        Integer st = s.httpStatus();
        return s.throttle() || (st != null && st == 429);
    }

    /** None of fault, error, throttle (filter keyword {@code ok}). */
    public static boolean isOk(Segment s) {
        return of(s) == OK;
    }

    private static boolean isFaultStatus(Integer status) {
        return status != null && status >= 500 && status <= 599;
    }

    private static boolean isErrorStatus(Integer status) {
        return status != null && status >= 400 && status <= 499;
    }
}
