package dev.tracedesk.explore.stack;

import java.util.Objects;

/**
 * What to deploy: the shop stack under a CloudFormation stack name, with its name prefix and tracing switch.
 *
 * @param tracing Active tracing on the functions and tracing on the stage (the template's {@code Tracing} on|off)
 */
public record DeployRequest(String stackName, String prefix, boolean tracing) {
    public static final String DEFAULT_PREFIX = "AMIS";

    public DeployRequest {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(prefix, "prefix");
        if (!stackName.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
            throw new IllegalArgumentException("A stack name starts with a letter and has only letters, digits and "
                    + "hyphens (at most 128): " + stackName);
        }
        if (!prefix.matches("[A-Za-z][A-Za-z0-9]{0,15}")) {
            throw new IllegalArgumentException("The prefix is 1 to 16 letters and digits, starting with a letter: "
                    + prefix);
        }
    }

    /** The stack name of a prefix, {@code tracedesk-shop-<prefix>}: the same as shop.ShopTemplate#stackName. */
    public static String defaultStackName(String prefix) {
        return "tracedesk-shop-" + prefix;
    }

    public static DeployRequest of(String prefix, boolean tracing) {
        return new DeployRequest(defaultStackName(prefix), prefix, tracing);
    }
}
