package io.tlswatch.analyzer.quic;

import static io.tlswatch.analyzer.quic.Datagrams.frame;
import static io.tlswatch.analyzer.quic.QuicPacketWriter.concat;
import static io.tlswatch.analyzer.quic.QuicPacketWriter.crypto;
import static io.tlswatch.analyzer.quic.QuicPacketWriter.padding;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.fingerprint.Ja3s;
import io.tlswatch.analyzer.tls.ServerHello;
import io.tlswatch.analyzer.tls.TlsAnomaly;
import io.tlswatch.analyzer.tls.TlsRecordLayout;
import io.tlswatch.testkit.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's side of a connection's Initial exchange through {@link QuicInitialTracker}: its
 * Initials opened with the "server in" keys of the client's DCID (RFC 9001 §5.2), in their own
 * packet number space, their CRYPTO stream read as far as the ServerHello, and the handshake
 * handed over once: with the ServerHello, or without it when the server's side cannot give it or
 * the flow ends first. Real server Initials: RFC 9001 and RFC 9369 Appendix A.3, and datagrams cut
 * from BSD and MIT captures (see the resources' README; expected JA3S from the corpus's tshark
 * oracle), one of them after a Retry; built variants of them.
 */
class ServerInitialTrackerTest {
    private static final byte[] CLIENT_DCID = Hex.bytes("0011223344556677");
    private static final byte[] CLIENT_SCID = Hex.bytes("c1c2c3c4");
    private static final byte[] SERVER_SCID = Hex.bytes("5e5e5e5e5e");
    private static final byte[] NO_TOKEN = new byte[0];
    private static final int TLS_AES_128_GCM_SHA256 = 0x1301;
    private static final int X25519 = 0x001d;

    private final QuicCounters counters = new QuicCounters();
    private final QuicInitialTracker tracker = new QuicInitialTracker(new QuicInitialDecoder(), counters);
    private final QuicPacketWriter writer = new QuicPacketWriter();

    @Test
    void rfc9001ServerInitialGivesTheServerHello() {
        byte[] client = RfcVectors.v1Packet();
        byte[] server = RfcVectors.v1ServerPacket();

        assertNull(tracker.feedFromClient(client, 0, client.length, 1_000));
        assertEquals(QuicInitialTracker.State.READING_SERVER_HELLO, tracker.state());
        QuicHandshake handshake = tracker.feedFromServer(server, 0, server.length, 2_000);

        assertNotNull(handshake, counters.toString());
        ServerHello hello = handshake.serverHello();
        assertEquals(TlsRecordLayout.TLS_1_3, hello.selectedVersion());
        assertEquals(TLS_AES_128_GCM_SHA256, hello.cipherSuite());
        assertEquals(X25519, hello.keyShareGroup());
        assertEquals("example.com", handshake.client().hello().offered().serverName());
        assertEquals(1, handshake.clientHellos());
        assertEquals(1, handshake.serverHellos());
        assertEquals(false, handshake.helloRetryRequest());
        assertEquals(2_000, handshake.lastNanos());
        assertEquals(List.of(), handshake.anomalies());
        assertEquals(QuicInitialTracker.State.DONE, tracker.state());
        assertNull(tracker.gaveUpFor());
        assertEquals(1, counters.get(QuicOutcome.SERVER_INITIAL));
        assertEquals(1, counters.get(QuicOutcome.SERVER_HELLO));
    }

    @Test
    void rfc9369Version2ServerInitialGivesTheServerHello() {
        byte[] client = RfcVectors.v2Packet();
        byte[] server = RfcVectors.v2ServerPacket();
        tracker.feedFromClient(client, 0, client.length, 1);

        QuicHandshake handshake = tracker.feedFromServer(server, 0, server.length, 2);

        assertNotNull(handshake, counters.toString());
        assertEquals(QuicLayout.VERSION_2, handshake.client().version());
        assertEquals(TLS_AES_128_GCM_SHA256, handshake.serverHello().cipherSuite());
    }

