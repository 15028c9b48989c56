package dev.tracedesk.filter;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for the filter language (grammar of spec §9.3): {@code NOT > AND > OR}, juxtaposition =
 * AND, keywords and AND/OR/NOT/CONTAINS/... case-insensitive. Every keyword is checked against the context it appears
 * in (trace level, {@code service()} / {@code edge()} bodies, root-cause bodies), so a keyword that means nothing
 * where it is written is a syntax error with a position, not a silent no-match.
 *
 * <p>Usage: {@code Expr e = FilterParser.parse("responsetime > 0.4 AND service(\"x\") { fault }");}
 */
public final class FilterParser {

    /** Where a sub-expression is evaluated; decides which keywords are available. */
    private enum Scope { TRACE, SERVICE, EDGE, RC_SERVICE, RC_ENTITY, RC_EXCEPTION }

    static final Set<String> TRACE_WORDS = Set.of("ok", "error", "throttle", "fault", "partial", "inferred",
            "responsetime", "duration", "http.status", "http.url", "http.method", "http.useragent", "http.clientip",
            "user", "availabilityzone", "instance.id", "resource.arn", "account.id");
    static final Set<String> SERVICE_WORDS = Set.of("ok", "error", "throttle", "fault", "partial", "inferred",
            "root", "responsetime", "duration", "http.status", "http.url", "http.method", "http.useragent",
            "http.clientip", "user", "name", "type", "account.id", "availabilityzone", "instance.id", "resource.arn");
    static final Set<String> EDGE_WORDS = Set.of("ok", "error", "throttle", "fault", "partial", "inferred",
            "responsetime", "duration", "http.status", "http.url", "http.method", "http.useragent", "http.clientip");
    static final Set<String> RC_SERVICE_WORDS = Set.of("name", "type", "account.id", "inferred", "first",
            "last", "index");
    static final Set<String> RC_ENTITY_WORDS = Set.of("name", "type", "account.id", "inferred", "remote",
            "first", "last", "index", "coverage");
    static final Set<String> RC_EXCEPTION_WORDS = Set.of("name", "message", "type", "account.id", "inferred",
            "remote", "first", "last", "index");

    /** Fields a {@code rootcause.json} pattern may name, per level (TraceSummary root-cause shapes, §2.2). */
    private static final Map<String, Set<String>> JSON_FIELDS = Map.of(
            "rootcause", Set.of("Services", "ClientImpacting"),
            "service", Set.of("Name", "Names", "Type", "AccountId", "Inferred", "EntityPath"),
            "entity", Set.of("Name", "Exceptions", "Remote", "Coverage"),
            "exception", Set.of("Name", "Message"));

    private final String text;
    private final List<Token> tokens;
    private int i;

    private FilterParser(String text) {
        this.text = text;
        this.tokens = Lexer.tokenize(text);
    }

    /**
     * Parses a filter expression.
     *
     * @throws FilterSyntaxException with position and length of the problem (blank input included)
     */
    public static Expr parse(String text) {
        if (text == null) throw new FilterSyntaxException("expected a filter expression", 0, 0);
        FilterParser p = new FilterParser(text);
        if (p.peek().kind() == Token.Kind.EOF) {
            throw new FilterSyntaxException("expected a filter expression", p.peek().start(), 0);
        }
        Expr e = p.or(Context.TRACE);
        Token t = p.peek();
        if (t.kind() != Token.Kind.EOF) {
            if (t.kind() == Token.Kind.RPAREN) throw p.error("unbalanced ')': no '(' to close", t);
            if (t.kind() == Token.Kind.RBRACE) throw p.error("unbalanced '}': no '{' to close", t);
            throw p.error("expected AND, OR or the end of the expression but found " + t.describe(), t);
        }
        return e;
    }

