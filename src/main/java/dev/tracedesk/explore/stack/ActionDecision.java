package dev.tracedesk.explore.stack;

import java.util.List;
import java.util.Objects;

/**
 * Whether a role's policies allow one action, and which policies decided it.
 *
 * @param allowedBy   labels of the policies with an unconditional Allow for the action
 * @param deniedBy    labels of the policies with an unconditional Deny
 * @param conditional labels of the policies whose matching statements carry a Condition (not evaluated: TraceDesk
 *                    cannot know the request context, so they neither allow nor deny here)
 */
public record ActionDecision(String action, Decision decision, List<String> allowedBy, List<String> deniedBy,
                             List<String> conditional) {
    public ActionDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(decision, "decision");
        allowedBy = List.copyOf(allowedBy);
        deniedBy = List.copyOf(deniedBy);
        conditional = List.copyOf(conditional);
    }

    public boolean allowed() {
        return decision == Decision.ALLOWED;
    }

    /** One sentence for the GUI and the command line. */
    public String explanation() {
        return switch (decision) {
            case ALLOWED -> action + " is allowed by " + String.join(", ", allowedBy)
                    + (conditional.isEmpty() ? "" : " (conditions in " + String.join(", ", conditional) + " not evaluated)");
            case DENIED -> action + " is explicitly denied by " + String.join(", ", deniedBy)
                    + ": a Deny wins over any Allow, remove that statement";
            case NOT_ALLOWED -> action + " is not allowed by any policy of the role"
                    + (conditional.isEmpty() ? "" : " (only under conditions, in " + String.join(", ", conditional) + ")");
        };
    }
}
