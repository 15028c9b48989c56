package dev.tracedesk.sandbox.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The X-Ray daemon's UDP side: one thread reads datagrams and hands the raw bytes to a {@link DatagramSink} (the
 * store's journal) without looking inside them, so it gets back to the socket within microseconds; decoding and
 * validation happen later, off this path. Nothing a sender does can stop it: malformed datagrams are counted by
 * reason when they are decoded, and a full sink is counted as {@code queue-full}.
 */
public final class UdpReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpReceiver.class);
    /** Asked of the kernel; Linux grants at most twice net.core.rmem_max (see {@link #receiveBufferBytes}). */
    static final int WANTED_RCVBUF = 32 * 1024 * 1024;

    private final DatagramChannel channel;
    private final DaemonStats stats;
    private final DatagramSink sink;
    private final Thread thread;
    private final int receiveBuffer;
    private volatile boolean running = true;

    public UdpReceiver(InetSocketAddress bind, DaemonStats stats, DatagramSink sink) throws IOException {
        this.stats = stats;
        this.sink = sink;
        this.channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, WANTED_RCVBUF);
            channel.bind(bind);
            receiveBuffer = channel.getOption(StandardSocketOptions.SO_RCVBUF);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (receiveBuffer < WANTED_RCVBUF) {
            LOG.debug("UDP receive buffer {} bytes (asked {}; raise net.core.rmem_max for more burst room)",
                    receiveBuffer, WANTED_RCVBUF);
        }
        this.thread = new Thread(this::loop, "sandbox-udp");
        thread.setDaemon(true);
        // Only a hint: Linux JVMs honour it with -XX:ThreadPriorityPolicy=1 (and privileges to raise priority).
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    public void start() {
        thread.start();
    }

    /** The socket receive buffer the kernel granted, in bytes. */
    public int receiveBufferBytes() { return receiveBuffer; }

    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void loop() {
        // One byte more than the largest valid datagram, so a full buffer means "truncated" (rejected as oversized).
        ByteBuffer buf = ByteBuffer.allocate(DatagramDecoder.MAX_DATAGRAM + 1);
        while (running) {
            try {
                buf.clear();
                channel.receive(buf);
                handle(buf.array(), 0, buf.position());
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                if (running) LOG.warn("UDP receive failed, continuing: {}", e.toString());
            }
        }
    }

    /** Takes one datagram as if it had arrived on the socket; public so tests and fuzzers can drive it directly. */
    public void handle(byte[] data, int offset, int length) {
        stats.received();
        boolean kept;
        try {
            kept = sink.offer(data, offset, length);
        } catch (RuntimeException e) {
            LOG.warn("segment sink failed: {}", e.toString());
            stats.rejected("internal-error");
            return;
        }
        if (!kept) stats.rejected("queue-full");
    }

    @Override
    public void close() {
        running = false;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
