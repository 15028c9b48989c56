package dev.tracedesk.explore.access;

import java.util.Objects;

/** A failed sign-in, with the {@link Problem} that says what to do. */
public class SignInException extends RuntimeException {
    private final transient Problem problem;

    public SignInException(Problem problem, Throwable cause) {
        super(problem.userMessage(), cause);
        this.problem = Objects.requireNonNull(problem);
    }

    public Problem problem() {
        return problem;
    }
}
