package dev.tracedesk.shop.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * Sends documents to the X-Ray daemon over UDP as the X-Ray SDKs do (spec §5.2): one datagram per document, the
 * header {@code {"format": "json", "version": 1}} and a newline in front, fire and forget. The address comes from
 * {@code AWS_XRAY_DAEMON_ADDRESS} ({@code host:port}, or {@code tcp:host:port udp:host:port}), default
 * 127.0.0.1:2000.
 */
public final class UdpSegmentSender implements SegmentSender, AutoCloseable {
    static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";
    /** The Java SDK's own limit (63 KiB); the daemon reads at most 64 KiB per datagram. */
    static final int LIMIT = 63 * 1024;

    private final InetSocketAddress daemon;
    private final DatagramSocket socket;

    public UdpSegmentSender(InetSocketAddress daemon) {
        this.daemon = daemon;
        try {
            this.socket = new DatagramSocket();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static UdpSegmentSender fromAddress(String daemonAddress) {
        return new UdpSegmentSender(udpAddress(daemonAddress));
    }

    /** The UDP address of an {@code AWS_XRAY_DAEMON_ADDRESS} value. */
    static InetSocketAddress udpAddress(String value) {
        if (value == null || value.isBlank()) {
            return new InetSocketAddress("127.0.0.1", 2000);
        }
        String udp = value.trim();
        String[] parts = udp.split("\\s+");
        if (parts.length > 1) {
            udp = null;
            for (String p : parts) {
                if (p.startsWith("udp:")) {
                    udp = p.substring(4);
                }
            }
            if (udp == null) {
                throw new IllegalArgumentException("AWS_XRAY_DAEMON_ADDRESS has no udp: part: " + value);
            }
        }
        int colon = udp.lastIndexOf(':');
        if (colon <= 0 || udp.indexOf(':') != colon) {
            throw new IllegalArgumentException("AWS_XRAY_DAEMON_ADDRESS is not host:port: " + value);
        }
        return InetSocketAddress.createUnresolved(udp.substring(0, colon), Integer.parseInt(udp.substring(colon + 1)));
    }

    public InetSocketAddress daemon() {
        return daemon;
    }

    @Override
    public void send(String document) {
        byte[] bytes = (HEADER + document).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > LIMIT) {
            System.err.println("X-Ray: document of " + bytes.length + " bytes exceeds the UDP limit, not sent");
            return;
        }
        InetSocketAddress target = daemon.isUnresolved()
                ? new InetSocketAddress(daemon.getHostString(), daemon.getPort()) : daemon;
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, target));
        } catch (IOException e) {
            // As the SDKs do: tracing must never fail the function.
            System.err.println("X-Ray: cannot send to the daemon at " + target + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
