package dev.tracedesk.xray;

import java.security.SecureRandom;

/** Shared helpers for hex ids; the random source is secure because trace ids are visible to callers (spec §4.1). */
final class Ids {
    static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {}

    static boolean isHex(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    static String randomHex(int digits) {
        byte[] bytes = new byte[(digits + 1) / 2];
        RANDOM.nextBytes(bytes);
        char[] out = new char[digits];
        for (int i = 0; i < digits; i++) {
            int b = bytes[i / 2] & 0xff;
            out[i] = HEX[(i % 2 == 0) ? (b >>> 4) : (b & 0x0f)];
        }
        return new String(out);
    }

    static String hex(long value, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        return new String(out);
    }
}
