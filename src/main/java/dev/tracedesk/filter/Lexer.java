package dev.tracedesk.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a filter expression into tokens (spec §9.5): identifiers may contain dots ({@code http.url},
 * {@code annotation.tenant}, {@code rootcause.fault.service}); operators {@code != <= >= = < > !}; strings in double
 * quotes with {@code \"} and {@code \\} escapes; {@code #[ ... ]} raw JSON.
 */
final class Lexer {
    private final String s;
    private int pos;

    private Lexer(String s) {
        this.s = s;
    }

    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Token.Kind.EOF);
        return tokens;
    }

    /**
     * Tokens for highlighting: never throws. What the strict lexer rejects becomes an {@code INVALID} token (an
     * unterminated string a {@code STRING} to the end), and lexing goes on after it. EOF is left out.
     */
    static List<Token> tokenizeLenient(String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        while (true) {
            try {
                Token t = lexer.next();
                if (t.kind() == Token.Kind.EOF) {
                    return tokens;
                }
                tokens.add(t);
            } catch (FilterSyntaxException e) {
                int start = e.position();
                if (start >= text.length()) {
                    return tokens;
                }
                int end = Math.min(text.length(), start + Math.max(1, e.length()));
                Token.Kind kind = text.charAt(start) == '"' ? Token.Kind.STRING : Token.Kind.INVALID;
                tokens.add(new Token(kind, start, end, text.substring(start, end), null));
                lexer.pos = end;
            }
        }
    }

    private Token next() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        int start = pos;
        if (pos >= s.length()) return new Token(Token.Kind.EOF, pos, pos, "", null);
        char c = s.charAt(pos);
        switch (c) {
            case '(': return single(Token.Kind.LPAREN);
            case ')': return single(Token.Kind.RPAREN);
            case '{': return single(Token.Kind.LBRACE);
            case '}': return single(Token.Kind.RBRACE);
            case ',': return single(Token.Kind.COMMA);
            case ':': return single(Token.Kind.COLON);
            case '=':
                if (at(pos + 1) == '=') {
                    throw new FilterSyntaxException("'==' is not an operator: use '='", start, 2);
                }
                return single(Token.Kind.OP);
            case '!':
                if (at(pos + 1) == '=') {
                    pos += 2;
                    return token(Token.Kind.OP, start, null);
                }
                return single(Token.Kind.BANG);
            case '<':
            case '>':
                pos += at(pos + 1) == '=' ? 2 : 1;
                return token(Token.Kind.OP, start, null);
            case '"':
                return string();
            case '#':
                return json();
            default:
                break;
        }
        if (isDigit(c) || ((c == '-' || c == '.') && (isDigit(at(pos + 1)) || (c == '-' && at(pos + 1) == '.' && isDigit(at(pos + 2)))))) {
            return number();
        }
        if (isWordStart(c)) {
            while (pos < s.length() && isWordPart(s.charAt(pos))) pos++;
            // a trailing dot belongs to no keyword ("annotation." with no key); keep it so the parser can say so
            return token(Token.Kind.WORD, start, null);
        }
        throw new FilterSyntaxException("unexpected character '" + c + "'", start, 1);
    }

    private char at(int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private Token single(Token.Kind kind) {
        pos++;
        return token(kind, pos - 1, null);
    }

    private Token token(Token.Kind kind, int start, String value) {
        return new Token(kind, start, pos, s.substring(start, pos), value);
    }

    private Token string() {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') return token(Token.Kind.STRING, start, sb.toString());
            if (c == '\\' && pos < s.length() && (s.charAt(pos) == '"' || s.charAt(pos) == '\\')) {
                sb.append(s.charAt(pos++));
            } else {
                // other backslashes are kept as written (e.g. Windows paths), the spec only defines \"
                sb.append(c);
            }
        }
        throw new FilterSyntaxException("unterminated string", start, s.length() - start);
    }

    private Token number() {
        int start = pos;
        if (s.charAt(pos) == '-') pos++;
        while (isDigit(at(pos))) pos++;
        if (at(pos) == '.' && isDigit(at(pos + 1))) {
            pos++;
            while (isDigit(at(pos))) pos++;
        }
        if ((at(pos) == 'e' || at(pos) == 'E')
                && (isDigit(at(pos + 1)) || ((at(pos + 1) == '+' || at(pos + 1) == '-') && isDigit(at(pos + 2))))) {
            pos += 2;
            while (isDigit(at(pos))) pos++;
        }
        if (isWordPart(at(pos))) {
            int end = pos;
            while (isWordPart(at(end))) end++;
            throw new FilterSyntaxException("malformed number '" + s.substring(start, end) + "'", start, end - start);
        }
        return token(Token.Kind.NUMBER, start, null);
    }

    /** {@code #[ ... ]}: finds the bracket that closes the JSON array, skipping over JSON strings. */
    private Token json() {
        int start = pos;
        if (at(pos + 1) != '[') throw new FilterSyntaxException("expected '[' after '#'", start, 1);
        pos++;
        int depth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                while (pos < s.length() && s.charAt(pos) != '"') {
                    if (s.charAt(pos) == '\\') pos++;
                    pos++;
                }
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    pos++;
                    return token(Token.Kind.JSON, start, null);
                }
            }
            pos++;
        }
        throw new FilterSyntaxException("unterminated '#[' JSON: expected a closing ']'", start, s.length() - start);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
