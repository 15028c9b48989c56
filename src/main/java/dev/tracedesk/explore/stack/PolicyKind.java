package dev.tracedesk.explore.stack;

/** Where a policy of a role comes from. */
public enum PolicyKind {
    /** Attached, owned by AWS ({@code arn:aws:iam::aws:policy/...}). */
    AWS_MANAGED,
    /** Attached, owned by the account. */
    CUSTOMER_MANAGED,
    /** Embedded in the role. */
    INLINE
}
