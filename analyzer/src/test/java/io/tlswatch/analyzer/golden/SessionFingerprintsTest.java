package io.tlswatch.analyzer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.quic.QuicClientHello;
import io.tlswatch.analyzer.quic.QuicHandshake;
import io.tlswatch.analyzer.session.FlowEndpoints;
import io.tlswatch.analyzer.session.SessionAssembler;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.tls.ServerHello;
import io.tlswatch.analyzer.tls.TlsAnomalyCounters;
import io.tlswatch.analyzer.tls.TlsParse;
import io.tlswatch.analyzer.x509.CertificateCache;
import io.tlswatch.testkit.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the golden test takes as a session's fingerprints, on the fingerprint package's hello
 * vectors (cut from corpus captures; expected values as the references publish them): the first
 * ClientHello's JA3 and JA4 with the session's transport, the JA3S of the ServerHello that is not
 * a HelloRetryRequest.
 */
class SessionFingerprintsTest {
    private static final FlowEndpoints ENDPOINTS = new FlowEndpoints(0, 0xffff_ac10_e130L, 52936,
            0, 0xffff_22d4_5d41L, 443, 6, 0, 0);

    @Test
    void aTcpSessionAfterAHelloRetryRequestCarriesTheServerHellosJa3s() {
        TlsSession session = tcpSession(client("foxio-latest-s1-client"),
                server("hrr-server"), server("chrome-split-server"));
        SessionFingerprints f = SessionFingerprints.of(session);

        // ja4/latest.pcapng stream 1: tshark's JA3, FoxIO python's JA4 renderings
        assertEquals("8883b2acda8ceb1a4f416c16d9b6c42f", f.values().get(Fingerprint.JA3));
        assertEquals("t13d1516h2_8daaf6152771_e5627efa2ab1", f.values().get(Fingerprint.JA4));
        assertEquals("t13d1516h2_acb858a92679_9aeef56da6aa", f.values().get(Fingerprint.JA4_O));
        // arkime/tls-split-client-hello.pcap frame 8, not the HelloRetryRequest's 15af977c...
        assertEquals("eb1d94daa7e0344597e756a1fb6e7054", f.values().get(Fingerprint.JA3S));
        assertEquals("771,4865,51-43", f.values().get(Fingerprint.JA3S_STRING));
    }

    @Test
    void aQuicSessionsJa4StartsWithQAndWithoutAServerHelloItHasNoJa3s() {
        TlsSession session = quicSession(client("quic-client"), null);
        SessionFingerprints f = SessionFingerprints.of(session);

        // arkime/quicietf.pcap
        assertEquals("ddfef2ad23ab6dd55307813c2d0b7d58", f.values().get(Fingerprint.JA3));
        assertEquals("q13d0311h3_55b375c5d22e_3512bcbbc9ec", f.values().get(Fingerprint.JA4));
        assertFalse(f.values().containsKey(Fingerprint.JA3S));
    }

    @Test
    void aQuicSessionWithItsServerHelloCarriesItsJa3s() {
        TlsSession session = quicSession(client("quic-client"), server("chrome-split-server"));
        SessionFingerprints f = SessionFingerprints.of(session);

        assertEquals("q13d0311h3_55b375c5d22e_3512bcbbc9ec", f.values().get(Fingerprint.JA4));
        // arkime/tls-split-client-hello.pcap frame 8: a TLS 1.3 ServerHello as QUIC servers send them
        assertEquals("eb1d94daa7e0344597e756a1fb6e7054", f.values().get(Fingerprint.JA3S));
    }

    private static TlsSession quicSession(ClientHello client, ServerHello server) {
        QuicClientHello hello = new QuicClientHello(client, 1, new byte[8], new byte[8], new byte[0], false, 1, 0, 0);
        QuicHandshake handshake = new QuicHandshake(hello, server, 1, server == null ? 0 : 1, false, 0, List.of());
        return TlsSession.quic(ENDPOINTS, handshake, server == null ? TlsSession.End.END_OF_INPUT
                : TlsSession.End.QUIC_SERVER_HELLO, 0);
    }

    @Test
    void aSessionWhoseHelloDidNotParseHasNoFingerprints() {
        TlsSession session = tcpSession(null);

        assertEquals(0, SessionFingerprints.of(session).values().size());
    }

    /** A session assembled from these hellos, as the TLS decoder reports them (null: a hello that did not parse). */
    private static TlsSession tcpSession(ClientHello client, ServerHello... servers) {
        List<TlsSession> done = new ArrayList<>();
        SessionAssembler assembler = new SessionAssembler(new CertificateCache(8), new TlsAnomalyCounters(),
                done::add, () -> ENDPOINTS);
        assembler.onHandshakeMessage(HandshakeLayout.CLIENT_HELLO, 512, true);
        if (client != null) {
            assembler.onClientHello(client);
        }
        for (ServerHello server : servers) {
            assembler.onHandshakeMessage(HandshakeLayout.SERVER_HELLO, 128, false);
            assembler.onServerHello(server);
        }
        assembler.endOfFlow(TlsSession.End.CLOSED);
        assertEquals(1, done.size());
        return done.get(0);
    }

    private static ClientHello client(String name) {
        byte[] message = vector(name);
        return parsed(ClientHello.parse(message, HandshakeLayout.HEADER_LENGTH, message.length - HandshakeLayout.HEADER_LENGTH));
    }

    private static ServerHello server(String name) {
        byte[] message = vector(name);
        return parsed(ServerHello.parse(message, HandshakeLayout.HEADER_LENGTH, message.length - HandshakeLayout.HEADER_LENGTH));
    }

    private static <T> T parsed(TlsParse<T> parse) {
        assertTrue(parse.isParsed(), parse::toString);
        return parse.value();
    }

    /** A handshake message from the fingerprint package's hello vectors. */
    private static byte[] vector(String name) {
        String path = "/io/tlswatch/analyzer/fingerprint/hellos/" + name + ".hex";
        try (InputStream in = SessionFingerprintsTest.class.getResourceAsStream(path)) {
            return Hex.bytes(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
