package dev.tracedesk.sandbox.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The X-Ray daemon's UDP side: receiving threads read datagrams and hand the raw bytes to a {@link DatagramSink} (the
 * store's journal) without looking inside them, so they get back to the socket within microseconds; decoding and
 * validation happen later, off this path. Nothing a sender does can stop them: malformed datagrams are counted by
 * reason when they are decoded, and a full sink is counted as {@code queue-full}.
 *
 * <p>Where the OS allows it (Linux), {@link #SOCKETS} sockets share the port with SO_REUSEPORT, each with its own
 * thread and its own kernel receive buffer; the kernel spreads senders over them by address and port. So a stall of
 * one thread (a scheduling delay) only fills its own buffer, and several busy senders get twice the buffer room.
 * The caller binds the TCP side of the port first: a second sandbox then fails on TCP before it could join the
 * UDP group.
 */
public final class UdpReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpReceiver.class);
    /** Asked of the kernel; Linux grants at most twice net.core.rmem_max (see {@link #receiveBufferBytes}). */
    static final int WANTED_RCVBUF = 32 * 1024 * 1024;
    /** Sockets (and receiving threads) sharing the port where SO_REUSEPORT exists. */
    static final int SOCKETS = 2;

    private final List<DatagramChannel> channels = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final DaemonStats stats;
    private final DatagramSink sink;
    private final int receiveBuffer;
    private volatile boolean running = true;

    public UdpReceiver(InetSocketAddress bind, DaemonStats stats, DatagramSink sink) throws IOException {
        this.stats = stats;
        this.sink = sink;
        try {
            DatagramChannel first = open(bind);
            int port = ((InetSocketAddress) first.getLocalAddress()).getPort();
            boolean shared = first.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
            for (int i = 1; shared && i < SOCKETS; i++) open(new InetSocketAddress(bind.getAddress(), port));
            receiveBuffer = first.getOption(StandardSocketOptions.SO_RCVBUF);
        } catch (IOException e) {
            closeChannels();
            throw e;
        }
        if (receiveBuffer < WANTED_RCVBUF) {
            LOG.debug("UDP receive buffer {} bytes per socket, {} sockets (asked {}; raise net.core.rmem_max for more burst room)",
                    receiveBuffer, channels.size(), WANTED_RCVBUF);
        }
        for (int i = 0; i < channels.size(); i++) {
            DatagramChannel channel = channels.get(i);
            String name = "sandbox-udp-" + (i + 1);
            Thread thread = new Thread(() -> loop(channel), name);
            thread.setDaemon(true);
            // Only a hint: Linux JVMs honour it with -XX:ThreadPriorityPolicy=1 (and privileges to raise priority).
            thread.setPriority(Thread.MAX_PRIORITY);
            threads.add(thread);
        }
    }

    private DatagramChannel open(InetSocketAddress address) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channels.add(channel);
        if (channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
            channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        }
        channel.setOption(StandardSocketOptions.SO_RCVBUF, WANTED_RCVBUF);
        channel.bind(address);
        return channel;
    }

    public void start() {
        threads.forEach(Thread::start);
    }

    /** The receive buffer the kernel granted one socket, in bytes (as Java reports it: half of what Linux shows). */
    public int receiveBufferBytes() { return receiveBuffer; }

    /** How many sockets share the port. */
    public int sockets() { return channels.size(); }

    public int port() {
        try {
            return ((InetSocketAddress) channels.get(0).getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void loop(DatagramChannel channel) {
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
        closeChannels();
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeChannels() {
        for (DatagramChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
