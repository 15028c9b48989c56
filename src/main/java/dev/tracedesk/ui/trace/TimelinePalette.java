package dev.tracedesk.ui.trace;

import dev.tracedesk.xray.Outcome;

/** Timeline colours for one theme (0xAARRGGBB); the bar colours follow the X-Ray console's outcome colours. */
public record TimelinePalette(int background, int rowAlt, int grid, int text, int mutedText, int ok, int error,
        int throttle, int fault, int critical, int selection, int match, int minimapBar, int minimapWindow,
        int badge, int badgeText, int asyncLine) {

    public static final TimelinePalette LIGHT = new TimelinePalette(0xFFFFFFFF, 0xFFF6F8FA, 0xFFDDE1E6, 0xFF1F2328,
            0xFF656D76, 0xFF3B8FD9, 0xFFE5A50A, 0xFF8E5BD8, 0xFFD1343F, 0xFF0B3D91, 0x332F81F7, 0x55FFD33D,
            0xFF8FA7C2, 0x332F81F7, 0xFF1570D1, 0xFFFFFFFF, 0xFF8C959F);

    public static final TimelinePalette DARK = new TimelinePalette(0xFF1E2227, 0xFF23282E, 0xFF3A4048, 0xFFE6EDF3,
            0xFF9AA4AF, 0xFF4C9BE8, 0xFFE8B33A, 0xFFA77BEA, 0xFFEF5A63, 0xFFF5F7FA, 0x443D8BFD, 0x66B08800,
            0xFF5E7590, 0x443D8BFD, 0xFF3D8BFD, 0xFFFFFFFF, 0xFF7D8590);

    public int bar(Outcome outcome) {
        return switch (outcome) {
            case OK -> ok;
            case ERROR -> error;
            case THROTTLE -> throttle;
            case FAULT -> fault;
        };
    }
}
