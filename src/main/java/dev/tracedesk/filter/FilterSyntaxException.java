package dev.tracedesk.filter;

/**
 * A filter expression that cannot be parsed (or compiled). Carries the 0-based character position and length of the
 * offending text so that a GUI can underline it; {@link #getMessage()} reads like
 * {@code "expected a number after '>' at 15"}.
 */
public final class FilterSyntaxException extends IllegalArgumentException {
    private final String reason;
    private final int position;
    private final int length;

    public FilterSyntaxException(String reason, int position, int length) {
        super(reason + " at " + position);
        this.reason = reason;
        this.position = position;
        this.length = length;
    }

    /** What was wrong or expected, without the position, e.g. {@code "expected a number after '>'"}. */
    public String reason() {
        return reason;
    }

    /** 0-based character offset into the expression where the problem starts. */
    public int position() {
        return position;
    }

    /** Number of characters to underline from {@link #position()}; 0 at the end of the input. */
    public int length() {
        return length;
    }
}
