package io.tlswatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.testkit.LoopbackTls;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real handshakes between openssl's client and server on 127.0.0.1, captured with tcpdump by the
 * test itself, replayed: every server name, version and certificate fingerprint must come out
 * exactly as the endpoints used them.
 */
class LoopbackHandshakesTest {
    @TempDir
    static Path dir;
    static LoopbackTls.Recording recording;
    static List<TlsSession> sessions;
    static List<Document> certificates;

    @BeforeAll
    static void recordAndReplay() {
        recording = LoopbackTls.record(dir, "tls1_2/shop.example.test/http/1.1", "tls1_3/mail.example.test",
                "tls1_3hrr/retry.example.test", "tls1/old.example.test");
        ReplayedSessions replayed = ReplayedSessions.of(recording.pcap());
        sessions = replayed.sessions();
        certificates = replayed.certificates();
    }

    private static String hex(String algorithm, byte[] der) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(der));
    }

    @Test
    void everyHandshakeIsOneEstablishedSessionWithItsServerName() {
        assertEquals(List.of("shop.example.test", "mail.example.test", "retry.example.test", "old.example.test"),
                sessions.stream().map(s -> s.clientHello().offered().serverName()).toList());
        assertTrue(sessions.stream().allMatch(TlsSession::established));
        assertTrue(sessions.stream().allMatch(s -> s.end() == TlsSession.End.ESTABLISHED));
    }

    @Test
    void tls12ChainCarriesTheServersCertificateFingerprints() throws Exception {
        TlsSession shop = sessions.get(0);
        byte[] der = recording.certificateDer("shop.example.test");
        assertEquals(0x0303, shop.version());
        assertEquals(1, shop.serverChain().size());
        assertEquals(hex("SHA-1", der), shop.serverChain().get(0).sha1());
        assertEquals(hex("SHA-256", der), shop.serverChain().get(0).sha256());
        assertEquals("http/1.1", shop.serverHello().alpn());
    }

    @Test
    void tls10ChainIsSeenToo() throws Exception {
        TlsSession old = sessions.get(3);
        assertEquals(0x0301, old.version());
        assertEquals(hex("SHA-256", recording.certificateDer("old.example.test")), old.serverChain().get(0).sha256());
    }

    @Test
    void tls13HidesTheChainButNotTheHello() {
        TlsSession mail = sessions.get(1);
        assertEquals(0x0304, mail.version());
        assertTrue(mail.serverChain().isEmpty());
        assertNull(mail.serverHello().alpn(), "TLS 1.3 sends the chosen ALPN encrypted");
    }

    @Test
    void helloRetryRequestIsOneSessionWithTwoHellosEachWay() {
        TlsSession retry = sessions.get(2);
        assertTrue(retry.helloRetryRequest());
        assertEquals(2, retry.clientHellos());
        assertEquals(2, retry.serverHellos());
        assertEquals(0x0304, retry.version());
        assertFalse(retry.serverHello().isHelloRetryRequest(), "the session keeps the real ServerHello");
    }

    @Test
    void eachDistinctCertificateIsOneDocument() {
        assertEquals(2, certificates.size());
    }
}
