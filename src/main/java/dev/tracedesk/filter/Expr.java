package dev.tracedesk.filter;

import java.util.Objects;

/**
 * The syntax tree of a filter expression (spec §9). Trees are immutable values: two parses of equivalent text give
 * equal trees, and {@code FilterParser.parse(FilterPrinter.print(e)).equals(e)} holds for every tree.
 * Build them with {@link Filters} or get them from {@link FilterParser#parse(String)}.
 */
public sealed interface Expr {

    /** {@code left AND right} (also juxtaposition). */
    record And(Expr left, Expr right) implements Expr {
        public And {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }
    }

    /** {@code left OR right}. */
    record Or(Expr left, Expr right) implements Expr {
        public Or {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }
    }

    /** {@code !operand} (also the lenient word {@code NOT}). */
    record Not(Expr operand) implements Expr {
        public Not {
            Objects.requireNonNull(operand);
        }
    }

    /** {@code kw}, {@code kw = false}, ... normalised to "keyword is {@code expected}". */
    record BoolTest(BoolKeyword keyword, boolean expected) implements Expr {
        public BoolTest {
            Objects.requireNonNull(keyword);
        }
    }

    /** {@code kw op number}. */
    record NumberTest(NumberKeyword keyword, Op op, double value) implements Expr {
        public NumberTest {
            Objects.requireNonNull(keyword);
            if (!op.isNumeric()) throw new IllegalArgumentException(op + " does not apply to numbers");
            if (!Double.isFinite(value)) throw new IllegalArgumentException("not a finite number: " + value);
            value = Numbers.normalize(value);
        }
    }

    /** {@code kw op "value"}, or bare {@code kw} (field exists) when {@code op} is null. */
    record StringTest(StringKeyword keyword, Op op, String value) implements Expr {
        public StringTest {
            Objects.requireNonNull(keyword);
            if (op == null) {
                if (value != null) throw new IllegalArgumentException("an existence test has no value");
            } else {
                if (!op.isString()) throw new IllegalArgumentException(op + " does not apply to strings");
                Objects.requireNonNull(value);
            }
        }
    }

    /** A literal compared with an annotation value; its type picks the operators that apply. */
    sealed interface Literal {
    }

    /** A number literal. */
    record NumberLiteral(double value) implements Literal {
        public NumberLiteral {
            if (!Double.isFinite(value)) throw new IllegalArgumentException("not a finite number: " + value);
            value = Numbers.normalize(value);
        }
    }

    /** A double-quoted string literal. */
    record StringLiteral(String value) implements Literal {
        public StringLiteral {
            Objects.requireNonNull(value);
        }
    }

    /** {@code true} or {@code false}. */
    record BoolLiteral(boolean value) implements Literal {
    }

    /** {@code annotation.KEY op literal}, or bare {@code annotation.KEY} (key is set) when {@code op} is null. */
    record AnnotationTest(String key, Op op, Literal value) implements Expr {
        public AnnotationTest {
            if (key == null || !FilterParser.isAnnotationKey(key)) throw new IllegalArgumentException("bad annotation key: " + key);
            if (op == null) {
                if (value != null) throw new IllegalArgumentException("an existence test has no value");
            } else {
                Objects.requireNonNull(value);
                boolean ok = value instanceof NumberLiteral ? op.isNumeric()
                        : value instanceof StringLiteral ? op.isString()
                        : op == Op.EQ || op == Op.NE;
                if (!ok) throw new IllegalArgumentException(op + " does not apply to " + value);
            }
        }
    }

    /**
     * A node reference: {@code "NAME"} ({@code byId == false}, only {@code name} set) or
     * {@code id(name: ..., type: ..., account.id: ...)} where any argument may be null (omitted), but not all.
     */
    record NodeRef(String name, String type, String accountId, boolean byId) {
        public NodeRef {
            if (!byId && (name == null || type != null || accountId != null)) {
                throw new IllegalArgumentException("a plain node reference is just a name");
            }
            if (byId && name == null && type == null && accountId == null) {
                throw new IllegalArgumentException("id() needs at least one argument");
            }
        }

        /** {@code "name"}. */
        public static NodeRef named(String name) {
            return new NodeRef(name, null, null, false);
        }

        /** {@code id(name: ..., type: ..., account.id: ...)}; pass null to omit an argument. */
        public static NodeRef id(String name, String type, String accountId) {
            return new NodeRef(name, type, accountId, true);
        }
    }

    /** {@code service(ref) {body}}; {@code ref} null = {@code service()}, {@code body} null = no body. */
    record Service(NodeRef node, Expr body) implements Expr {
    }

    /** {@code edge(source, destination) {body}}; {@code body} null = no body. */
    record Edge(NodeRef source, NodeRef destination, Expr body) implements Expr {
        public Edge {
            Objects.requireNonNull(source);
            Objects.requireNonNull(destination);
        }
    }

    /** Which group attribute a {@link Group} test names. */
    enum GroupAttribute {
        NAME("group.name"), ARN("group.arn");

        private final String word;

        GroupAttribute(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** {@code group.name = "G"} / {@code group.arn = "ARN"}. */
    record Group(GroupAttribute attribute, String value) implements Expr {
        public Group {
            Objects.requireNonNull(attribute);
            Objects.requireNonNull(value);
        }
    }

    /** The root-cause list a {@link RootCause} predicate reads. */
    enum RootCauseKind {
        FAULT("fault"), ERROR("error"), RESPONSETIME("responsetime");

        private final String word;

        RootCauseKind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The level of a root cause a {@link RootCause} body is evaluated against. */
    enum RootCauseLevel {
        SERVICE("service"), ENTITY("entity"), EXCEPTION("exception");

        private final String word;

        RootCauseLevel(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** {@code rootcause.KIND.LEVEL { body }}. */
    record RootCause(RootCauseKind kind, RootCauseLevel level, Expr body) implements Expr {
        public RootCause {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(level);
            Objects.requireNonNull(body);
            if (kind == RootCauseKind.RESPONSETIME && level == RootCauseLevel.EXCEPTION) {
                throw new IllegalArgumentException("response-time root causes have no exceptions");
            }
        }
    }

    /** {@code rootcause.json = #[ ... ]}: {@code pattern} is the JSON array between {@code #} and the end. */
    record RootCauseJson(Json.Arr pattern) implements Expr {
        public RootCauseJson {
            Objects.requireNonNull(pattern);
        }
    }
}
