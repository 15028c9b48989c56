package dev.tracedesk.sandbox.api;

/** A small XML writer for query-protocol responses (element text is escaped). */
public final class Xml {
    private final StringBuilder sb = new StringBuilder();

    public Xml open(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    public Xml close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name>text</name>}; null text writes nothing (AWS omits absent members). */
    public Xml el(String name, Object text) {
        if (text == null) return this;
        sb.append('<').append(name).append('>').append(escape(String.valueOf(text))).append("</").append(name).append('>');
        return this;
    }

    public Xml raw(String xml) {
        if (xml != null) sb.append(xml);
        return this;
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') out.append("&#").append((int) c).append(';');
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }

    @Override
    public String toString() { return sb.toString(); }
}
