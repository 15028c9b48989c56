package dev.tracedesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's UDP senders, run in a process of their own (as instrumented services are): a collection pause of
 * the sandbox's JVM then freezes only the receiver while datagrams keep arriving, which is what a real daemon faces.
 * Each sender thread has its own socket, like one process with an X-Ray SDK.
 */
final class UdpLoad {
    private static final byte[] HEADER_BYTES = "{\"format\":\"json\",\"version\":1}\n".getBytes(StandardCharsets.US_ASCII);
    private static final String RESULT = "UDPLOAD-RESULT ";

    private UdpLoad() {}

    /** Segments sent, the seconds the sending took (JVM start not included) and the CPU the sending process used. */
    record Result(long sent, double seconds, double cpuSeconds) {}

    /**
     * Runs a sending process and waits for it. {@code mode} "paced": traces [first, first+amount) at {@code rate}
     * segments/s; "burst": as fast as possible for {@code amount} seconds from trace {@code first}.
     */
    static Result run(int port, String mode, long first, long amount, long base, int rate, int senders)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), UdpLoad.class.getName(),
                String.valueOf(port), mode, String.valueOf(first), String.valueOf(amount), String.valueOf(base),
                String.valueOf(rate), String.valueOf(senders)).redirectErrorStream(true).start();
        Result result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(RESULT)) {
                    String[] f = line.substring(RESULT.length()).split(" ");
                    result = new Result(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
                } else {
                    System.out.println(line);
                }
            }
        }
        int exit = p.waitFor();
        if (exit != 0 || result == null) throw new IllegalStateException("the UDP sending process failed (exit " + exit + ")");
        return result;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String mode = args[1];
        long first = Long.parseLong(args[2]);
        long amount = Long.parseLong(args[3]);
        long base = Long.parseLong(args[4]);
        int rate = Integer.parseInt(args[5]);
        int senders = Integer.parseInt(args[6]);
        long t0 = System.nanoTime();
        long sent = "burst".equals(mode) ? sendUnpaced(port, first, base, (int) amount, senders)
                : sendPaced(port, first, amount, base, rate, senders);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println(RESULT + sent + " " + String.format(Locale.ROOT, "%.3f %.2f", seconds, ownCpuSeconds()));
    }

    /** This process's user + system CPU time (0 where /proc is unavailable). */
    private static double ownCpuSeconds() {
        String stat = ProcFiles.firstLine(Path.of("/proc/self/stat"));
        return stat == null ? 0 : ProcFiles.cpuSeconds(stat);
    }

    /** Header + document into {@code buf}, ready to send (the documents are ASCII). */
    private static void datagram(ByteBuffer buf, String doc) {
        buf.clear();
        buf.put(HEADER_BYTES);
        for (int i = 0, n = doc.length(); i < n; i++) buf.put((byte) doc.charAt(i));
        buf.flip();
    }

    /**
     * Sends traces [first, first+count) at {@code rate} datagrams per second in total from {@code senders} threads
     * (thread k sends every k-th trace, paced in slices).
     */
    static long sendPaced(int port, long first, long count, long base, int rate, int senders) throws InterruptedException {
        long start = System.nanoTime();
        return send(port, first, base, senders, "bench-sender-", n -> n < first + count, (me, sent, total) -> {
            if ((sent & 127) == 0) {
                long due = start + sent * 1_000_000_000L * senders / rate;
                long wait = due - System.nanoTime();
                // A sender that fell behind (its own GC, a descheduled thread) catches up at full speed:
                // bursts above the average rate, harder on the receiver than an even stream.
                if (wait > 1_000_000) Thread.sleep(wait / 1_000_000);
            }
            if (me == 0 && total >= 400_000 && total % 400_000 < 2L * senders) {
                System.out.printf(Locale.ROOT, "  ... %,d segments sent (%.0f/s)%n", total, total / ((System.nanoTime() - start) / 1e9));
            }
        });
    }

    /** Sends as fast as {@code senders} threads can for {@code seconds}. */
    static long sendUnpaced(int port, long first, long base, int seconds, int senders) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        return send(port, first, base, senders, "bench-burst-", n -> System.nanoTime() < end, (me, sent, total) -> {});
    }

    /** What a sender thread does after each trace: {@code sent} by this thread, {@code total} by all so far. */
    private interface AfterTrace {
        void run(int me, long sent, long total) throws InterruptedException;
    }

    /** {@code senders} threads, each with its own socket, send traces first+k, first+k+senders, ... while {@code more}. */
    private static long send(int port, long first, long base, int senders, String name,
                             java.util.function.LongPredicate more, AfterTrace after) throws InterruptedException {
        AtomicLong total = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < senders; k++) {
            final int me = k;
            Thread t = new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(first + me);
                InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
                long sent = 0;
                try (DatagramChannel ch = DatagramChannel.open()) {
                    ByteBuffer buf = ByteBuffer.allocate(65536);
                    for (long n = first + me; more.test(n); n += senders) {
                        for (String doc : SandboxBench.trace(n, base, rnd)) {
                            datagram(buf, doc);
                            ch.send(buf, target);
                            sent++;
                        }
                        after.run(me, sent, total.addAndGet(2));
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, name + k);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
        return total.get();
    }
}
