package dev.tracedesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples the kernel's view of the UDP sockets on one port (/proc/net/udp, Linux) every few milliseconds while a
 * benchmark phase runs: per socket the datagrams it dropped, the fullest its receive queue got, and when the drops
 * happened. That tells a receiver too slow on average (drops all along) from one that stalled (drops in bursts).
 */
final class UdpSocketWatch implements AutoCloseable {
    private record Sample(long drops, long rxQueue) {}

    private final String localPortHex;
    private final Thread thread;
    private final long startMillis = System.currentTimeMillis();
    private final Map<String, Long> firstDrops = new TreeMap<>();
    private final Map<String, Long> lastDrops = new TreeMap<>();
    private final Map<String, Long> maxQueue = new TreeMap<>();
    private final Map<String, Double> maxQueueAt = new TreeMap<>();
    /** "t+12.34 s: +567 on socket A" for each sample in which drops grew (the first 20). */
    private final List<String> dropEvents = new ArrayList<>();
    private volatile boolean running = true;

    UdpSocketWatch(int port) {
        System.out.printf(Locale.ROOT, "  watching UDP port %d from JVM uptime %.2f s%n", port,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        this.localPortHex = String.format(Locale.ROOT, ":%04X", port);
        this.thread = new Thread(this::run, "bench-udp-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            Map<String, Sample> now = read();
            synchronized (this) {
                now.forEach((inode, s) -> {
                    firstDrops.putIfAbsent(inode, s.drops());
                    Long before = lastDrops.put(inode, s.drops());
                    if (before != null && s.drops() > before && dropEvents.size() < 20) {
                        dropEvents.add(String.format(Locale.ROOT, "t+%.2f s: +%d on socket %s",
                                (System.currentTimeMillis() - startMillis) / 1000.0, s.drops() - before, inode));
                    }
                    if (s.rxQueue() > maxQueue.getOrDefault(inode, -1L)) {
                        maxQueue.put(inode, s.rxQueue());
                        maxQueueAt.put(inode, (System.currentTimeMillis() - startMillis) / 1000.0);
                    }
                });
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Map<String, Sample> read() {
        Map<String, Sample> out = new TreeMap<>();
        // Java opens dual-stack sockets where IPv6 exists: they are listed in udp6 even when bound to 127.0.0.1.
        for (String file : List.of("/proc/net/udp", "/proc/net/udp6")) readInto(file, out);
        return out;
    }

    private void readInto(String file, Map<String, Sample> out) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 13 || !f[1].endsWith(localPortHex)) continue;
                long rxQueue = Long.parseLong(f[4].substring(f[4].indexOf(':') + 1), 16);
                out.put(f[9], new Sample(Long.parseLong(f[f.length - 1]), rxQueue));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the line format differs: the summary says so by being empty
        }
    }

    /** Per socket: dropped datagrams and the fullest receive queue seen; then when drops happened. */
    synchronized String summary() {
        if (lastDrops.isEmpty()) return "no /proc/net/udp sockets seen";
        StringBuilder b = new StringBuilder();
        lastDrops.forEach((inode, drops) -> b.append(String.format(Locale.ROOT, "socket %s: %,d dropped, receive queue up to %,d bytes (t+%.2f s); ",
                inode, drops - firstDrops.get(inode), maxQueue.get(inode), maxQueueAt.get(inode))));
        if (!dropEvents.isEmpty()) b.append("drops at ").append(String.join(", ", dropEvents));
        return b.toString().trim();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(1000);
    }
}