    @Test
    void afterARetryTheServersInitialsOpenWithTheKeysOfTheRetrysConnectionId() {
        QuicHandshake handshake = Datagrams.feedAll(Datagrams.load("suricata-quic-retry.datagrams"), tracker);

        assertNotNull(handshake, counters.toString());
        assertTrue(handshake.client().retried());
        assertArrayEquals(Hex.bytes("434016c5110840091980a574c77f57b34fa08672"), handshake.client().keysDcid());
        assertEquals("www.gravatar.com", handshake.client().hello().offered().serverName());
        assertEquals("f4febc55ea12b31ae17cfb7e614afda8", Ja3s.of(handshake.serverHello()).md5(), "tshark's JA3S");
        assertEquals(TLS_AES_128_GCM_SHA256, handshake.serverHello().cipherSuite());
        assertEquals(8, handshake.lastNanos(), "read from frame 8");
        assertEquals(2, counters.get(QuicOutcome.SERVER_INITIAL), "frame 7's ACK-only Initial opened too");
        assertEquals(1, counters.get(QuicOutcome.SERVER_HANDSHAKE));
        assertEquals(0, counters.get(QuicOutcome.SERVER_DECRYPTION_FAILED));
    }

    @Test
    void aRetryWhoseClientStartsItsPacketNumbersAgainFromTcpdump() {
        List<Datagrams> d = Datagrams.load("tcpdump-quic-retry.datagrams");
        frame(d, 1).feed(tracker, 1);
        frame(d, 2).feed(tracker, 2);
        frame(d, 3).feed(tracker, 3);

        QuicHandshake handshake = frame(d, 4).feed(tracker, 4);

        assertNotNull(handshake, counters.toString());
        assertTrue(handshake.client().retried());
        assertEquals("localhost", handshake.client().hello().offered().serverName());
        assertEquals("eb1d94daa7e0344597e756a1fb6e7054", Ja3s.of(handshake.serverHello()).md5(), "tshark's JA3S");
        assertEquals(1, counters.get(QuicOutcome.RETRY));
    }

    @Test
    void versionNegotiationThenTheServerHelloFromTcpdump() {
        QuicHandshake handshake = Datagrams.feedAll(Datagrams.load("tcpdump-quic-vn.datagrams"), tracker);

        assertNotNull(handshake, counters.toString());
        assertEquals("eb1d94daa7e0344597e756a1fb6e7054", Ja3s.of(handshake.serverHello()).md5(), "tshark's JA3S");
        assertEquals(TlsRecordLayout.TLS_1_3, handshake.serverHello().selectedVersion());
    }

    @Test
    void aVersion2ServerInitialCoalescedWithItsHandshakePacketFromZeek() {
        List<Datagrams> d = Datagrams.load("zeek-quicv2-http3.datagrams");
        d.get(0).feed(tracker, 1);

        QuicHandshake handshake = d.get(1).feed(tracker, 2);

        assertNotNull(handshake, counters.toString());
        assertEquals("f4febc55ea12b31ae17cfb7e614afda8", Ja3s.of(handshake.serverHello()).md5(), "tshark's JA3S");
        assertEquals(1, counters.get(QuicOutcome.SERVER_HANDSHAKE));
    }

    @Test
    void aServerHelloThatComesBeforeTheClientHelloCompletesIsHeldForIt() {
        byte[] hello = TestHellos.chrome125();
        byte[] head = clientInitial(0, concat(crypto(0, hello, 0, 1100), padding(40)));
        byte[] tail = clientInitial(1, concat(crypto(1100, hello, 1100, hello.length), padding(500)));
        byte[] server = serverInitial(0, crypto(0, RfcVectors.serverHelloMessage(), 0, 90));

        tracker.feedFromClient(head, 0, head.length, 1);
        assertNull(tracker.feedFromServer(server, 0, server.length, 2), "no ClientHello yet");
        QuicHandshake handshake = tracker.feedFromClient(tail, 0, tail.length, 3);

        assertNotNull(handshake, counters.toString());
        assertEquals(TLS_AES_128_GCM_SHA256, handshake.serverHello().cipherSuite());
        assertEquals(3, handshake.client().completedNanos());
    }

    @Test
    void aServerHelloOverTwoInitialsSecondHalfFirst() {
        byte[] sh = RfcVectors.serverHelloMessage();
        openClientHello();
        byte[] second = serverInitial(1, crypto(40, sh, 40, sh.length));
        byte[] first = serverInitial(0, concat(Hex.bytes("02 00 00 00 00"), crypto(0, sh, 0, 40)));

        assertNull(tracker.feedFromServer(second, 0, second.length, 2));
        QuicHandshake handshake = tracker.feedFromServer(first, 0, first.length, 3);

        assertNotNull(handshake, counters.toString());
        assertEquals(X25519, handshake.serverHello().keyShareGroup());
    }

