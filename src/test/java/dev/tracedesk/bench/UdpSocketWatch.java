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
    /** What was seen of one socket (keyed by inode). */
    private static final class Seen {
        long firstDrops = -1;
        long lastDrops;
        long maxQueue = -1;
        double maxQueueAt;
    }

    private final Map<String, Seen> sockets = new TreeMap<>();
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
                double t = (System.currentTimeMillis() - startMillis) / 1000.0;
                now.forEach((inode, s) -> {
                    Seen seen = sockets.computeIfAbsent(inode, i -> new Seen());
                    if (seen.firstDrops < 0) {
                        seen.firstDrops = s.drops();
                    } else if (s.drops() > seen.lastDrops && dropEvents.size() < 20) {
                        dropEvents.add(String.format(Locale.ROOT, "t+%.2f s: +%d on socket %s", t, s.drops() - seen.lastDrops, inode));
                    }
                    seen.lastDrops = s.drops();
                    if (s.rxQueue() > seen.maxQueue) {
                        seen.maxQueue = s.rxQueue();
                        seen.maxQueueAt = t;
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
        if (sockets.isEmpty()) return "no /proc/net/udp sockets seen";
        StringBuilder b = new StringBuilder();
        sockets.forEach((inode, seen) -> b.append(String.format(Locale.ROOT, "socket %s: %,d dropped, receive queue up to %,d bytes (t+%.2f s); ",
                inode, seen.lastDrops - seen.firstDrops, seen.maxQueue, seen.maxQueueAt)));
        if (!dropEvents.isEmpty()) b.append("drops at ").append(String.join(", ", dropEvents));
        return b.toString().trim();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(1000);
    }
}
