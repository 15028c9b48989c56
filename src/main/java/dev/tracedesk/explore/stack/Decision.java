package dev.tracedesk.explore.stack;

/** The outcome of evaluating a role's identity policies for one action. */
public enum Decision {
    /** An Allow statement matches and no Deny does. */
    ALLOWED,
    /** No statement allows it (IAM's implicit deny). */
    NOT_ALLOWED,
    /** A Deny statement matches: no Allow can override it. */
    DENIED
}
