package dev.tracedesk.filter;

/**
 * Prints a tree in canonical form: lower-case keywords, upper-case AND / OR / CONTAINS..., explicit AND for
 * juxtaposition, {@code !} for negation (never NOT), double-quoted strings with {@code \"} and {@code \\} escaped,
 * shortest round-trip numbers, and only the parentheses the tree needs. {@code FilterParser.parse(print(e))} equals
 * {@code e}.
 *
 * <p>Usage: {@code String text = FilterPrinter.print(expr);}
 */
public final class FilterPrinter {
    private FilterPrinter() {
    }

    /** Canonical text of {@code e}. */
    public static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        print(e, sb);
        return sb.toString();
    }

    /** Double-quoted filter string literal for {@code s}: {@code a"b} becomes {@code "a\"b"}. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendQuoted(s, sb);
        return sb.toString();
    }

    private static void print(Expr e, StringBuilder sb) {
        if (e instanceof Expr.And and) {
            printOperand(and.left(), and.left() instanceof Expr.Or, sb);
            sb.append(" AND ");
            printOperand(and.right(), and.right() instanceof Expr.Or || and.right() instanceof Expr.And, sb);
        } else if (e instanceof Expr.Or or) {
            print(or.left(), sb);
            sb.append(" OR ");
            printOperand(or.right(), or.right() instanceof Expr.Or, sb);
        } else if (e instanceof Expr.Not not) {
            sb.append('!');
            printOperand(not.operand(), !readsAsOneUnit(not.operand()), sb);
        } else if (e instanceof Expr.BoolTest b) {
            sb.append(b.keyword().word());
            if (!b.expected()) sb.append(" = false");
        } else if (e instanceof Expr.NumberTest n) {
            sb.append(n.keyword().word()).append(' ').append(n.op().symbol()).append(' ').append(Numbers.format(n.value()));
        } else if (e instanceof Expr.StringTest s) {
            sb.append(s.keyword().word());
            if (s.op() != null) {
                sb.append(' ').append(s.op().symbol()).append(' ');
                appendQuoted(s.value(), sb);
            }
        } else if (e instanceof Expr.AnnotationTest a) {
            sb.append("annotation.").append(a.key());
            if (a.op() != null) {
                sb.append(' ').append(a.op().symbol()).append(' ');
                if (a.value() instanceof Expr.NumberLiteral n) sb.append(Numbers.format(n.value()));
                else if (a.value() instanceof Expr.StringLiteral s) appendQuoted(s.value(), sb);
                else sb.append(((Expr.BoolLiteral) a.value()).value());
            }
        } else if (e instanceof Expr.Service s) {
            sb.append("service(");
            if (s.node() != null) printNode(s.node(), sb);
            sb.append(')');
            printBody(s.body(), sb);
        } else if (e instanceof Expr.Edge edge) {
            sb.append("edge(");
            printNode(edge.source(), sb);
            sb.append(", ");
            printNode(edge.destination(), sb);
            sb.append(')');
            printBody(edge.body(), sb);
        } else if (e instanceof Expr.Group g) {
            sb.append(g.attribute().word()).append(" = ");
            appendQuoted(g.value(), sb);
        } else if (e instanceof Expr.RootCause rc) {
            sb.append("rootcause.").append(rc.kind().word()).append('.').append(rc.level().word());
            printBody(rc.body(), sb);
        } else if (e instanceof Expr.RootCauseJson j) {
            sb.append("rootcause.json = #").append(j.pattern().write());
        } else {
            throw new IllegalStateException("unknown node " + e);
        }
    }

    /** Forms that read unambiguously right after '!': bare keywords, function calls, bodies. */
    private static boolean readsAsOneUnit(Expr e) {
        return (e instanceof Expr.BoolTest b && b.expected())
                || (e instanceof Expr.StringTest s && s.op() == null)
                || (e instanceof Expr.AnnotationTest a && a.op() == null)
                || e instanceof Expr.Service || e instanceof Expr.Edge || e instanceof Expr.RootCause
                || e instanceof Expr.Not;
    }

    private static void printOperand(Expr e, boolean parenthesize, StringBuilder sb) {
        if (parenthesize) sb.append('(');
        print(e, sb);
        if (parenthesize) sb.append(')');
    }

    private static void printBody(Expr body, StringBuilder sb) {
        if (body == null) return;
        sb.append(" { ");
        print(body, sb);
        sb.append(" }");
    }

    private static void printNode(Expr.NodeRef n, StringBuilder sb) {
        if (!n.byId()) {
            appendQuoted(n.name(), sb);
            return;
        }
        sb.append("id(");
        boolean first = true;
        if (n.name() != null) {
            sb.append("name: ");
            appendQuoted(n.name(), sb);
            first = false;
        }
        if (n.type() != null) {
            if (!first) sb.append(", ");
            sb.append("type: ");
            appendQuoted(n.type(), sb);
            first = false;
        }
        if (n.accountId() != null) {
            if (!first) sb.append(", ");
            sb.append("account.id: ");
            appendQuoted(n.accountId(), sb);
        }
        sb.append(')');
    }

    private static void appendQuoted(String s, StringBuilder sb) {
        sb.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\\') sb.append('\\');
            sb.append(c);
        }
        sb.append('"');
    }
}
