package dev.tracedesk.explore.analytics;

/**
 * One attribute's share in the selection B against the baseline A. For attributes read from trace documents the
 * shares count only the traces whose documents were read ({@code ofB}/{@code ofA}).
 */
public record Difference(Attribute attribute, int inB, int ofB, int inA, int ofA) {

    public double shareB() {
        return ofB == 0 ? 0 : (double) inB / ofB;
    }

    public double shareA() {
        return ofA == 0 ? 0 : (double) inA / ofA;
    }

    /** B's share minus A's: positive when the attribute is over-represented among the selected traces. */
    public double delta() {
        return shareB() - shareA();
    }
}
