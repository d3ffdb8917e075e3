package io.tlswatch.analyzer.quic;

import io.tlswatch.analyzer.tls.TlsRecordLayout;
import io.tlswatch.analyzer.tls.Vectors;
import io.tlswatch.testkit.Hex;
import java.util.Arrays;

/**
 * Handshake messages (4-byte header included) to carry in built Initial packets. Public for the
 * tests of the packages that make sessions of QUIC flows.
 */
public final class TestHellos {
    private TestHellos() {
    }

    /**
     * Chrome 125's ClientHello with an X25519Kyber768 key share, 1751 bytes: more than one Initial
     * holds. The first record of the TLS test stream {@code chrome125-client.hex} (from
     * zeek/tls__chrome-1250-tls-x25519-kyber.pcap, BSD-3-Clause), without its record header.
     */
    public static byte[] chrome125() {
        String text = QuicTestResources.text("/io/tlswatch/analyzer/tls/streams/chrome125-client.hex");
        byte[] record = Hex.bytes(text.substring(0, text.indexOf("// record 2")));
        return Arrays.copyOfRange(record, 5, record.length);
    }

    /**
     * A real TLS 1.3 exchange with a HelloRetryRequest, from the TLS test streams
     * {@code hrr-client.hex} and {@code hrr-server.hex} (zeek/tls__hrr.pcap, BSD-3-Clause): the
     * client's first ClientHello (231 bytes), the server's HelloRetryRequest (88), the client's
     * second ClientHello (239) and the ServerHello selecting TLS 1.3 with TLS_AES_256_GCM_SHA384
     * (155); each one record's body there, one message here.
     */
    public static byte[] hrrFirstClientHello() {
        return recordBody("hrr-client", 0);
    }

    public static byte[] hrrSecondClientHello() {
        return recordBody("hrr-client", 2);
    }

    public static byte[] helloRetryRequest() {
        return recordBody("hrr-server", 0);
    }

    public static byte[] hrrServerHello() {
        return recordBody("hrr-server", 2);
    }

    private static byte[] recordBody(String stream, int index) {
        byte[] b = Vectors.stream(stream);
        int pos = 0;
        for (int i = 0; i < index; i++) {
            pos += TlsRecordLayout.HEADER_LENGTH + TlsRecordLayout.length(b, pos);
        }
        int from = pos + TlsRecordLayout.HEADER_LENGTH;
        return Arrays.copyOfRange(b, from, from + TlsRecordLayout.length(b, pos));
    }
}