    @Test
    void eachSideNumbersItsInitialsInItsOwnSpace() {
        byte[] hello = RfcVectors.clientHelloMessage();
        byte[] client = writer.clientInitial(QuicLayout.VERSION_1, CLIENT_DCID, CLIENT_SCID, NO_TOKEN, 300, 2,
                concat(crypto(0, hello, 0, hello.length), padding(900)));
        byte[] server = writer.serverInitial(QuicLayout.VERSION_1, CLIENT_DCID, CLIENT_SCID, SERVER_SCID, 1, 1,
                crypto(0, RfcVectors.serverHelloMessage(), 0, 90));
        tracker.feedFromClient(client, 0, client.length, 1);

        QuicHandshake handshake = tracker.feedFromServer(server, 0, server.length, 2);

        assertNotNull(handshake, "the server's packet number 1 read near -1, not near the client's 300: " + counters);
    }

    @Test
    void aServerInitialUnderOtherKeysIsCountedAndTheFlowsEndHandsTheClientHelloOver() {
        openClientHello();
        byte[] server = writer.serverInitial(QuicLayout.VERSION_1, Hex.bytes("0bad0bad"), CLIENT_SCID, SERVER_SCID,
                0, 1, crypto(0, RfcVectors.serverHelloMessage(), 0, 90));

        assertNull(tracker.feedFromServer(server, 0, server.length, 2));
        assertEquals(1, counters.get(QuicOutcome.SERVER_DECRYPTION_FAILED));
        assertEquals(QuicInitialTracker.State.READING_SERVER_HELLO, tracker.state());
        QuicHandshake handshake = tracker.endOfFlow();

        assertNotNull(handshake);
        assertNull(handshake.serverHello());
        assertEquals(0, handshake.serverHellos());
        assertNull(tracker.gaveUpFor(), "the flow merely ended");
        assertEquals(QuicInitialTracker.State.DONE, tracker.state());
        assertNull(tracker.endOfFlow(), "handed over once");
    }

    @Test
    void aFlowEndingBeforeAnyClientHelloHandsNothingOver() {
        byte[] half = clientInitial(0, concat(crypto(0, TestHellos.chrome125(), 0, 1100), padding(40)));
        tracker.feedFromClient(half, 0, half.length, 1);

        assertNull(tracker.endOfFlow());
        assertNull(new QuicInitialTracker(new QuicInitialDecoder(), counters).endOfFlow());
    }

    @Test
    void aClientGoingOnToHandshakePacketsEndsTheWaitForTheServerHello() {
        openClientHello();
        byte[] handshakePacket = QuicPacketWriter.opaque(QuicLayout.VERSION_1, QuicPacketType.HANDSHAKE, SERVER_SCID,
                CLIENT_SCID, 80);

        QuicHandshake handshake = tracker.feedFromClient(handshakePacket, 0, handshakePacket.length, 5);

        assertNotNull(handshake, counters.toString());
        assertNull(handshake.serverHello());
        assertEquals(QuicOutcome.SERVER_HELLO_MISSED, tracker.gaveUpFor());
        assertEquals(1, counters.get(QuicOutcome.SERVER_HELLO_MISSED));
    }

    @Test
    void aClientShortHeaderPacketEndsTheWaitToo() {
        openClientHello();
        byte[] oneRtt = Hex.bytes("41 5e5e5e5e5e 0102030405060708090a0b0c0d0e0f101112131415");

        QuicHandshake handshake = tracker.feedFromClient(oneRtt, 0, oneRtt.length, 5);

        assertNotNull(handshake, counters.toString());
        assertEquals(QuicOutcome.SERVER_HELLO_MISSED, tracker.gaveUpFor());
    }

    @Test
    void aServerHelloThatDoesNotParseIsNamedAndTheHandshakeKeepsItsClientHello() {
        byte[] sh = RfcVectors.serverHelloMessage();
        byte[] broken = sh.clone();
        broken[sh.length - 3] = 0x7f;   // supported_versions claims 127 bytes: past the extensions block
        openClientHello();
        byte[] server = serverInitial(0, crypto(0, broken, 0, broken.length));

        QuicHandshake handshake = tracker.feedFromServer(server, 0, server.length, 2);

        assertNotNull(handshake, counters.toString());
        assertNull(handshake.serverHello());
        assertEquals(1, handshake.serverHellos(), "counted, as a TCP session counts a hello that does not parse");
        assertEquals(List.of(TlsAnomaly.MALFORMED_SERVER_HELLO), handshake.anomalies());
        assertEquals(QuicOutcome.SERVER_HELLO_MALFORMED, tracker.gaveUpFor());
        assertNotNull(tracker.gaveUpDetail());
        assertNotNull(handshake.client().hello(), "the ClientHello stays");
    }

