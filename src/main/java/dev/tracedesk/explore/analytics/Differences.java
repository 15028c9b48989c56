package dev.tracedesk.explore.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * "What sets them apart" (Honeycomb's BubbleUp): every attribute's share in B against A, ranked by how much more
 * common it is in B. One pass over the flat attribute column counts all attributes of both sets at once.
 */
public final class Differences {
    private Differences() {
    }

    /** Counts per attribute id: {@code [0]} in B, {@code [1]} in A; {@code [2]} detailed in B and A. */
    static int[][] count(AnalyticsData data, Selection selection) {
        int[] inB = new int[data.attributeCount()];
        int[] inA = new int[data.attributeCount()];
        int detB = 0, detA = 0;
        int[] start = data.attrStart;
        int[] ids = data.attrIds;
        long[] bits = selection.bits;
        long[] det = data.detailed;
        for (int i = 0, n = data.size(); i < n; i++) {
            boolean b = (bits[i >>> 6] & (1L << i)) != 0;
            int[] target = b ? inB : inA;
            for (int k = start[i], end = start[i + 1]; k < end; k++) {
                target[ids[k]]++;
            }
            if ((det[i >>> 6] & (1L << i)) != 0) {
                if (b) {
                    detB++;
                } else {
                    detA++;
                }
            }
        }
        return new int[][] {inB, inA, {detB, detA}};
    }

    /**
     * Ranks every attribute seen: largest positive delta first (what B has that A lacks), then the largest negative
     * (what B lacks), ties by B's count. Attributes absent from both sets are left out.
     */
    public static List<Difference> rank(AnalyticsData data, Selection selection) {
        int[][] c = count(data, selection);
        int nB = selection.count(), nA = selection.baselineCount();
        List<Difference> out = new ArrayList<>();
        for (int a = 0; a < data.attributeCount(); a++) {
            if (c[0][a] == 0 && c[1][a] == 0) {
                continue;
            }
            Attribute attr = data.attribute(a);
            boolean doc = attr.kind().needsTrace();
            out.add(new Difference(attr, c[0][a], doc ? c[2][0] : nB, c[1][a], doc ? c[2][1] : nA));
        }
        out.sort(Comparator.comparingDouble((Difference d) -> -Math.abs(d.delta()))
                .thenComparing(d -> d.delta() < 0)
                .thenComparingInt(d -> -d.inB())
                .thenComparing(d -> d.attribute().label()));
        return out;
    }
}
