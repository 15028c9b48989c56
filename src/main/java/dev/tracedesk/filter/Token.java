package dev.tracedesk.filter;

/** One lexical token: its kind, where it is in the text ([start, end)), and its decoded value for strings. */
record Token(Kind kind, int start, int end, String text, String value) {

    enum Kind { WORD, NUMBER, STRING, OP, BANG, LPAREN, RPAREN, LBRACE, RBRACE, COMMA, COLON, JSON, INVALID, EOF }

    int length() {
        return end - start;
    }

    /** How the token reads in an error message. */
    String describe() {
        switch (kind) {
            case EOF: return "end of expression";
            case STRING: return "string " + text;
            case JSON: return "'#[...]'";
            default: return "'" + text + "'";
        }
    }
}
