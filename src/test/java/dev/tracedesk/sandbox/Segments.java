package dev.tracedesk.sandbox;

import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Test segment documents with fresh ids. */
public final class Segments {
    private Segments() {}

    public static String traceId() {
        return traceId(System.currentTimeMillis() / 1000);
    }

    public static String traceId(long epochSeconds) {
        byte[] b = new byte[12];
        ThreadLocalRandom.current().nextBytes(b);
        return "1-" + String.format(Locale.ROOT, "%08x", epochSeconds) + "-" + HexFormat.of().formatHex(b);
    }

    public static String id() {
        byte[] b = new byte[8];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A complete segment: root of its trace, HTTP 200 unless a status is given. */
    public static String segment(String traceId, String id, String name, double start, double end, int status) {
        return "{\"trace_id\":\"" + traceId + "\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"start_time\":"
                + start + ",\"end_time\":" + end
                + ",\"http\":{\"request\":{\"method\":\"GET\",\"url\":\"http://shop.local/cart\"},\"response\":{\"status\":"
                + status + "}}" + (status >= 500 ? ",\"fault\":true" : status >= 400 ? ",\"error\":true" : "") + "}";
    }

    public static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
