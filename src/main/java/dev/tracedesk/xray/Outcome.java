package dev.tracedesk.xray;

import dev.tracedesk.xray.segment.Segment;

/**
 * How one call or segment ended (spec §6.5), the single place these rules live. Flags win: when any of
 * fault/throttle/error is set the status is not consulted; otherwise the HTTP status decides (5xx fault, 429 throttle,
 * other 4xx error). Precedence fault &gt; throttle &gt; error &gt; ok.
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
        if (fault || throttle || error) {
            return fault ? FAULT : throttle ? THROTTLE : ERROR;
        }
        if (isFaultStatus(status)) {
            return FAULT;
        }
        if (status != null && status == 429) {
            return THROTTLE;
        }
        return isErrorStatus(status) ? ERROR : OK;
    }

    /** The outcome of one segment or subsegment. */
    public static Outcome of(Segment s) {
        return of(s.fault(), s.throttle(), s.error(), s.httpStatus());
    }

    /**
     * Fault flag, or a 5xx status when no flag is set (TraceSummary.HasFault on the root, filter keyword
     * {@code fault}).
     */
    public static boolean isFault(Segment s) {
        return hasFlags(s) ? s.fault() : isFaultStatus(s.httpStatus());
    }

    /**
     * Error or throttle flag, or a 4xx status (429 included) when no flag is set (TraceSummary.HasError, filter
     * keyword {@code error}).
     */
    public static boolean isError(Segment s) {
        return hasFlags(s) ? s.error() || s.throttle() : isErrorStatus(s.httpStatus());
    }

    /** Throttle flag, or 429 when no flag is set (TraceSummary.HasThrottle, filter keyword {@code throttle}). */
    public static boolean isThrottle(Segment s) {
        Integer st = s.httpStatus();
        return hasFlags(s) ? s.throttle() : st != null && st == 429;
    }

    private static boolean hasFlags(Segment s) {
        return s.fault() || s.error() || s.throttle();
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
