package dev.tracedesk.explore.analytics;

import dev.tracedesk.explore.traces.TraceRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The traces of one window as compact columns, built once from the summaries, so that a brush move is a scan over
 * primitive arrays and never allocates per trace. Attributes are interned to ids and stored per trace in one flat
 * array ({@code attrStart[i] .. attrStart[i+1]} indexes {@code attrIds}).
 */
public final class AnalyticsData {
    public static final byte FAULT = 1, ERROR = 2, THROTTLE = 4;

    final String[] ids;
    final TraceRow[] rows;
    final double[] responseTime;
    final double[] duration;
    final long[] startMillis;
    final byte[] outcome;
    final long[] detailed; // bit i: the trace document of trace i was read
    final int[] attrStart;
    final int[] attrIds;
    final Attribute[] attributes;
    final int size;

    private AnalyticsData(Builder b) {
        size = b.size;
        ids = Arrays.copyOf(b.ids, size);
        rows = Arrays.copyOf(b.rows, size);
        responseTime = Arrays.copyOf(b.responseTime, size);
        duration = Arrays.copyOf(b.duration, size);
        startMillis = Arrays.copyOf(b.startMillis, size);
        outcome = Arrays.copyOf(b.outcome, size);
        detailed = Arrays.copyOf(b.detailed, (size + 63) >>> 6);
        attrStart = Arrays.copyOf(b.attrStart, size + 1);
        attrIds = Arrays.copyOf(b.attrIds, b.attrCount);
        attributes = b.dictionary.toArray(new Attribute[0]);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds the columns from summaries; {@code details} maps trace id → what its document told (may miss ids). */
    public static AnalyticsData of(List<TraceRow> rows, Map<String, TraceDetails> details) {
        Builder b = builder();
        for (TraceRow r : rows) {
            b.add(r, details.get(r.id()));
        }
        return b.build();
    }

    public int size() {
        return size;
    }

    public double value(Metric metric, int i) {
        return metric == Metric.DURATION ? duration[i] : responseTime[i];
    }

    double[] column(Metric metric) {
        return metric == Metric.DURATION ? duration : responseTime;
    }

    public long startMillis(int i) {
        return startMillis[i];
    }

    public String id(int i) {
        return ids[i];
    }

    /** The summary trace {@code i} was built from (null when built from raw columns). */
    public TraceRow row(int i) {
        return rows[i];
    }

    public boolean isDetailed(int i) {
        return (detailed[i >>> 6] & (1L << i)) != 0;
    }

    public int detailedCount() {
        int n = 0;
        for (long w : detailed) {
            n += Long.bitCount(w);
        }
        return n;
    }

    public int attributeCount() {
        return attributes.length;
    }

    public Attribute attribute(int id) {
        return attributes[id];
    }

    /** Earliest and latest start (epoch ms); {0, 0} when empty. */
    public long[] startRange() {
        if (size == 0) {
            return new long[] {0, 0};
        }
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            lo = Math.min(lo, startMillis[i]);
            hi = Math.max(hi, startMillis[i]);
        }
        return new long[] {lo, hi};
    }

    /** Collects columns trace by trace; attributes are interned. Not thread-safe. */
    public static final class Builder {
        private String[] ids = new String[16];
        private TraceRow[] rows = new TraceRow[16];
        private double[] responseTime = new double[16];
        private double[] duration = new double[16];
        private long[] startMillis = new long[16];
        private byte[] outcome = new byte[16];
        private long[] detailed = new long[1];
        private int[] attrStart = new int[17];
        private int[] attrIds = new int[64];
        private int attrCount;
        private int size;
        private final Map<Attribute, Integer> idsOf = new HashMap<>();
        private final List<Attribute> dictionary = new ArrayList<>();
        private final int[] scratch = new int[256];
        private int scratchLen;

        /** Interns an attribute (also usable to pre-build ids for {@link #addRaw}). */
        public int intern(Attribute a) {
            Integer id = idsOf.get(a);
            if (id == null) {
                id = dictionary.size();
                dictionary.add(a);
                idsOf.put(a, id);
            }
            return id;
        }

