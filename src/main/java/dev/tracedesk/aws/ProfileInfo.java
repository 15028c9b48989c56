package dev.tracedesk.aws;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the sign-in list: a profile name, how it gets credentials, its configured region (if any) and a short
 * description (role ARN, start URL, ...). Never holds a secret.
 *
 * @param region the region written in the profile, before any {@code AWS_REGION} override
 */
public record ProfileInfo(String name, ProfileKind kind, Optional<String> region, String description) {
    /** The name the sign-in list shows for the built-in local X-Ray. */
    public static final String SANDBOX_NAME = "Local sandbox";

    public ProfileInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        description = description == null ? "" : description;
    }

    public static ProfileInfo sandbox() {
        return new ProfileInfo(SANDBOX_NAME, ProfileKind.LOCAL_SANDBOX, Optional.of(SandboxDefaults.REGION),
                "Built-in local X-Ray on this machine");
    }

    public boolean isSandbox() {
        return kind == ProfileKind.LOCAL_SANDBOX;
    }
}
