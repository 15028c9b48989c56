package dev.tracedesk.explore.stack;

import java.util.Objects;
import java.util.Optional;

/**
 * One policy of a role, with its document when it could be read.
 *
 * @param arn      the policy ARN; empty for inline policies
 * @param document the JSON policy document (URL-decoded); empty when it could not be read
 * @param note     why the document is missing, or empty
 */
public record RolePolicy(String name, String arn, PolicyKind kind, Optional<String> document, String note) {
    public RolePolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(document, "document");
        arn = arn == null ? "" : arn;
        note = note == null ? "" : note;
    }

    public static RolePolicy readable(String name, String arn, PolicyKind kind, String document) {
        return new RolePolicy(name, arn, kind, Optional.of(document), "");
    }

    public static RolePolicy unreadable(String name, String arn, PolicyKind kind, String why) {
        return new RolePolicy(name, arn, kind, Optional.empty(), why);
    }

    /** How the GUI names it: the name plus where it comes from. */
    public String label() {
        return switch (kind) {
            case AWS_MANAGED -> name + " (AWS managed)";
            case CUSTOMER_MANAGED -> name + " (customer managed)";
            case INLINE -> name + " (inline)";
        };
    }
}
