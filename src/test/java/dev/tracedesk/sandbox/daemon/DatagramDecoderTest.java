package dev.tracedesk.sandbox.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DatagramDecoderTest {
    private static DatagramDecoder.Result decode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return DatagramDecoder.decode(b, 0, b.length);
    }

    @Test
    void acceptsBothSdkHeaderSpellingsAndAnyEquivalentJson() {
        assertThat(decode("{\"format\": \"json\", \"version\": 1}\n{\"a\":1}").document()).isEqualTo("{\"a\":1}");
        assertThat(decode("{\"format\":\"json\",\"version\":1}\n{\"a\":1}").document()).isEqualTo("{\"a\":1}");
        assertThat(decode("{ \"version\" : 1.0, \"format\" : \"JSON\", \"x\": [1] }\n{}").document()).isEqualTo("{}");
    }

    @Test
    void splitsAtTheFirstNewlineOnly() {
        assertThat(decode("{\"format\":\"json\",\"version\":1}\n{\"a\":\"x\ny\"}").document()).isEqualTo("{\"a\":\"x\ny\"}");
    }

    @Test
    void rejectsByReason() {
        assertThat(decode("{\"format\":\"json\",\"version\":1}").rejection()).isEqualTo("missing-header");
        assertThat(decode("{\"format\":\"json\",\"version\":2}\n{}").rejection()).isEqualTo("bad-header");
        assertThat(decode("{\"format\":\"xml\",\"version\":1}\n{}").rejection()).isEqualTo("bad-header");
        assertThat(decode("{\"format\":\"json\",\"version\":1} x\n{}").rejection()).isEqualTo("bad-header");
        assertThat(decode("{\"format\":\"json\",\"version\":1}\n  \n").rejection()).isEqualTo("empty-body");
        byte[] big = new byte[DatagramDecoder.MAX_DATAGRAM];
        assertThat(DatagramDecoder.decode(big, 0, big.length).rejection()).isEqualTo("oversized");
    }
}
