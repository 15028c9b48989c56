package dev.tracedesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads by name, from /proc/self/task (Linux): where the cores went during a benchmark phase.
 * Threads are grouped by their native name without trailing numbers ("sandbox-udp", "ForkJoinPool.commonPool-worker").
 */
final class ThreadCpu {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private ThreadCpu() {}

    /** Ticks (user + system) per thread group; empty where /proc is not readable. */
    static Map<String, Long> snapshot() {
        Map<String, Long> byGroup = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.collect(Collectors.toList())) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended while we listed
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open) continue;
                String name = stat.substring(open + 1, close).replaceAll("[-_ ]?\\d+$", "");
                String[] f = stat.substring(close + 2).split(" ");
                // After "(comm) ": state is f[0]; utime and stime are fields 14 and 15 of the whole line.
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                byGroup.merge(name, ticks, Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return byGroup;
    }

    /** "name 1.2 s (34%), ..." for the groups that used at least 1% of one core between the snapshots. */
    static String between(Map<String, Long> before, Map<String, Long> after, double wallSeconds) {
        Map<String, Long> used = new TreeMap<>();
        after.forEach((k, v) -> used.put(k, v - before.getOrDefault(k, 0L)));
        return used.entrySet().stream().filter(e -> e.getValue() / TICKS_PER_SECOND >= wallSeconds * 0.01)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f s (%.0f%% of a core)", e.getKey(), e.getValue() / TICKS_PER_SECOND,
                        100 * e.getValue() / TICKS_PER_SECOND / wallSeconds))
                .collect(Collectors.joining(", "));
    }
}
