package dev.tracedesk.sandbox.index;

/**
 * What the index keeps of one trace: the numbers every query orders or bounds by, plus two opaque parts built from
 * the assembled trace by the sandbox's domain wiring: {@code facts} for filter evaluation and {@code graph} for the
 * service graph. Updated in place by the writer thread (the fields are replaced together via {@link #update}).
 */
public final class IndexedTrace {
    private final String id;
    private final long idTime;
    private final long seq;

    /** Immutable view of the mutable part, swapped atomically on each update. */
    public record State(double start, double end, double responseTime, double duration, boolean partial,
                        int revision, Object facts, Object graph) {}

    private volatile State state;
    /** True while this trace's graph contribution is folded into its second's aggregate (see GraphIndex). */
    private volatile boolean folded;

    IndexedTrace(String id, long idTime, long seq, State state) {
        this.id = id;
        this.idTime = idTime;
        this.seq = seq;
        this.state = state;
    }

    public String id() { return id; }

    /** Epoch seconds embedded in the trace id (TimeRangeType TraceId). */
    public long idTime() { return idTime; }

    /** Arrival order in the index; orders traces within the same id second (newest arrival first). */
    public long seq() { return seq; }

    public State state() { return state; }

    void update(State s) { this.state = s; }

    boolean folded() { return folded; }

    void folded(boolean f) { this.folded = f; }
}
