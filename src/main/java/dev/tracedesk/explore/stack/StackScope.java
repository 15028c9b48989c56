package dev.tracedesk.explore.stack;

import java.util.Objects;
import java.util.Optional;

/**
 * Which functions and REST APIs belong to "the stack": the resources of a CloudFormation stack, or everything whose
 * name starts with a prefix (the shop's names are {@code <prefix>_...}; works where no stack was deployed).
 */
public record StackScope(Optional<String> stackName, Optional<String> namePrefix) {
    public StackScope {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(namePrefix, "namePrefix");
        if (stackName.isPresent() == namePrefix.isPresent()) {
            throw new IllegalArgumentException("A scope is either a stack or a name prefix");
        }
    }

    /** The {@code AWS::Lambda::Function} and {@code AWS::ApiGateway::RestApi} resources of a CloudFormation stack. */
    public static StackScope ofStack(String stackName) {
        return new StackScope(Optional.of(requireText(stackName, "stack name")), Optional.empty());
    }

    /** Functions and REST APIs whose names start with {@code namePrefix} (e.g. {@code AMIS_}). */
    public static StackScope ofNamePrefix(String namePrefix) {
        return new StackScope(Optional.empty(), Optional.of(requireText(namePrefix, "name prefix")));
    }

    boolean matchesName(String name) {
        return namePrefix.map(p -> name != null && name.startsWith(p)).orElse(true);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is empty");
        }
        return value;
    }

    @Override
    public String toString() {
        return stackName.map(s -> "stack " + s).orElseGet(() -> "names starting with " + namePrefix.get());
    }
}
