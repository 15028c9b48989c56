package dev.tracedesk.explore.access;

import dev.tracedesk.aws.ProfileCatalog;
import java.util.List;
import java.util.Optional;

/** The profiles of the AWS config files as read at one moment, plus the local sandbox. */
public final class Profiles {
    private final ProfileCatalog catalog;
    private final List<Profile> entries;

    Profiles(ProfileCatalog catalog) {
        this.catalog = catalog;
        this.entries = catalog.entries().stream().map(Profile::of).toList();
    }

    /** The AWS profiles ({@code default} first, then by name), then the local sandbox. */
    public List<Profile> entries() {
        return entries;
    }

    public Optional<Profile> find(String name) {
        return entries.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Whether any AWS config or credentials file defines a profile. */
    public boolean hasAwsConfiguration() {
        return catalog.hasAwsConfiguration();
    }

    /** AWS_PROFILE, else [default], else the sandbox. */
    public Profile defaultChoice() {
        return Profile.of(catalog.defaultChoice());
    }

    /** The region a sign-in with {@code profile} uses unless the user picks one: AWS_REGION, else the profile's. */
    public Optional<String> defaultRegion(Profile profile) {
        return catalog.find(profile.name()).flatMap(catalog::defaultRegion);
    }
}
