package dev.tracedesk.explore.analytics;

/**
 * How much one analytics read may cost before it stops and reports a subset: trace summaries kept and
 * GetTraceSummaries requests made, shared evenly by the time slices so a stopped read still spans the whole window.
 */
public record ReadBudget(long traces, long requests) {
    /** No limit: every trace in the window counts (the sandbox, and "Read all"). */
    public static final ReadBudget UNLIMITED = new ReadBudget(Long.MAX_VALUE, Long.MAX_VALUE);

    public ReadBudget {
        if (traces < 1 || requests < 1) {
            throw new IllegalArgumentException("a budget needs at least one trace and one request: " + traces + ", "
                    + requests);
        }
    }

    public boolean isUnlimited() {
        return traces == Long.MAX_VALUE && requests == Long.MAX_VALUE;
    }

    /** One slice's share (rounded up, at least one). */
    ReadBudget share(int slices) {
        return isUnlimited() ? this : new ReadBudget(ceilDiv(traces, slices), ceilDiv(requests, slices));
    }

    private static long ceilDiv(long total, int parts) {
        return total == Long.MAX_VALUE ? total : Math.max(1, (total + parts - 1) / parts);
    }
}
