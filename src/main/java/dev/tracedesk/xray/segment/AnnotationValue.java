package dev.tracedesk.xray.segment;

/** An annotation value: string, number or boolean, nothing else (spec §3.6). */
public sealed interface AnnotationValue {

    /** The value as Java object (String, Double or Boolean), for generic comparison. */
    Object raw();

    record Str(String value) implements AnnotationValue {
        @Override
        public Object raw() {
            return value;
        }
    }

    /** A number; {@code integral} remembers that the document wrote it without a fraction, so it round-trips. */
    record Num(double value, boolean integral) implements AnnotationValue {
        public Num(double value) {
            this(value, value == Math.rint(value) && Math.abs(value) < 1e15);
        }

        @Override
        public Object raw() {
            return value;
        }
    }

    record Bool(boolean value) implements AnnotationValue {
        @Override
        public Object raw() {
            return value;
        }
    }

    static AnnotationValue of(String s) {
        return new Str(s);
    }

    static AnnotationValue of(double d) {
        return new Num(d);
    }

    static AnnotationValue of(boolean b) {
        return new Bool(b);
    }
}
