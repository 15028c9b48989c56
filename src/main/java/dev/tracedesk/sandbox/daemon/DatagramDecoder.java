package dev.tracedesk.sandbox.daemon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a daemon datagram {@code {"format":"json","version":1}\n{document}} (spec §5.2): the header is parsed as JSON,
 * never compared byte for byte, and accepted iff format equals "json" (any case) and version == 1.
 */
public final class DatagramDecoder {
    /** Anything that fills a 64 KiB receive buffer may have been truncated by the socket read. */
    public static final int MAX_DATAGRAM = 65_535;
    private static final JsonFactory JSON = new JsonFactory();

    private DatagramDecoder() {}

    /** Either a document or the reason it was rejected. */
    public record Result(String document, String rejection) {
        static Result reject(String reason) { return new Result(null, reason); }
    }

    public static Result decode(byte[] buf, int offset, int length) {
        if (length >= MAX_DATAGRAM) return Result.reject("oversized");
        int nl = -1;
        for (int i = offset; i < offset + length; i++) {
            if (buf[i] == '\n') { nl = i; break; }
        }
        if (nl < 0) return Result.reject("missing-header");
        if (!validHeader(buf, offset, nl - offset)) return Result.reject("bad-header");
        int bodyStart = nl + 1;
        int bodyLen = offset + length - bodyStart;
        while (bodyLen > 0 && isSpace(buf[bodyStart])) { bodyStart++; bodyLen--; }
        if (bodyLen == 0) return Result.reject("empty-body");
        return new Result(new String(buf, bodyStart, bodyLen, StandardCharsets.UTF_8), null);
    }

    private static boolean isSpace(byte b) { return b == ' ' || b == '\t' || b == '\r' || b == '\n'; }

    /** The headers the Java and Python SDKs send, recognised without a parser; anything else is parsed. */
    private static final byte[][] KNOWN = {
            "{\"format\": \"json\", \"version\": 1}".getBytes(StandardCharsets.US_ASCII),
            "{\"format\":\"json\",\"version\":1}".getBytes(StandardCharsets.US_ASCII)};

    static boolean validHeader(byte[] buf, int off, int len) {
        if (len <= 0) return false;
        for (byte[] k : KNOWN) {
            if (len == k.length && Arrays.equals(buf, off, off + len, k, 0, k.length)) return true;
        }
        String format = null;
        boolean version1 = false;
        try (JsonParser p = JSON.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("format".equals(name)) {
                    format = v == JsonToken.VALUE_STRING ? p.getText() : null;
                } else if ("version".equals(name)) {
                    version1 = (v == JsonToken.VALUE_NUMBER_INT && p.getLongValue() == 1)
                            || (v == JsonToken.VALUE_NUMBER_FLOAT && p.getDoubleValue() == 1.0);
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) return false;
        } catch (IOException | RuntimeException malformed) {
            return false;
        }
        return "json".equalsIgnoreCase(format) && version1;
    }
}
