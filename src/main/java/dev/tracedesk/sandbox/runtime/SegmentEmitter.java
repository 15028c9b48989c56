package dev.tracedesk.sandbox.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends segment documents to the X-Ray daemon port over UDP, exactly as Lambda's and the SDKs' emitters do. */
public final class SegmentEmitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentEmitter.class);
    private static final byte[] HEADER = "{\"format\":\"json\",\"version\":1}\n".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DatagramSocket socket;
    private final InetSocketAddress daemon;

    public SegmentEmitter(InetSocketAddress daemon) throws SocketException {
        this.socket = new DatagramSocket();
        this.daemon = daemon;
    }

    public void send(ObjectNode document) {
        try {
            byte[] doc = JSON.writeValueAsBytes(document);
            byte[] datagram = new byte[HEADER.length + doc.length];
            System.arraycopy(HEADER, 0, datagram, 0, HEADER.length);
            System.arraycopy(doc, 0, datagram, HEADER.length, doc.length);
            socket.send(new DatagramPacket(datagram, datagram.length, daemon));
        } catch (IOException e) {
            // Like the SDK emitters: segments are best effort, the invocation goes on.
            LOG.warn("cannot send segment {} to {}: {}", document.path("id").asText(), daemon, e.toString());
        }
    }

    @Override
    public void close() { socket.close(); }
}
