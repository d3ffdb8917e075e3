package io.tlswatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.fingerprint.Ja4;
import io.tlswatch.analyzer.fingerprint.Ja4Transport;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.verdict.Verdict;
import io.tlswatch.testkit.LoopbackQuic;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real QUIC connections (ngtcp2's client and server, HTTP/3 on 127.0.0.1) recorded by the test:
 * each becomes one QUIC session whose ClientHello was decrypted from the client's Initial packets
 * and whose ServerHello from the server's.
 */
class QuicLoopbackTest {
    private static final int QUIC_V1 = 1;
    private static final int TLS_1_3 = 0x0304;
    private static final int TLS_AES_128_GCM_SHA256 = 0x1301;

    @TempDir
    Path dir;

    @Test
    void everyQuicConnectionIsOneSessionWithTheHellosOfItsInitialPackets() {
        Path capture = LoopbackQuic.record(dir, "h3.example.test", "video.example.test");
        ReplayedSessions replayed = ReplayedSessions.of(capture);
        List<TlsSession> sessions = replayed.sessions();
        assertEquals(2, sessions.size());
        for (int i = 0; i < sessions.size(); i++) {
            TlsSession s = sessions.get(i);
            assertAll("connection " + i,
                    () -> assertTrue(s.quic()),
                    () -> assertEquals(QUIC_V1, s.quicVersion()),
                    () -> assertEquals(17, s.endpoints().protocol(), "UDP"),
                    () -> assertEquals("localhost", s.clientHello().offered().serverName(),
                            "ngtcp2 0.12's client sends localhost, as tshark also reads it"),
                    () -> assertEquals(List.of("h3"), s.clientHello().offered().alpnProtocols()),
                    () -> assertTrue(Ja4.of(s.clientHello(), Ja4Transport.QUIC).ja4().startsWith("q13d"),
                            "JA4 of a QUIC TLS 1.3 hello with SNI"),
                    () -> assertTrue(s.serverChain().isEmpty(), "QUIC encrypts the certificate"),
                    () -> assertEquals(TlsSession.End.QUIC_SERVER_HELLO, s.end(), "the server's Initial was read"),
                    () -> assertEquals(1, s.clientHellos()),
                    () -> assertEquals(1, s.serverHellos()),
                    () -> assertEquals(TLS_1_3, s.version(), "TLS 1.3, from the ServerHello's supported_versions"),
                    () -> assertEquals(TLS_AES_128_GCM_SHA256, s.serverHello().cipherSuite(),
                            "the first suite of ngtcp2's example client and server lists"),
                    () -> assertTrue(IntStream.of(s.clientHello().cipherSuites())
                            .anyMatch(suite -> suite == s.serverHello().cipherSuite()), "a suite the client offered"));
        }
        assertTrue(replayed.verdicts().stream().allMatch(v -> v.verdict() == Verdict.NOT_OBSERVABLE));
    }
}
