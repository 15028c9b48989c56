package dev.tracedesk.filter;

/**
 * How a filter is compiled.
 *
 * @param caseInsensitiveStrings compare string keywords and node names ignoring case (default false: the spec leaves
 *                               case sensitivity open, §9.5, and the default is case-sensitive)
 * @param groups                 resolves {@code group.name} / {@code group.arn}; null = no groups known
 */
public record FilterOptions(boolean caseInsensitiveStrings, GroupResolver groups) {

    /** Case-sensitive, no groups. */
    public static final FilterOptions DEFAULT = new FilterOptions(false, null);

    /** Looks up a group's filter expression; returns null for an unknown group. */
    public interface GroupResolver {
        /** The filter expression of the group named {@code name}, or null. */
        String expressionByName(String name);

        /** The filter expression of the group with ARN {@code arn}, or null. */
        String expressionByArn(String arn);
    }

    public FilterOptions withGroups(GroupResolver resolver) {
        return new FilterOptions(caseInsensitiveStrings, resolver);
    }
}
