package dev.tracedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UDP intake: sockets sharing the port, and a busy intake that the store digests in the background. */
class IntakeTest {
    @TempDir
    Path dir;

    private static byte[] datagram(String traceId) {
        double t = Segments.now() - 5;
        return SandboxFixture.datagram(Segments.segment(traceId, Segments.id(), "intake", t, t + 0.1, 200));
    }

    @Test
    void datagramsFromManySenderSocketsAllArriveOverTheSharedPort() throws Exception {
        try (SandboxFixture f = new SandboxFixture(dir)) {
            Sandbox sb = f.sandbox;
            if (System.getProperty("os.name").toLowerCase().contains("linux")) assertThat(sb.udpSockets()).isEqualTo(2);
            List<DatagramSocket> senders = new ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) senders.add(new DatagramSocket());
                for (int round = 0; round < 20; round++) {
                    for (DatagramSocket s : senders) {
                        byte[] d = datagram(Segments.traceId());
                        s.send(new DatagramPacket(d, d.length, InetAddress.getLoopbackAddress(), sb.port()));
                    }
                }
            } finally {
                senders.forEach(DatagramSocket::close);
            }
            f.awaitReceived(320);
            assertThat(sb.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(sb.stats().received()).isEqualTo(320);
            assertThat(sb.stats().stored()).isEqualTo(320);
            assertThat(sb.traceCount()).isEqualTo(320);
        }
    }

    @Test
    void aUdpListenerAlreadyOnThePortIsAPortInUseError() throws Exception {
        try (DatagramSocket daemon = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = daemon.getLocalPort();
            assertThatThrownBy(() -> Sandbox.start(Sandbox.Config.defaults().port(port).dataDir(dir)))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + port + " is already in use on 127.0.0.1");
        }
    }

    @Test
    void aBusyIntakeIsDigestedInTheBackgroundWithoutStoppingAndAllOfItIsStored() throws Exception {
        int rounds = 24;
        int perRound = 1_500; // every 50 ms: 30,000 segments/s, three times the busy threshold
        List<byte[]> all = new ArrayList<>(rounds * perRound);
        for (int i = 0; i < rounds * perRound; i++) all.add(datagram(Segments.traceId()));
        try (Sandbox sb = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir))) {
            assertThat(sb.ingestBusy()).isFalse();
            long storedWhenBusyFirst = -1;
            long storedWhenBusyLast = -1;
            int next = 0;
            for (int round = 0; round < rounds; round++) {
                long roundStart = System.nanoTime();
                for (int i = 0; i < perRound; i++, next++) sb.receiveDatagram(all.get(next), 0, all.get(next).length);
                if (sb.ingestBusy()) {
                    storedWhenBusyLast = sb.stats().stored();
                    if (storedWhenBusyFirst < 0) storedWhenBusyFirst = storedWhenBusyLast;
                }
                long left = 50_000_000 - (System.nanoTime() - roundStart);
                if (left > 0) Thread.sleep(left / 1_000_000);
            }
            assertThat(storedWhenBusyFirst).as("30k segments/s makes the intake busy").isNotNegative();
            assertThat(storedWhenBusyLast).as("the digest goes on, more slowly, while busy").isGreaterThan(storedWhenBusyFirst);

            long deadline = System.currentTimeMillis() + 5_000;
            while (sb.ingestBusy() && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertThat(sb.ingestBusy()).as("quiet again soon after the intake stops").isFalse();
            assertThat(sb.flush(Duration.ofSeconds(60))).isTrue();
            assertThat(sb.stats().received()).isEqualTo(rounds * perRound);
            assertThat(sb.stats().stored()).isEqualTo(rounds * perRound);
            assertThat(sb.traceCount()).isEqualTo(rounds * perRound);
        }
    }
}
