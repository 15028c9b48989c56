package dev.tracedesk.aws;

/** A region for the region picker: its id ({@code eu-west-1}) and the SDK's description ({@code Europe (Ireland)}). */
public record RegionChoice(String id, String description) {
    /** "eu-west-1 — Europe (Ireland)", or just the id when the SDK has no description. */
    public String label() {
        return description.isBlank() ? id : id + " — " + description;
    }
}
