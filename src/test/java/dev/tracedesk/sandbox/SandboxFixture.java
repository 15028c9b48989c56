package dev.tracedesk.sandbox;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;

/** A sandbox on a free loopback port with a real SDK v2 client pointed at it. */
public final class SandboxFixture implements AutoCloseable {
    public final Sandbox sandbox;
    public final XRayClient xray;
    private final DatagramSocket udp;

    public SandboxFixture(Path dir) throws IOException {
        this(Sandbox.Config.defaults().port(0).dataDir(dir));
    }

    public SandboxFixture(Sandbox.Config config) throws IOException {
        sandbox = Sandbox.start(config);
        xray = client(sandbox.port());
        udp = new DatagramSocket();
    }

    public static XRayClient client(int port) {
        return XRayClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }

    public URI endpoint() { return URI.create("http://127.0.0.1:" + sandbox.port()); }

    /** Sends one daemon datagram with the Python SDK's header. */
    public void sendUdp(String document) throws IOException {
        sendRaw(datagram(document));
    }

    /** A daemon datagram: the header the SDKs send, a newline, the document. */
    public static byte[] datagram(String document) {
        return ("{\"format\":\"json\",\"version\":1}\n" + document).getBytes(StandardCharsets.UTF_8);
    }

    public void sendRaw(byte[] datagram) throws IOException {
        udp.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), sandbox.port()));
    }

    /** Waits until {@code n} documents have been received and everything is committed. */
    public void awaitReceived(long n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (sandbox.stats().received() < n && System.currentTimeMillis() < deadline) Thread.sleep(5);
        sandbox.flush(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        udp.close();
        xray.close();
        sandbox.close();
    }
}
