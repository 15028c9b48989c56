package dev.tracedesk.ui.analytics;

import javafx.scene.paint.Color;

/** Canvas colours per theme (a canvas cannot look up CSS colours; a hidden probe label tells which theme is on). */
record ChartPalette(Color surface, Color grid, Color text, Color baseline, Color selected, Color brush) {
    static final ChartPalette LIGHT = new ChartPalette(Color.web("#ffffff"), Color.web("#d9dde3"),
            Color.web("#5d6677"), Color.web("#9db3da"), Color.web("#e0641b"), Color.web("#2f6fdb"));
    static final ChartPalette DARK = new ChartPalette(Color.web("#25282e"), Color.web("#3a3e47"),
            Color.web("#9aa3b2"), Color.web("#4a5f86"), Color.web("#ff8a3d"), Color.web("#4d8df5"));
}
