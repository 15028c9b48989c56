package dev.tracedesk.aws;

/** Thrown by the {@code aws} package (and by {@link AwsErrors#translate}) with a user-facing {@link AwsProblem}. */
public class AwsProblemException extends RuntimeException {
    private final AwsProblem problem;

    public AwsProblemException(AwsProblem problem) {
        this(problem, null);
    }

    public AwsProblemException(AwsProblem problem, Throwable cause) {
        super(problem.userMessage(), cause);
        this.problem = problem;
    }

    public AwsProblem problem() {
        return problem;
    }

    public ProblemKind kind() {
        return problem.kind();
    }
}
