package io.tlswatch.analyzer.quic;

import io.tlswatch.testkit.Hex;
import java.util.Arrays;

/** ClientHello handshake messages (4-byte header included) to carry in built Initial packets. */
final class TestHellos {
    private TestHellos() {
    }

    /**
     * Chrome 125's ClientHello with an X25519Kyber768 key share, 1751 bytes: more than one Initial
     * holds. The first record of the TLS test stream {@code chrome125-client.hex} (from
     * zeek/tls__chrome-1250-tls-x25519-kyber.pcap, BSD-3-Clause), without its record header.
     */
    static byte[] chrome125() {
        String text = QuicTestResources.text("/io/tlswatch/analyzer/tls/streams/chrome125-client.hex");
        byte[] record = Hex.bytes(text.substring(0, text.indexOf("// record 2")));
        return Arrays.copyOfRange(record, 5, record.length);
    }
}
