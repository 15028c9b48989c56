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
    private ThreadCpu() {}

    /** CPU seconds (user + system) per thread group; empty where /proc is not readable. */
    static Map<String, Double> snapshot() {
        Map<String, Double> byGroup = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.collect(Collectors.toList())) {
                String stat = ProcFiles.firstLine(task.resolve("stat"));
                if (stat == null) continue; // the thread ended while we listed
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open) continue;
                String name = stat.substring(open + 1, close).replaceAll("[-_ ]?\\d+$", "");
                byGroup.merge(name, ProcFiles.cpuSeconds(stat), Double::sum);
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return byGroup;
    }

    /** "name 1.2 s (34% of a core), ..." for the groups that used at least 1% of one core between the snapshots. */
    static String between(Map<String, Double> before, Map<String, Double> after, double wallSeconds) {
        Map<String, Double> used = new TreeMap<>();
        after.forEach((k, v) -> used.put(k, v - before.getOrDefault(k, 0.0)));
        return used.entrySet().stream().filter(e -> e.getValue() >= wallSeconds * 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f s (%.0f%% of a core)", e.getKey(), e.getValue(),
                        100 * e.getValue() / wallSeconds))
                .collect(Collectors.joining(", "));
    }
}
