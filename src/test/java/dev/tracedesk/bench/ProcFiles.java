package dev.tracedesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading Linux /proc files for the benchmarks' reports. */
final class ProcFiles {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private ProcFiles() {}

    /**
     * The first line of a /proc file, trimmed; null where it cannot be read. Not Files.readString: /proc files report
     * size 0, and it read only the first byte of net.core.rmem_max ("4" for 4194304).
     */
    static String firstLine(Path file) {
        try (var in = Files.newBufferedReader(file)) {
            String line = in.readLine();
            return line == null ? null : line.trim();
        } catch (IOException e) {
            return null;
        }
    }

    /** The user + system CPU seconds of a /proc/.../stat line (a process or one of its threads). */
    static double cpuSeconds(String statLine) {
        // After "pid (comm) " (comm may hold spaces and parentheses) come state, ...; utime and stime are fields 14
        // and 15 of the whole line, so 11 and 12 of the rest.
        String[] f = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }
}