        /** Adds one summary, with its document's details when they were read. */
        public Builder add(TraceRow r, TraceDetails d) {
            scratchLen = 0;
            for (String s : r.services()) {
                attr(AttributeKind.SERVICE, s);
            }
            if (r.url() != null) {
                attr(AttributeKind.URL, r.url());
            }
            if (r.method() != null) {
                attr(AttributeKind.METHOD, r.method());
            }
            if (r.status() != null) {
                attr(AttributeKind.STATUS, r.status().toString());
            }
            attr(AttributeKind.OUTCOME, r.outcome());
            for (String u : r.users()) {
                attr(AttributeKind.USER, u);
            }
            r.annotations().forEach((key, values) -> {
                for (String v : values) {
                    attr(AttributeKind.ANNOTATION, key + " = " + v);
                }
            });
            if (d != null) {
                if (d.coldStart()) { // its share is over the traces whose documents were read: "no" is the rest
                    attr(AttributeKind.COLD_START, "yes");
                }
                for (String f : d.functions()) {
                    attr(AttributeKind.FUNCTION, f);
                }
                if (d.rootCauseService() != null) {
                    attr(AttributeKind.ROOT_CAUSE_SERVICE, d.rootCauseService());
                }
                if (d.rootCauseException() != null) {
                    attr(AttributeKind.ROOT_CAUSE_EXCEPTION, d.rootCauseException());
                }
            }
            byte o = (byte) ((r.fault() ? FAULT : 0) | (r.error() ? ERROR : 0) | (r.throttle() ? THROTTLE : 0));
            addColumns(r.id(), r, nz(r.responseTime()), nz(r.duration()),
                    r.start() == null ? 0 : r.start().toEpochMilli(), o, d != null, scratch, scratchLen);
            return this;
        }

        /** Adds one trace from raw columns (benchmarks and tests that build millions of rows). */
        public Builder addRaw(String id, double responseTime, double duration, long startMillis, byte outcome,
                boolean detailed, int[] attributeIds, int attributeCount) {
            return addColumns(id, null, responseTime, duration, startMillis, outcome, detailed, attributeIds,
                    attributeCount);
        }

        private void attr(AttributeKind kind, String value) {
            int id = intern(new Attribute(kind, value));
            for (int k = 0; k < scratchLen; k++) {
                if (scratch[k] == id) {
                    return;
                }
            }
            if (scratchLen < scratch.length) {
                scratch[scratchLen++] = id;
            }
        }

        private Builder addColumns(String id, TraceRow row, double rt, double dur, long start, byte o, boolean det,
                int[] attrs, int n) {
            if (size == ids.length) {
                int cap = size * 2;
                ids = Arrays.copyOf(ids, cap);
                rows = Arrays.copyOf(rows, cap);
                responseTime = Arrays.copyOf(responseTime, cap);
                duration = Arrays.copyOf(duration, cap);
                startMillis = Arrays.copyOf(startMillis, cap);
                outcome = Arrays.copyOf(outcome, cap);
                attrStart = Arrays.copyOf(attrStart, cap + 1);
            }
            if ((size >>> 6) >= detailed.length) {
                detailed = Arrays.copyOf(detailed, detailed.length * 2);
            }
            if (attrCount + n > attrIds.length) {
                attrIds = Arrays.copyOf(attrIds, Math.max(attrIds.length * 2, attrCount + n));
            }
            ids[size] = id;
            rows[size] = row;
            responseTime[size] = rt;
            duration[size] = dur;
            startMillis[size] = start;
            outcome[size] = o;
            if (det) {
                detailed[size >>> 6] |= 1L << size;
            }
            System.arraycopy(attrs, 0, attrIds, attrCount, n);
            attrCount += n;
            size++;
            attrStart[size] = attrCount;
            return this;
        }

        private static double nz(Double d) {
            return d == null ? 0 : d;
        }

        public AnalyticsData build() {
            return new AnalyticsData(this);
        }
    }
}
