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

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.testkit.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connection's Initial exchange through {@link QuicInitialTracker}: the RFC vectors, datagrams
 * cut from real captures (see the resources' README), and built variants of them: hellos over
 * several Initials and datagrams, out of order, retransmitted, after a Retry, in other versions.
 */
class QuicInitialTrackerTest {
    private static final byte[] CLIENT_DCID = Hex.bytes("0011223344556677");
    private static final byte[] CLIENT_SCID = Hex.bytes("c1c2c3c4");
    private static final byte[] RETRY_SCID = Hex.bytes("a1a2a3a4a5a6a7a8a9");
    private static final byte[] NO_TOKEN = new byte[0];

    private final QuicCounters counters = new QuicCounters();
    private final QuicInitialTracker tracker = new QuicInitialTracker(new QuicInitialDecoder(), counters);
    private final QuicPacketWriter writer = new QuicPacketWriter();

    @Test
    void rfc9001ClientInitialGivesItsClientHello() {
        byte[] packet = RfcVectors.v1Packet();

        tracker.feedFromClient(packet, 0, packet.length, 1_000);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertEquals("example.com", event.hello().offered().serverName());
        assertEquals(List.of("alpn"), event.hello().offered().alpnProtocols());
        assertEquals(QuicLayout.VERSION_1, event.version());
        assertArrayEquals(RfcVectors.DCID, event.originalDcid());
        assertArrayEquals(RfcVectors.DCID, event.keysDcid());
        assertArrayEquals(new byte[0], event.clientScid());
        assertEquals(false, event.retried());
        assertEquals(1, event.initialPackets());
        assertEquals(1_000, event.firstInitialNanos());
        assertEquals(1_000, event.completedNanos());
        assertEquals(QuicInitialTracker.State.READING_SERVER_HELLO, tracker.state());
        assertEquals(1, counters.get(QuicOutcome.CLIENT_INITIAL));
        assertEquals(1, counters.get(QuicOutcome.CLIENT_HELLO));
    }

    @Test
    void theHandshakeIsHandedOverOnceAndLaterDatagramsCostNothing() {
        byte[] packet = RfcVectors.v1Packet();
        byte[] server = RfcVectors.v1ServerPacket();
        tracker.feedFromClient(packet, 0, packet.length, 1);
        assertNotNull(tracker.feedFromServer(server, 0, server.length, 2));

        assertNull(tracker.feedFromClient(packet, 0, packet.length, 3));
        assertNull(tracker.feedFromServer(server, 0, server.length, 4));
        assertNull(tracker.endOfFlow());
        assertEquals(1, counters.get(QuicOutcome.CLIENT_INITIAL), "not even decrypted again");
        assertEquals(1, counters.get(QuicOutcome.SERVER_INITIAL), "not even decrypted again");
    }

    @Test
    void rfc9369Version2ClientInitialGivesItsClientHello() {
        byte[] packet = RfcVectors.v2Packet();

        tracker.feedFromClient(packet, 0, packet.length, 0);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertEquals(QuicLayout.VERSION_2, event.version());
        assertEquals("example.com", event.hello().offered().serverName());
    }

    @Test
    void helloOverTwoInitialsFromSuricataVerify() {
        List<Datagrams> d = Datagrams.load("suricata-quic-retry.datagrams");

        d.get(0).feed(tracker, 1);
        assertNull(tracker.clientHello(), "half a hello");
        assertEquals(QuicInitialTracker.State.READING_CLIENT_HELLO, tracker.state());
        d.get(1).feed(tracker, 2);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertEquals("www.gravatar.com", event.hello().offered().serverName());
        assertEquals(List.of("h3"), event.hello().offered().alpnProtocols());
        assertEquals(2, event.initialPackets());
        assertEquals(1, event.firstInitialNanos());
        assertEquals(2, event.completedNanos());
        assertArrayEquals(Hex.bytes("69cd818b6dd3fbd7"), event.originalDcid());
        assertArrayEquals(Hex.bytes("5ae3cd"), event.clientScid());
    }

    @Test
    void helloFinishedAfterARetryUsesTheKeysOfTheRetrysConnectionId() {
        List<Datagrams> d = Datagrams.load("suricata-quic-retry.datagrams");
        for (int frame : new int[] {1, 3, 4, 5, 6}) {
            frame(d, frame).feed(tracker, frame);
        }
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertEquals("www.gravatar.com", event.hello().offered().serverName());
        assertTrue(event.retried());
        assertArrayEquals(Hex.bytes("69cd818b6dd3fbd7"), event.originalDcid());
        assertArrayEquals(Hex.bytes("434016c5110840091980a574c77f57b34fa08672"), event.keysDcid());
        assertEquals(2, counters.get(QuicOutcome.RETRY));
        assertEquals(0, counters.get(QuicOutcome.RETRY_TAG_INVALID), "both real Retries verify");
        assertEquals(0, counters.get(QuicOutcome.DECRYPTION_FAILED));
    }

    @Test
    void aMissedRetryIsInferredFromTheKeysThatOpen() {
        List<Datagrams> d = Datagrams.load("suricata-quic-retry.datagrams");
        frame(d, 1).feed(tracker, 1);
        frame(d, 5).feed(tracker, 5);
        frame(d, 6).feed(tracker, 6);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertTrue(event.retried());
        assertArrayEquals(Hex.bytes("434016c5110840091980a574c77f57b34fa08672"), event.keysDcid());
    }

    @Test
    void aConnectionSeenOnlyAfterItsRetryStillGivesTheHello() {
        List<Datagrams> d = Datagrams.load("suricata-quic-retry.datagrams");
        frame(d, 5).feed(tracker, 5);
        frame(d, 6).feed(tracker, 6);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertEquals(false, event.retried(), "nothing showed a Retry");
        assertArrayEquals(Hex.bytes("434016c5110840091980a574c77f57b34fa08672"), event.originalDcid());
    }

    @Test
    void helloWhoseStartComesInTheSecondDatagram() {
        List<Datagrams> d = Datagrams.load("suricata-quic-frag-unordered.datagrams");

        d.get(0).feed(tracker, 1);
        assertNull(tracker.clientHello());
        d.get(1).feed(tracker, 2);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertEquals("mastodon.social", event.hello().offered().serverName());
        assertEquals(List.of("h3"), event.hello().offered().alpnProtocols());
    }

    @Test
    void theSameDatagramsInTheOtherOrderGiveTheSameHello() {
        List<Datagrams> d = Datagrams.load("suricata-quic-frag-unordered.datagrams");

        d.get(1).feed(tracker, 1);
        assertNull(tracker.clientHello());
        d.get(0).feed(tracker, 2);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertEquals("mastodon.social", event.hello().offered().serverName());
    }

    @Test
    void version2FromZeek() {
        List<Datagrams> d = Datagrams.load("zeek-quicv2-http3.datagrams");

        d.get(0).feed(tracker, 1);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertEquals(QuicLayout.VERSION_2, event.version());
        assertNull(event.hello().offered().serverName(), "the tshark oracle shows no server_name");
        assertEquals(List.of("h3"), event.hello().offered().alpnProtocols());
    }

    @Test
    void aServerInitialBeforeAnyClientInitialHasNoKeysAndIsCounted() {
        List<Datagrams> d = Datagrams.load("zeek-quicv2-http3.datagrams");

        d.get(1).feed(tracker, 1);

        assertEquals(1, counters.get(QuicOutcome.SERVER_INITIAL_WITHOUT_KEYS));
        assertEquals(0, counters.get(QuicOutcome.SERVER_INITIAL));
        assertEquals(1, counters.get(QuicOutcome.SERVER_HANDSHAKE));
        assertEquals(QuicInitialTracker.State.AWAITING_INITIAL, tracker.state());
    }

    @Test
    void aServerInitialSentTheClientsWayDoesNotDecrypt() {
        List<Datagrams> d = Datagrams.load("zeek-quicv2-http3.datagrams");
        byte[] server = d.get(1).bytes();

        assertNull(tracker.feedFromClient(server, 0, server.length, 1));

        assertEquals(1, counters.get(QuicOutcome.DECRYPTION_FAILED));
        assertEquals(1, counters.get(QuicOutcome.CLIENT_HANDSHAKE));
    }

    @Test
    void reservedVersionThenVersionNegotiationThenVersion1FromTcpdump() {
        List<Datagrams> d = Datagrams.load("tcpdump-quic-vn.datagrams");

        assertNull(d.get(0).feed(tracker, 1));
        assertNull(d.get(1).feed(tracker, 2));
        d.get(2).feed(tracker, 3);
        QuicClientHello event = tracker.clientHello();

        assertEquals(1, counters.get(QuicOutcome.RESERVED_VERSION));
        assertEquals(1, counters.get(QuicOutcome.VERSION_NEGOTIATION));
        assertNotNull(event, counters.toString());
        assertEquals("localhost", event.hello().offered().serverName());
        assertEquals(List.of("h3"), event.hello().offered().alpnProtocols());
        assertEquals(QuicLayout.VERSION_1, event.version());
    }

    @Test
    void postQuantumHelloOverTwoDatagramsSecondHalfFirst() {
        byte[] hello = TestHellos.chrome125();
        int cut = 1000;
        byte[] tail = clientInitial(1, concat(crypto(cut, hello, cut, hello.length), padding(300)));
        byte[] head = clientInitial(2, concat(crypto(0, hello, 0, cut), padding(100)));

        tracker.feedFromClient(tail, 0, tail.length, 1);
        assertNull(tracker.clientHello());
        tracker.feedFromClient(head, 0, head.length, 2);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertSameHello(hello, event.hello());
        assertEquals(0x6399, event.hello().offered().keyShareGroups()[1], "X25519Kyber768");
    }

    @Test
    void helloInShuffledOverlappingFramesWithPingsAndPaddingInOnePacket() {
        byte[] hello = TestHellos.chrome125();
        byte[] ping = {0x01};
        byte[] frames = concat(crypto(1200, hello, 1200, hello.length), ping, padding(7),
                crypto(400, hello, 400, 900), crypto(0, hello, 0, 500), ping,
                crypto(850, hello, 850, 1250), padding(20));

        byte[] packet = clientInitial(0, frames);
        tracker.feedFromClient(packet, 0, packet.length, 1);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertSameHello(hello, event.hello());
    }

    @Test
    void aRetransmissionThatDisagreesLosesToTheFirstCopy() {
        byte[] hello = RfcVectors.clientHelloMessage();
        byte[] forged = hello.clone();
        forged[hello.length - 1] ^= 0x55;
        byte[] first = clientInitial(0, concat(crypto(0, hello, 0, 100), crypto(150, hello, 150, hello.length)));
        byte[] second = clientInitial(1, crypto(0, forged, 0, forged.length));

        tracker.feedFromClient(first, 0, first.length, 1);
        tracker.feedFromClient(second, 0, second.length, 2);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertSameHello(hello, event.hello());
    }

    @Test
    void retryThenTheNewConnectionIdsKeysFinishTheHello() {
        byte[] hello = TestHellos.chrome125();
        byte[] before = writer.clientInitial(QuicLayout.VERSION_1, CLIENT_DCID, CLIENT_SCID, NO_TOKEN, 0, 1,
                concat(crypto(0, hello, 0, 1100), padding(40)));
        byte[] retry = QuicPacketWriter.retry(QuicLayout.VERSION_1, 0, CLIENT_DCID, CLIENT_SCID, RETRY_SCID,
                Hex.bytes("70656b"));
        byte[] after = writer.clientInitial(QuicLayout.VERSION_1, RETRY_SCID, CLIENT_SCID, Hex.bytes("70656b"), 1,
                1, concat(crypto(1100, hello, 1100, hello.length), padding(500)));

        tracker.feedFromClient(before, 0, before.length, 1);
        tracker.feedFromServer(retry, 0, retry.length, 2);
        tracker.feedFromClient(after, 0, after.length, 3);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertSameHello(hello, event.hello());
        assertTrue(event.retried());
        assertArrayEquals(CLIENT_DCID, event.originalDcid());
        assertArrayEquals(RETRY_SCID, event.keysDcid());
        assertEquals(0, counters.get(QuicOutcome.DECRYPTION_FAILED), "the Retry named the keys: no failed try");
    }

    @Test
    void aForgedRetryIsCountedAndDoesNotMoveTheKeys() {
        byte[] hello = TestHellos.chrome125();
        byte[] before = clientInitial(0, concat(crypto(0, hello, 0, 1100), padding(40)));
        byte[] forged = QuicPacketWriter.retry(QuicLayout.VERSION_1, 0, Hex.bytes("0bad0bad"), CLIENT_SCID,
                RETRY_SCID, Hex.bytes("70656b"));
        byte[] after = clientInitial(1, concat(crypto(1100, hello, 1100, hello.length), padding(500)));

        tracker.feedFromClient(before, 0, before.length, 1);
        tracker.feedFromServer(forged, 0, forged.length, 2);
        tracker.feedFromClient(after, 0, after.length, 3);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertEquals(1, counters.get(QuicOutcome.RETRY_TAG_INVALID));
        assertEquals(false, event.retried());
        assertArrayEquals(CLIENT_DCID, event.keysDcid());
    }

    @Test
    void aClientMovingToTheServersConnectionIdKeepsItsFirstKeys() {
        byte[] hello = TestHellos.chrome125();
        byte[] serverScid = Hex.bytes("5e5e5e5e");
        byte[] first = clientInitial(0, concat(crypto(0, hello, 0, 1100), padding(40)));
        byte[] next = writer.clientInitial(QuicLayout.VERSION_1, CLIENT_DCID, serverScid, CLIENT_SCID, NO_TOKEN, 1, 2,
                concat(crypto(1100, hello, 1100, hello.length), padding(600)));

        tracker.feedFromClient(first, 0, first.length, 1);
        tracker.feedFromClient(next, 0, next.length, 2);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertEquals(false, event.retried());
        assertArrayEquals(CLIENT_DCID, event.keysDcid());
    }

    @Test
    void draft29AndItsSaltStillOpen() {
        byte[] hello = RfcVectors.clientHelloMessage();
        byte[] packet = writer.clientInitial(0xff00001d, CLIENT_DCID, CLIENT_SCID, NO_TOKEN, 0, 2,
                concat(crypto(0, hello, 0, hello.length), padding(900)));

        tracker.feedFromClient(packet, 0, packet.length, 1);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event, counters.toString());
        assertEquals(0xff00001d, event.version());
    }

    @Test
    void coalescedZeroRttAndHandshakePacketsAreCounted() {
        byte[] hello = RfcVectors.clientHelloMessage();
        byte[] datagram = concat(clientInitial(0, crypto(0, hello, 0, hello.length)),
                QuicPacketWriter.opaque(QuicLayout.VERSION_1, QuicPacketType.ZERO_RTT, CLIENT_DCID, CLIENT_SCID, 600),
                QuicPacketWriter.opaque(QuicLayout.VERSION_1, QuicPacketType.HANDSHAKE, CLIENT_DCID, CLIENT_SCID, 60));

        tracker.feedFromClient(datagram, 0, datagram.length, 1);

        assertNotNull(tracker.clientHello(), counters.toString());
        assertEquals(1, counters.get(QuicOutcome.CLIENT_ZERO_RTT));
        assertEquals(1, counters.get(QuicOutcome.CLIENT_HANDSHAKE));
    }

    @Test
    void aFrameAnInitialMayNotCarryIsCountedAndTheCryptoBeforeItKept() {
        byte[] hello = RfcVectors.clientHelloMessage();
        byte[] stream = {0x08, 0x00, 0x01, 0x02};
        byte[] packet = clientInitial(0, concat(crypto(0, hello, 0, hello.length), stream, padding(900)));

        tracker.feedFromClient(packet, 0, packet.length, 1);
        QuicClientHello event = tracker.clientHello();

        assertNotNull(event);
        assertEquals(1, counters.get(QuicOutcome.FRAME_NOT_ALLOWED));
    }

    @Test
    void aStreamThatStartsWithAnotherHandshakeMessageIsGivenUp() {
        byte[] serverHello = {HandshakeLayout.SERVER_HELLO, 0, 0, 2, 3, 3};
        byte[] packet = clientInitial(0, concat(crypto(0, serverHello, 0, serverHello.length), padding(900)));

        tracker.feedFromClient(packet, 0, packet.length, 1);

        assertEquals(QuicInitialTracker.State.GAVE_UP, tracker.state());
        assertEquals(QuicOutcome.CRYPTO_NOT_CLIENT_HELLO, tracker.gaveUpFor());
        assertEquals(1, counters.get(QuicOutcome.CRYPTO_NOT_CLIENT_HELLO));
    }

    @Test
    void aHelloClaimingMoreThanTheBoundIsGivenUp() {
        byte[] header = {HandshakeLayout.CLIENT_HELLO, 0x01, 0x00, 0x00};
        byte[] packet = clientInitial(0, concat(crypto(0, header, 0, 4), padding(900)));

        tracker.feedFromClient(packet, 0, packet.length, 1);

        assertEquals(QuicOutcome.CRYPTO_OVER_BOUND, tracker.gaveUpFor());
        assertEquals("ClientHello of 65536 bytes", tracker.gaveUpDetail());
    }

    @Test
    void cryptoDataPastTheBoundIsDroppedAndCounted() {
        byte[] far = new byte[100];
        byte[] packet = clientInitial(0, concat(crypto(64 * 1024 - 50, far, 0, far.length), padding(900)));

        tracker.feedFromClient(packet, 0, packet.length, 1);

        assertEquals(1, counters.get(QuicOutcome.CRYPTO_OVER_BOUND));
        assertEquals(QuicInitialTracker.State.READING_CLIENT_HELLO, tracker.state());
    }

    @Test
    void aCompleteHelloThatDoesNotParseIsNamed() {
        byte[] broken = {HandshakeLayout.CLIENT_HELLO, 0, 0, 3, 3, 3, 1};
        byte[] packet = clientInitial(0, concat(crypto(0, broken, 0, broken.length), padding(900)));

        tracker.feedFromClient(packet, 0, packet.length, 1);

        assertEquals(QuicOutcome.CLIENT_HELLO_MALFORMED, tracker.gaveUpFor());
        assertEquals("ClientHello.random runs past the end of what holds it", tracker.gaveUpDetail());
    }

    @Test
    void moreInitialsInOneDatagramThanTheLimitAreSkipped() {
        byte[] datagram = new byte[0];
        for (int pn = 0; pn < 9; pn++) {
            datagram = concat(datagram, clientInitial(pn, padding(30)));
        }

        tracker.feedFromClient(datagram, 0, datagram.length, 1);

        assertEquals(8, counters.get(QuicOutcome.CLIENT_INITIAL));
        assertEquals(1, counters.get(QuicOutcome.OVER_PACKET_LIMIT));
    }

    @Test
    void aConnectionThatNeverCompletesItsHelloIsGivenUp() {
        byte[] packet = clientInitial(0, padding(1100));
        for (int i = 0; i < QuicLimits.DEFAULT.maxInitialsPerConnection() + 1; i++) {
            tracker.feedFromClient(packet, 0, packet.length, i);
        }

        assertEquals(QuicInitialTracker.State.GAVE_UP, tracker.state());
        assertEquals(QuicOutcome.OVER_PACKET_LIMIT, tracker.gaveUpFor());
        assertEquals(QuicLimits.DEFAULT.maxInitialsPerConnection(), counters.get(QuicOutcome.CLIENT_INITIAL));
    }

    @Test
    void datagramsThatAreNotReadableQuicAreNamed() {
        byte[] dns = Hex.bytes("1234 0100 0001 0000 0000 0000 076578616d706c6503636f6d00 0001 0001");
        byte[] shortHeader = Hex.bytes("41 0011223344556677 9a9b9c9d");
        byte[] gquic = Hex.bytes("c5 54303530 08 0011223344556677 00 449e 00");

        tracker.feedFromClient(dns, 0, dns.length, 1);
        tracker.feedFromClient(shortHeader, 0, shortHeader.length, 2);
        tracker.feedFromClient(gquic, 0, gquic.length, 3);

        assertEquals(1, counters.get(QuicOutcome.NOT_QUIC));
        assertEquals(1, counters.get(QuicOutcome.SHORT_HEADER));
        assertEquals(1, counters.get(QuicOutcome.UNSUPPORTED_VERSION));
        assertEquals(QuicInitialTracker.State.AWAITING_INITIAL, tracker.state());
    }

    @Test
    void onlyLongHeaderDatagramsOf1200BytesOrMoreLookLikeAClientInitial() {
        byte[] rfc = RfcVectors.v1Packet();
        byte[] padded = concat(new byte[] {0}, rfc);

        assertTrue(QuicInitialTracker.looksLikeClientInitial(rfc, 0, rfc.length));
        assertTrue(QuicInitialTracker.looksLikeClientInitial(padded, 1, rfc.length));
        assertEquals(false, QuicInitialTracker.looksLikeClientInitial(rfc, 0, 1199), "too small for an Initial");
        assertEquals(false, QuicInitialTracker.looksLikeClientInitial(padded, 0, padded.length), "short header");
        assertEquals(false, QuicInitialTracker.looksLikeClientInitial(rfc, 1, rfc.length), "slice past the end");
        byte[] noFixedBit = rfc.clone();
        noFixedBit[0] &= ~QuicLayout.FIXED_BIT;
        assertEquals(false, QuicInitialTracker.looksLikeClientInitial(noFixedBit, 0, rfc.length));
        byte[] reserved = Datagrams.load("tcpdump-quic-vn.datagrams").get(0).bytes();
        assertTrue(QuicInitialTracker.looksLikeClientInitial(reserved, 0, reserved.length));
    }

    private byte[] clientInitial(long packetNumber, byte[] frames) {
        return writer.clientInitial(QuicLayout.VERSION_1, CLIENT_DCID, CLIENT_SCID, NO_TOKEN, packetNumber, 2, frames);
    }

    private static void assertSameHello(byte[] message, ClientHello actual) {
        ClientHello expected = ClientHello.parse(message, 4, message.length - 4).value();
        assertArrayEquals(expected.random(), actual.random());
        assertArrayEquals(expected.cipherSuites(), actual.cipherSuites());
        assertArrayEquals(expected.extensions().types(), actual.extensions().types());
        assertEquals(expected.offered().serverName(), actual.offered().serverName());
        assertEquals(expected.offered().alpnProtocols(), actual.offered().alpnProtocols());
    }
}
