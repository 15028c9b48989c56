package dev.tracedesk.xray;

/** Segment, subsegment and exception ids: 64 bits as 16 hex digits (spec §3.1). Kept as plain strings. */
public final class SegmentId {
    public static final int LENGTH = 16;

    private SegmentId() {}

    /** True for exactly 16 hex digits (lower case is canonical; upper case is tolerated). */
    public static boolean isValid(String text) {
        return text != null && text.length() == LENGTH && Ids.isHex(text, 0, LENGTH);
    }

    /** A new random id in lower case. */
    public static String generate() {
        return Ids.randomHex(LENGTH);
    }

    /** A stable id derived from a seed (used for inferred segments so repeated reads give the same id). */
    public static String derive(String seed) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < seed.length(); i++) {
            h ^= seed.charAt(i);
            h *= 0x100000001b3L;
        }
        return Ids.hex(h, LENGTH);
    }
}
