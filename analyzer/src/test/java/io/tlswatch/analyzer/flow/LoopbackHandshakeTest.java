package io.tlswatch.analyzer.flow;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tlswatch.analyzer.flow.RecordedConnections.Burst;
import io.tlswatch.capture.synth.Side;
import io.tlswatch.capture.synth.TcpConversation;
import io.tlswatch.capture.synth.TcpEndpoint;
import io.tlswatch.testkit.LoopbackTls;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Handshakes of another TLS stack (OpenSSL's s_client and s_server, recorded on loopback by
 * {@link LoopbackTls}), cut again into segments of several sizes, reordered and with a
 * retransmission: the documents still carry what the recording was made with. Skipped where
 * recording is not possible (no openssl, tcpdump or capture rights).
 */
class LoopbackHandshakeTest {
    private static final String TLS12_NAME = "shop.example.test";
    private static final String TLS13_NAME = "mail.example.test";

    @TempDir
    static Path dir;
    private static LoopbackTls.Recording recording;
    private static List<List<Burst>> connections;

    /** Records once for the class; each test is skipped, with the reason, where that cannot be done. */
    @BeforeEach
    void record() {
        if (recording == null) {
            LoopbackTls.Recording made = LoopbackTls.record(dir,
                    "tls1_2/" + TLS12_NAME + "/http/1.1", "tls1_3/" + TLS13_NAME + "/h2");
            connections = RecordedConnections.read(made.pcap());
            recording = made;
        }
        assertEquals(2, connections.size(), "one connection per handshake");
    }

    @ParameterizedTest(name = "segments of {0} bytes")
    @ValueSource(ints = {1, 7, 100, 1460})
    void tls12FromOpenSsl(int segmentSize) throws NoSuchAlgorithmException {
        JsonDocument s = replayDamaged(connections.get(0), segmentSize).session();

        String certificateSha256 = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(recording.certificateDer(TLS12_NAME)));
        assertAll(
                () -> assertEquals(TLS12_NAME, s.string("tls.client.server_name")),
                () -> assertEquals("1.2", s.string("tls.version")),
                () -> assertEquals("http/1.1", s.string("tls.next_protocol")),
                () -> assertEquals(certificateSha256, s.string("tls.server.hash.sha256")),
                () -> assertEquals(1, s.list("tls.server.certificate_chain_sha256").size(), "self-signed, alone"),
                () -> assertEquals(true, s.get("tls.established")));
    }

    @ParameterizedTest(name = "segments of {0} bytes")
    @ValueSource(ints = {1, 7, 100, 1460})
    void tls13FromOpenSsl(int segmentSize) {
        JsonDocument s = replayDamaged(connections.get(1), segmentSize).session();

        assertAll(
                () -> assertEquals(TLS13_NAME, s.string("tls.client.server_name")),
                () -> assertEquals("1.3", s.string("tls.version")),
                () -> assertEquals(List.of("h2"), s.list("tlswatch.client.alpn"), "offered; the choice is encrypted"),
                () -> assertFalse(s.has("tls.server.hash"), "TLS 1.3 encrypts the certificate"),
                () -> assertEquals(true, s.get("tls.established")));
    }

    /**
     * The connection in segments of {@code segmentSize}, with the server's second data segment
     * before its first and the client's first data segment sent twice.
     */
    private static AnalyzerRun replayDamaged(List<Burst> bursts, int segmentSize) {
        TcpConversation c = TcpConversation.between(TcpEndpoint.of("192.0.2.10", 51000),
                TcpEndpoint.of("198.51.100.20", 443)).segmentSize(segmentSize).handshake();
        RecordedConnections.playInto(bursts, c).close();
        int serverFirst = c.indexOf(Side.SERVER, 0);
        int serverSecond = c.indexOf(Side.SERVER, c.segment(serverFirst).length());
        c.swap(serverFirst, serverSecond);
        c.retransmit(c.indexOf(Side.CLIENT, 0));
        return AnalyzerRun.of(c);
    }
}
