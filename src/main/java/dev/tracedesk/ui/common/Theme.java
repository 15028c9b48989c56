package dev.tracedesk.ui.common;

import java.util.Objects;

/** A colour theme: one stylesheet of looked-up colours, on top of JavaFX's Modena. */
public enum Theme {
    LIGHT("/css/light.css"),
    DARK("/css/dark.css");

    private final String resource;

    Theme(String resource) {
        this.resource = resource;
    }

    /** The stylesheet's URL, as {@code Scene.getStylesheets()} wants it. */
    public String stylesheet() {
        return Objects.requireNonNull(Theme.class.getResource(resource), () -> "missing " + resource).toExternalForm();
    }

    /** Lower-case name used in file names and settings ({@code light}, {@code dark}). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