    @Test
    void aServerStreamThatDoesNotStartWithAServerHelloIsNamed() {
        byte[] encryptedExtensions = {8, 0, 0, 2, 0, 0};
        openClientHello();
        byte[] server = serverInitial(0, concat(crypto(0, encryptedExtensions, 0, 6), padding(20)));

        QuicHandshake handshake = tracker.feedFromServer(server, 0, server.length, 2);

        assertNotNull(handshake, counters.toString());
        assertNull(handshake.serverHello());
        assertEquals(QuicOutcome.CRYPTO_NOT_SERVER_HELLO, tracker.gaveUpFor());
        assertEquals("handshake type 8 at CRYPTO offset 0", tracker.gaveUpDetail());
    }

    @Test
    void aServerThatNeverCompletesItsHelloIsGivenUpOnAtTheLimit() {
        openClientHello();
        byte[] ackOnly = serverInitial(0, concat(Hex.bytes("02 00 00 00 00"), padding(30)));
        QuicHandshake handshake = null;
        int limit = QuicLimits.DEFAULT.maxInitialsPerConnection();
        for (int i = 0; i <= limit && handshake == null; i++) {
            handshake = tracker.feedFromServer(ackOnly, 0, ackOnly.length, i);
        }

        assertNotNull(handshake, counters.toString());
        assertEquals(QuicOutcome.OVER_PACKET_LIMIT, tracker.gaveUpFor());
        assertEquals(limit, counters.get(QuicOutcome.SERVER_INITIAL));
    }

    @Test
    void aClientSendingInitialsPastTheLimitIsNoLongerReadButTheServerHelloStillIs() {
        openClientHello();
        byte[] ackOnly = clientInitial(1, concat(Hex.bytes("02 00 00 00 00"), padding(900)));
        int limit = QuicLimits.DEFAULT.maxInitialsPerConnection();
        for (int i = 0; i < limit + 5; i++) {
            assertNull(tracker.feedFromClient(ackOnly, 0, ackOnly.length, 2));
        }
        byte[] server = serverInitial(0, crypto(0, RfcVectors.serverHelloMessage(), 0, 90));

        QuicHandshake handshake = tracker.feedFromServer(server, 0, server.length, 3);

        assertNotNull(handshake, counters.toString());
        assertNotNull(handshake.serverHello());
        assertEquals(limit, counters.get(QuicOutcome.CLIENT_INITIAL));
        assertEquals(1, counters.get(QuicOutcome.OVER_PACKET_LIMIT), "counted once, then not tried");
    }

    @Test
    void aGreasedQuicBitIsReadWithinAKnownConnectionOnly() {
        byte[] greased = writer.serverInitial(QuicLayout.VERSION_1, CLIENT_DCID, CLIENT_SCID, SERVER_SCID, 0, 1,
                crypto(0, RfcVectors.serverHelloMessage(), 0, 90), true);

        tracker.feedFromServer(greased, 0, greased.length, 1);
        assertEquals(1, counters.get(QuicOutcome.NOT_QUIC), "before any client Initial, nothing says it is QUIC");
        openClientHello();
        QuicHandshake handshake = tracker.feedFromServer(greased, 0, greased.length, 3);

        assertNotNull(handshake, counters.toString());
        assertEquals(1, counters.get(QuicOutcome.QUIC_BIT_GREASED));
        assertEquals(TLS_AES_128_GCM_SHA256, handshake.serverHello().cipherSuite());
    }

    /** The client's whole ClientHello (RFC 9001's) in one Initial to {@link #CLIENT_DCID}. */
    private void openClientHello() {
        byte[] hello = RfcVectors.clientHelloMessage();
        byte[] client = clientInitial(0, concat(crypto(0, hello, 0, hello.length), padding(900)));
        tracker.feedFromClient(client, 0, client.length, 1);
        assertNotNull(tracker.clientHello(), counters.toString());
    }

    private byte[] clientInitial(long packetNumber, byte[] frames) {
        return writer.clientInitial(QuicLayout.VERSION_1, CLIENT_DCID, CLIENT_SCID, NO_TOKEN, packetNumber, 2, frames);
    }

    private byte[] serverInitial(long packetNumber, byte[] frames) {
        return writer.serverInitial(QuicLayout.VERSION_1, CLIENT_DCID, CLIENT_SCID, SERVER_SCID, packetNumber, 2,
                frames);
    }
}
