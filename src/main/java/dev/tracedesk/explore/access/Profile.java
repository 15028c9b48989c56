package dev.tracedesk.explore.access;

import dev.tracedesk.aws.ProfileInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the sign-in list: a profile name, how it gets credentials, its configured region (if any) and a short
 * description (role ARN, start URL, ...). Never holds a secret.
 *
 * @param region the region written in the profile, before any {@code AWS_REGION} override
 */
public record Profile(String name, ProfileKind kind, Optional<String> region, String description) {
    /** The name the sign-in list shows for the built-in local X-Ray. */
    public static final String SANDBOX_NAME = ProfileInfo.SANDBOX_NAME;

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        description = description == null ? "" : description;
    }

    public static Profile sandbox() {
        return of(ProfileInfo.sandbox());
    }

    public boolean isSandbox() {
        return kind == ProfileKind.LOCAL_SANDBOX;
    }

    static Profile of(ProfileInfo info) {
        return new Profile(info.name(), ProfileKind.of(info.kind()), info.region(), info.description());
    }
}