    /** True when {@code key} can follow {@code annotation.}: letters, digits and underscores (§3.6). */
    public static boolean isAnnotationKey(String key) {
        if (key.isEmpty()) return false;
        for (int k = 0; k < key.length(); k++) {
            char c = key.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }

    /** The scope plus how to name it in messages ("inside a service() body"). */
    private record Context(Scope scope, String where, boolean responseTime) {
        static final Context TRACE = new Context(Scope.TRACE, "at trace level", false);
        static final Context SERVICE = new Context(Scope.SERVICE, "inside a service() body", false);
        static final Context EDGE = new Context(Scope.EDGE, "inside an edge() body", false);

        boolean allows(String word) {
            switch (scope) {
                case TRACE: return TRACE_WORDS.contains(word);
                case SERVICE: return SERVICE_WORDS.contains(word);
                case EDGE: return EDGE_WORDS.contains(word);
                case RC_SERVICE: return RC_SERVICE_WORDS.contains(word);
                case RC_ENTITY: return RC_ENTITY_WORDS.contains(word) && (responseTime || !word.equals("coverage"));
                default: return RC_EXCEPTION_WORDS.contains(word);
            }
        }
    }

    // ---------------------------------------------------------------- token helpers

    private Token peek() {
        return tokens.get(i);
    }

    private Token advance() {
        return tokens.get(i++);
    }

    private Token previous() {
        return tokens.get(i - 1);
    }

    private boolean isWord(Token t, String word) {
        return t.kind() == Token.Kind.WORD && t.text().equalsIgnoreCase(word);
    }

    private FilterSyntaxException error(String reason, Token at) {
        return new FilterSyntaxException(reason, at.start(), at.length());
    }

    private Token expect(Token.Kind kind, String what) {
        Token t = peek();
        if (t.kind() != kind) {
            throw error("expected " + what + " after '" + previous().text() + "' but found " + t.describe(), t);
        }
        return advance();
    }

    // ---------------------------------------------------------------- boolean structure

    private Expr or(Context ctx) {
        Expr left = and(ctx);
        while (isWord(peek(), "or")) {
            advance();
            left = new Expr.Or(left, and(ctx));
        }
        return left;
    }

    /** An AND chain (explicit AND or juxtaposition); must start with a unary expression after the previous token. */
    private Expr and(Context ctx) {
        Expr left = unaryAfter(ctx);
        while (true) {
            if (isWord(peek(), "and")) {
                advance();
                left = new Expr.And(left, unaryAfter(ctx));
            } else if (startsUnary(peek())) {
                left = new Expr.And(left, unary(ctx));
            } else {
                return left;
            }
        }
    }

    private boolean startsUnary(Token t) {
        return t.kind() == Token.Kind.BANG || t.kind() == Token.Kind.LPAREN
                || (t.kind() == Token.Kind.WORD && !isWord(t, "and") && !isWord(t, "or"));
    }

    /** A unary expression that must follow the previous token (an operator, '(' or '{'). */
    private Expr unaryAfter(Context ctx) {
        Token t = peek();
        if (!startsUnary(t)) {
            String after = i == 0 ? "" : " after '" + previous().text() + "'";
            String found = t.kind() == Token.Kind.EOF ? "" : " but found " + t.describe();
            throw error("expected an expression" + after + found, t);
        }
        return unary(ctx);
    }

    private Expr unary(Context ctx) {
        Token t = peek();
        if (t.kind() == Token.Kind.BANG || isWord(t, "not")) {
            advance();
            return new Expr.Not(unaryAfter(ctx));
        }
        return primary(ctx);
    }

    private Expr primary(Context ctx) {
        Token t = advance();
        if (t.kind() == Token.Kind.LPAREN) {
            Expr inner = or(ctx);
            Token close = peek();
            if (close.kind() != Token.Kind.RPAREN) {
                throw error("expected ')' but found " + close.describe(), close);
            }
            advance();
            return inner;
        }
        // t is a WORD (startsUnary guarantees it)
        String word = t.text().toLowerCase(Locale.ROOT);
        if (word.startsWith("annotation.") || word.equals("annotation")) return annotation(ctx, t);
        if (word.equals("service")) return service(ctx, t);
        if (word.equals("edge")) return edge(ctx, t);
        if (word.equals("group.name") || word.equals("group.arn")) return group(ctx, t, word);
        if (word.equals("rootcause.json")) return rootCauseJson(ctx, t);
        if (word.startsWith("rootcause")) return rootCause(ctx, t, word);
        BoolKeyword b = boolKeyword(word);
        if (b != null) return boolTest(ctx, t, b);
        NumberKeyword n = numberKeyword(word);
        if (n != null) return numberTest(ctx, t, n);
        StringKeyword s = stringKeyword(word);
        if (s != null) return stringTest(ctx, t, s);
        throw error("unknown keyword '" + t.text() + "'", t);
    }

    private void checkAllowed(Context ctx, Token t, String word) {
        if (!ctx.allows(word)) throw error("'" + word + "' is not available " + ctx.where(), t);
    }

    // ---------------------------------------------------------------- simple keywords

    private static BoolKeyword boolKeyword(String word) {
        for (BoolKeyword k : BoolKeyword.values()) if (k.word().equals(word)) return k;
        return null;
    }

    private static NumberKeyword numberKeyword(String word) {
        for (NumberKeyword k : NumberKeyword.values()) if (k.word().equals(word)) return k;
        return null;
    }

    private static StringKeyword stringKeyword(String word) {
        for (StringKeyword k : StringKeyword.values()) if (k.word().equals(word)) return k;
        return null;
    }

    private Expr boolTest(Context ctx, Token t, BoolKeyword k) {
        checkAllowed(ctx, t, k.word());
        Op op = peekOp();
        if (op == null) return new Expr.BoolTest(k, true);
        Token opTok = advance();
        if (op != Op.EQ && op != Op.NE) {
            throw error("operator '" + opTok.text() + "' does not apply to boolean keyword '" + k.word()
                    + "': use = or !=", opTok);
        }
        Token v = peek();
        boolean value;
        if (isWord(v, "true")) value = true;
        else if (isWord(v, "false")) value = false;
        else throw error("expected true or false after '" + opTok.text() + "'", v);
        advance();
        return new Expr.BoolTest(k, op == Op.EQ ? value : !value);
    }

    private Expr numberTest(Context ctx, Token t, NumberKeyword k) {
        checkAllowed(ctx, t, k.word());
        Op op = peekOp();
        Token opTok = peek();
        if (op == null) {
            throw error("expected an operator (=, !=, <, <=, >, >=) after '" + t.text() + "'", opTok);
        }
        advance();
        if (!op.isNumeric()) {
            throw error("operator '" + opTok.text() + "' does not apply to number keyword '" + k.word() + "'", opTok);
        }
        Token v = peek();
        if (v.kind() != Token.Kind.NUMBER) throw error("expected a number after '" + opTok.text() + "'", v);
        advance();
        return new Expr.NumberTest(k, op, number(v));
    }

    private Expr stringTest(Context ctx, Token t, StringKeyword k) {
        checkAllowed(ctx, t, k.word());
        Op op = peekOp();
        if (op == null) return new Expr.StringTest(k, null, null);
        Token opTok = advance();
        if (!op.isString()) {
            throw error("operator '" + opTok.text() + "' does not apply to string keyword '" + k.word() + "'", opTok);
        }
        return new Expr.StringTest(k, op, stringValue(opTok));
    }

    /** A double-quoted string; a bare word is accepted leniently (AWS's own example {@code name = traces}). */
    private String stringValue(Token opTok) {
        Token v = peek();
        if (v.kind() == Token.Kind.STRING) {
            advance();
            return v.value();
        }
        if (v.kind() == Token.Kind.WORD && !isWord(v, "and") && !isWord(v, "or") && !isWord(v, "not")
                && !isKeyword(v.text())) {
            advance();
            return v.text();
        }
        throw error("expected a string in double quotes after '" + opTok.text() + "'", v);
    }

    private static boolean isKeyword(String text) {
        String w = text.toLowerCase(Locale.ROOT);
        return boolKeyword(w) != null || numberKeyword(w) != null || stringKeyword(w) != null
                || w.startsWith("annotation.") || w.startsWith("rootcause") || w.startsWith("group.")
                || w.equals("service") || w.equals("edge");
    }

    /** The operator at the current token (symbol or CONTAINS/BEGINSWITH/ENDSWITH word), without consuming it. */
    private Op peekOp() {
        Token t = peek();
        if (t.kind() == Token.Kind.OP) {
            switch (t.text()) {
                case "=": return Op.EQ;
                case "!=": return Op.NE;
                case "<": return Op.LT;
                case "<=": return Op.LE;
                case ">": return Op.GT;
                default: return Op.GE;
            }
        }
        if (t.kind() == Token.Kind.WORD) return Op.ofWord(t.text());
        return null;
    }

    private double number(Token v) {
        double d = Double.parseDouble(v.text());
        if (!Double.isFinite(d)) throw error("number out of range", v);
        return d;
    }

    // ---------------------------------------------------------------- annotation.KEY

    private Expr annotation(Context ctx, Token t) {
        if (ctx.scope() != Scope.TRACE) {
            throw error("annotation.KEY is not available " + ctx.where() + " (annotations cannot be combined with"
                    + " service() or edge() bodies)", t);
        }
        String key = t.text().length() > "annotation.".length() ? t.text().substring("annotation.".length()) : "";
        if (!isAnnotationKey(key)) {
            int keyStart = Math.min(t.start() + "annotation.".length(), t.end());
            throw new FilterSyntaxException("expected an annotation key (letters, digits, _) after 'annotation.'",
                    keyStart, t.end() - keyStart);
        }
        Op op = peekOp();
        if (op == null) return new Expr.AnnotationTest(key, null, null);
        Token opTok = advance();
        Token v = peek();
        Expr.Literal literal;
        if (v.kind() == Token.Kind.NUMBER) {
            literal = new Expr.NumberLiteral(number(v));
            if (!op.isNumeric()) throw error("operator '" + opTok.text() + "' does not apply to a number", opTok);
        } else if (v.kind() == Token.Kind.STRING) {
            literal = new Expr.StringLiteral(v.value());
            if (!op.isString()) throw error("operator '" + opTok.text() + "' does not apply to a string", opTok);
        } else if (isWord(v, "true") || isWord(v, "false")) {
            literal = new Expr.BoolLiteral(isWord(v, "true"));
            if (op != Op.EQ && op != Op.NE) {
                throw error("operator '" + opTok.text() + "' does not apply to true/false", opTok);
            }
        } else {
            throw error("expected a number, a string in double quotes, true or false after '" + opTok.text() + "'", v);
        }
        advance();
        return new Expr.AnnotationTest(key, op, literal);
    }

    // ---------------------------------------------------------------- service() / edge()

    private Expr service(Context ctx, Token t) {
        checkComplex(ctx, t, "service()");
        expect(Token.Kind.LPAREN, "'('");
        Expr.NodeRef ref = null;
        if (peek().kind() != Token.Kind.RPAREN) ref = nodeRef();
        expect(Token.Kind.RPAREN, "')'");
        return new Expr.Service(ref, optionalBody(Context.SERVICE));
    }

    private Expr edge(Context ctx, Token t) {
        checkComplex(ctx, t, "edge()");
        expect(Token.Kind.LPAREN, "'('");
        Expr.NodeRef source = nodeRef();
        Token comma = peek();
        if (comma.kind() != Token.Kind.COMMA) {
            throw error("expected ',' and the destination node of edge() but found " + comma.describe(), comma);
        }
        advance();
        Expr.NodeRef destination = nodeRef();
        expect(Token.Kind.RPAREN, "')'");
        return new Expr.Edge(source, destination, optionalBody(Context.EDGE));
    }

    private void checkComplex(Context ctx, Token t, String what) {
        if (ctx.scope() != Scope.TRACE) throw error(what + " is not available " + ctx.where(), t);
    }

    private Expr optionalBody(Context bodyCtx) {
        if (peek().kind() != Token.Kind.LBRACE) return null;
        return body(bodyCtx);
    }

    private Expr body(Context bodyCtx) {
        Token open = advance();
        if (peek().kind() == Token.Kind.RBRACE) throw error("expected an expression inside '{ }'", peek());
        Expr e = or(bodyCtx);
        Token close = peek();
        if (close.kind() != Token.Kind.RBRACE) {
            throw error("expected '}' but found " + close.describe(), close);
        }
        advance();
        return e;
    }

    private Expr.NodeRef nodeRef() {
        Token t = peek();
        if (t.kind() == Token.Kind.STRING) {
            advance();
            return Expr.NodeRef.named(t.value());
        }
        if (isWord(t, "id")) {
            advance();
            expect(Token.Kind.LPAREN, "'('");
            String name = null;
            String type = null;
            String account = null;
            while (true) {
                Token arg = peek();
                String a = arg.kind() == Token.Kind.WORD ? arg.text().toLowerCase(Locale.ROOT) : "";
                if (!a.equals("name") && !a.equals("type") && !a.equals("account.id")) {
                    throw error("expected an id() argument (name:, type: or account.id:) but found " + arg.describe(), arg);
                }
                advance();
                expect(Token.Kind.COLON, "':'");
                Token v = peek();
                if (v.kind() != Token.Kind.STRING) {
                    throw error("expected a string in double quotes after '" + a + ":'", v);
                }
                advance();
                boolean duplicate = a.equals("name") ? name != null : a.equals("type") ? type != null : account != null;
                if (duplicate) throw error("duplicate id() argument '" + a + "'", arg);
                if (a.equals("name")) name = v.value();
                else if (a.equals("type")) type = v.value();
                else account = v.value();
                Token sep = peek();
                if (sep.kind() == Token.Kind.COMMA) {
                    advance();
                    continue;
                }
                if (sep.kind() == Token.Kind.RPAREN) {
                    advance();
                    return Expr.NodeRef.id(name, type, account);
                }
                throw error("expected ',' or ')' in id() but found " + sep.describe(), sep);
            }
        }
        throw error("expected a node name in double quotes or id(...) but found " + t.describe(), t);
    }

    // ---------------------------------------------------------------- groups and root causes

    private Expr group(Context ctx, Token t, String word) {
        checkComplex(ctx, t, word);
        Token opTok = peek();
        if (peekOp() != Op.EQ) throw error("expected '=' after '" + t.text() + "'", opTok);
        advance();
        String value = stringValue(opTok);
        return new Expr.Group(word.equals("group.name") ? Expr.GroupAttribute.NAME : Expr.GroupAttribute.ARN, value);
    }

    private Expr rootCause(Context ctx, Token t, String word) {
        checkComplex(ctx, t, "rootcause");
        String[] parts = word.split("\\.", -1);
        Expr.RootCauseKind kind = null;
        if (parts.length >= 2) {
            for (Expr.RootCauseKind k : Expr.RootCauseKind.values()) if (k.word().equals(parts[1])) kind = k;
        }
        if (!parts[0].equals("rootcause") || kind == null) {
            throw error("unknown keyword '" + t.text() + "': expected rootcause.fault, rootcause.error,"
                    + " rootcause.responsetime or rootcause.json", t);
        }
        Expr.RootCauseLevel level = null;
        if (parts.length == 3) {
            for (Expr.RootCauseLevel l : Expr.RootCauseLevel.values()) if (l.word().equals(parts[2])) level = l;
        }
        boolean rt = kind == Expr.RootCauseKind.RESPONSETIME;
        if (level == null || (rt && level == Expr.RootCauseLevel.EXCEPTION)) {
            throw error("unknown keyword '" + t.text() + "': expected " + (rt
                    ? "rootcause.responsetime.service or rootcause.responsetime.entity"
                    : "rootcause." + kind.word() + ".service, .entity or .exception"), t);
        }
        if (peek().kind() != Token.Kind.LBRACE) {
            throw error("expected '{' after '" + t.text() + "'", peek());
        }
        String where = "inside a rootcause." + kind.word() + "." + level.word() + " body";
        Scope scope = level == Expr.RootCauseLevel.SERVICE ? Scope.RC_SERVICE
                : level == Expr.RootCauseLevel.ENTITY ? Scope.RC_ENTITY : Scope.RC_EXCEPTION;
        return new Expr.RootCause(kind, level, body(new Context(scope, where, rt)));
    }

    private Expr rootCauseJson(Context ctx, Token t) {
        checkComplex(ctx, t, "rootcause.json");
        Token opTok = peek();
        if (peekOp() != Op.EQ) throw error("expected '=' after '" + t.text() + "'", opTok);
        advance();
        Token j = peek();
        if (j.kind() != Token.Kind.JSON) throw error("expected '#[' and a JSON root-cause list after '='", j);
        advance();
        Json value = Json.read(text, j.start() + 1, j.end());
        if (!(value instanceof Json.Arr arr)) throw error("expected a JSON array after '#'", j);
        for (Json item : arr.items()) checkJson(item, "rootcause", j);
        return new Expr.RootCauseJson(arr);
    }

    /** A root-cause pattern may only name the fields of the TraceSummary root-cause shapes, with their JSON types. */
    private void checkJson(Json v, String level, Token at) {
        if (!(v instanceof Json.Obj obj)) throw error("invalid root-cause pattern: expected an object for a " + level, at);
        for (Map.Entry<String, Json> e : obj.members().entrySet()) {
            String f = e.getKey();
            Json fv = e.getValue();
            if (!JSON_FIELDS.get(level).contains(f)) {
                throw error("invalid root-cause pattern: unknown " + level + " field \"" + f + "\"", at);
            }
            String child = f.equals("Services") ? "service" : f.equals("EntityPath") ? "entity"
                    : f.equals("Exceptions") ? "exception" : null;
            boolean typeOk;
            if (child != null || f.equals("Names")) {
                typeOk = fv instanceof Json.Arr;
                if (typeOk) {
                    for (Json item : ((Json.Arr) fv).items()) {
                        if (child != null) checkJson(item, child, at);
                        else if (!(item instanceof Json.Str)) typeOk = false;
                    }
                }
            } else if (isBooleanField(f)) {
                typeOk = fv instanceof Json.Bool;
            } else if (f.equals("Coverage")) {
                typeOk = fv instanceof Json.Num;
            } else {
                typeOk = fv instanceof Json.Str;
            }
            if (!typeOk) throw error("invalid root-cause pattern: wrong JSON type for \"" + f + "\"", at);
        }
    }

    private static boolean isBooleanField(String field) {
        return field.equals("ClientImpacting") || field.equals("Inferred") || field.equals("Remote");
    }
}
