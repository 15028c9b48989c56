package dev.tracedesk.sandbox.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The X-Ray daemon's UDP side: one thread reads datagrams and hands each to {@link #handle}. Nothing a sender does
 * can stop it: every malformed datagram is counted by reason and skipped.
 */
public final class UdpReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpReceiver.class);

    private final DatagramChannel channel;
    private final DaemonStats stats;
    private final DocumentSink sink;
    private final Thread thread;
    private final Thread[] decoders;
    /** Datagrams read but not yet decoded: the socket thread only copies, so bursts do not overflow the kernel buffer. */
    private final BlockingQueue<byte[]> pending = new ArrayBlockingQueue<>(65_536);
    private volatile boolean running = true;

    public UdpReceiver(InetSocketAddress bind, DaemonStats stats, DocumentSink sink) throws IOException {
        this.stats = stats;
        this.sink = sink;
        this.channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 8 * 1024 * 1024);
            channel.bind(bind);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.thread = new Thread(this::loop, "sandbox-udp");
        thread.setDaemon(true);
        this.decoders = new Thread[DECODERS];
        for (int i = 0; i < DECODERS; i++) {
            decoders[i] = new Thread(this::decodeLoop, "sandbox-udp-decode-" + i);
            decoders[i].setDaemon(true);
        }
    }

    private static final int DECODERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public void start() {
        for (Thread d : decoders) d.start();
        thread.start();
    }

    /** Datagrams received but not yet validated. */
    public int backlog() { return pending.size(); }

    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void loop() {
        // One byte more than the largest valid datagram, so a full buffer means "truncated".
        ByteBuffer buf = ByteBuffer.allocate(DatagramDecoder.MAX_DATAGRAM + 1);
        while (running) {
            try {
                buf.clear();
                channel.receive(buf);
                stats.received();
                pending.put(Arrays.copyOf(buf.array(), buf.position()));
            } catch (ClosedChannelException closed) {
                return;
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (running) LOG.warn("UDP receive failed, continuing: {}", e.toString());
            }
        }
    }

    private void decodeLoop() {
        while (running || !pending.isEmpty()) {
            try {
                byte[] d = pending.poll(100, TimeUnit.MILLISECONDS);
                if (d != null) process(d, 0, d.length);
            } catch (InterruptedException e) {
                if (!running && pending.isEmpty()) return;
            } catch (RuntimeException e) {
                LOG.warn("datagram handling failed, continuing: {}", e.toString());
            }
        }
    }

    /** Decodes one datagram and passes its document on; public so tests and fuzzers can drive it directly. */
    public void handle(byte[] data, int offset, int length) {
        stats.received();
        process(data, offset, length);
    }

    private void process(byte[] data, int offset, int length) {
        DatagramDecoder.Result r = DatagramDecoder.decode(data, offset, length);
        if (r.rejection() != null) {
            stats.rejected(r.rejection());
            return;
        }
        String rejection;
        try {
            rejection = sink.offer(r.document());
        } catch (RuntimeException e) {
            LOG.warn("segment sink failed: {}", e.toString());
            rejection = "internal-error";
        }
        if (rejection != null) stats.rejected(rejection);
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
            for (Thread d : decoders) d.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
