package dev.tracedesk.explore.access;

import dev.tracedesk.aws.XRayRegions;

/** A region for the region picker: its id ({@code eu-west-1}) and the SDK's description ({@code Europe (Ireland)}). */
public record RegionOption(String id, String description) {
    /** "eu-west-1 — Europe (Ireland)", or just the id when the SDK has no description. */
    public String label() {
        return description.isBlank() ? id : id + " — " + description;
    }

    /** The option for a region id, described from the SDK's metadata. */
    public static RegionOption of(String id) {
        var choice = XRayRegions.choice(id);
        return new RegionOption(choice.id(), choice.description());
    }
}
