package dev.tracedesk.ui.map;

import dev.tracedesk.xray.Outcome;
import javafx.scene.paint.Color;

/**
 * Colours of the map, per theme. Outcome colours follow the X-Ray console (ok green, error amber, fault red, throttle
 * purple); each outcome also has its own stroke pattern (see {@link #dashes}), so the ring reads without colour.
 */
public record MapPalette(Color background, Color surface, Color text, Color muted, Color edge, Color accent,
                         Color ok, Color error, Color fault, Color throttle, Color idle) {

    public static final MapPalette LIGHT = new MapPalette(Color.web("#f7f8fa"), Color.web("#ffffff"),
            Color.web("#1d2330"), Color.web("#5d6677"), Color.web("#8c95a3"), Color.web("#2f6fdb"),
            Color.web("#2e9d5b"), Color.web("#d98a00"), Color.web("#d43a2f"), Color.web("#8e44c9"),
            Color.web("#b8bfca"));

    public static final MapPalette DARK = new MapPalette(Color.web("#16191f"), Color.web("#1f232b"),
            Color.web("#e6e9ef"), Color.web("#9aa3b2"), Color.web("#6b7383"), Color.web("#5b93f0"),
            Color.web("#46c37b"), Color.web("#f0a92e"), Color.web("#f0604f"), Color.web("#b57bea"),
            Color.web("#4a505c"));

    public Color of(Outcome outcome) {
        return switch (outcome) {
            case OK -> ok;
            case ERROR -> error;
            case FAULT -> fault;
            case THROTTLE -> throttle;
        };
    }

    /** Stroke pattern of an outcome's ring segment: ok solid, error dashed, throttle dotted, fault dash-dot. */
    public static double[] dashes(Outcome outcome) {
        return switch (outcome) {
            case OK -> null;
            case ERROR -> new double[] {7, 3};
            case THROTTLE -> new double[] {2, 3};
            case FAULT -> new double[] {9, 2, 2, 2};
        };
    }

    /** The theme whose background is closest to {@code background}. */
    public static MapPalette forBackground(Color background) {
        return background != null && background.getBrightness() < 0.5 ? DARK : LIGHT;
    }
}
