package dev.tracedesk.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON value model used by {@code rootcause.json = #[...]}. The filter package may use only the JDK and the
 * xray model, so this is a minimal strict RFC 8259 reader and a canonical (compact) writer.
 */
public sealed interface Json {

    /** A JSON object; member order is kept for printing, equality ignores it. */
    record Obj(Map<String, Json> members) implements Json {
        public Obj {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }
    }

    /** A JSON array. */
    record Arr(List<Json> items) implements Json {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /** A JSON string. */
    record Str(String value) implements Json {
    }

    /** A JSON number. */
    record Num(double value) implements Json {
    }

    /** A JSON boolean. */
    record Bool(boolean value) implements Json {
    }

    /** JSON null. */
    record Null() implements Json {
    }

    /** Compact canonical text of this value. */
    default String write() {
        StringBuilder sb = new StringBuilder();
        write(this, sb);
        return sb.toString();
    }

    private static void write(Json v, StringBuilder sb) {
        if (v instanceof Obj o) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Json> e : o.members().entrySet()) {
                if (!first) sb.append(',');
                first = false;
                writeString(e.getKey(), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (v instanceof Arr a) {
            sb.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) sb.append(',');
                write(a.items().get(i), sb);
            }
            sb.append(']');
        } else if (v instanceof Str s) {
            writeString(s.value(), sb);
        } else if (v instanceof Num n) {
            sb.append(Numbers.format(n.value()));
        } else if (v instanceof Bool b) {
            sb.append(b.value());
        } else {
            sb.append("null");
        }
    }

    private static void writeString(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
            }
        }
        sb.append('"');
    }

    /**
     * Reads one JSON value from {@code text[from, to)}; errors carry absolute positions in {@code text}.
     *
     * @throws FilterSyntaxException on malformed JSON
     */
    static Json read(String text, int from, int to) {
        Reader r = new Reader(text, from, to);
        r.skipWs();
        Json v = r.value();
        r.skipWs();
        if (r.pos < to) throw r.error("expected end of JSON", 1);
        return v;
    }

    /** Recursive-descent JSON reader over a slice of the filter text. */
    final class Reader {
        private final String s;
        private final int end;
        private int pos;

        private Reader(String s, int from, int to) {
            this.s = s;
            this.pos = from;
            this.end = to;
        }

        private FilterSyntaxException error(String what, int length) {
            return new FilterSyntaxException("invalid JSON: " + what, pos, Math.max(0, Math.min(length, end - pos)));
        }

        private void skipWs() {
            while (pos < end && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\n'
                    || s.charAt(pos) == '\r')) pos++;
        }

        private Json value() {
            if (pos >= end) throw error("expected a value", 0);
            char c = s.charAt(pos);
            switch (c) {
                case '{': return object();
                case '[': return array();
                case '"': return new Str(string());
                case 't': literal("true"); return new Bool(true);
                case 'f': literal("false"); return new Bool(false);
                case 'n': literal("null"); return new Null();
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return number();
                    throw error("unexpected character '" + c + "'", 1);
            }
        }

        private void literal(String word) {
            if (!s.startsWith(word, pos) || pos + word.length() > end) throw error("expected " + word, 1);
            pos += word.length();
        }

        private Json object() {
            pos++;
            Map<String, Json> members = new LinkedHashMap<>();
            skipWs();
            if (pos < end && s.charAt(pos) == '}') {
                pos++;
                return new Obj(members);
            }
            while (true) {
                skipWs();
                if (pos >= end || s.charAt(pos) != '"') throw error("expected a member name in double quotes", 1);
                int keyPos = pos;
                String key = string();
                if (members.containsKey(key)) {
                    throw new FilterSyntaxException("invalid JSON: duplicate member \"" + key + "\"", keyPos, pos - keyPos);
                }
                skipWs();
                if (pos >= end || s.charAt(pos) != ':') throw error("expected ':' after a member name", 1);
                pos++;
                skipWs();
                members.put(key, value());
                skipWs();
                if (pos < end && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                if (pos < end && s.charAt(pos) == '}') {
                    pos++;
                    return new Obj(members);
                }
                throw error("expected ',' or '}' in an object", 1);
            }
        }

        private Json array() {
            pos++;
            List<Json> items = new ArrayList<>();
            skipWs();
            if (pos < end && s.charAt(pos) == ']') {
                pos++;
                return new Arr(items);
            }
            while (true) {
                skipWs();
                items.add(value());
                skipWs();
                if (pos < end && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                if (pos < end && s.charAt(pos) == ']') {
                    pos++;
                    return new Arr(items);
                }
                throw error("expected ',' or ']' in an array", 1);
            }
        }

        private String string() {
            int start = pos;
            pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < end) {
                char c = s.charAt(pos++);
                if (c == '"') return sb.toString();
                if (c == '\\') {
                    if (pos >= end) break;
                    char e = s.charAt(pos++);
                    switch (e) {
                        case '"': sb.append('"'); break;
                        case '\\': sb.append('\\'); break;
                        case '/': sb.append('/'); break;
                        case 'b': sb.append('\b'); break;
                        case 'f': sb.append('\f'); break;
                        case 'n': sb.append('\n'); break;
                        case 'r': sb.append('\r'); break;
                        case 't': sb.append('\t'); break;
                        case 'u':
                            if (pos + 4 > end) throw error("bad \\u escape", 1);
                            try {
                                sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            } catch (NumberFormatException ex) {
                                throw error("bad \\u escape", 4);
                            }
                            pos += 4;
                            break;
                        default:
                            pos--;
                            throw error("bad escape '\\" + e + "'", 1);
                    }
                } else if (c < 0x20) {
                    pos--;
                    throw error("control character in a string", 1);
                } else {
                    sb.append(c);
                }
            }
            pos = start;
            throw error("unterminated string", 1);
        }

        private Json number() {
            int start = pos;
            if (s.charAt(pos) == '-') pos++;
            int digits = pos;
            while (pos < end && Character.isDigit(s.charAt(pos))) pos++;
            if (pos == digits) throw error("expected digits", 1);
            if (pos < end && s.charAt(pos) == '.') {
                pos++;
                int frac = pos;
                while (pos < end && Character.isDigit(s.charAt(pos))) pos++;
                if (pos == frac) throw error("expected digits after '.'", 1);
            }
            if (pos < end && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (pos < end && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
                int exp = pos;
                while (pos < end && Character.isDigit(s.charAt(pos))) pos++;
                if (pos == exp) throw error("expected exponent digits", 1);
            }
            return new Num(Numbers.normalize(Double.parseDouble(s.substring(start, pos))));
        }
    }
}
