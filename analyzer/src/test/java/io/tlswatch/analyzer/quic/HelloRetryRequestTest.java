package io.tlswatch.analyzer.quic;

import static io.tlswatch.analyzer.quic.QuicPacketWriter.concat;
import static io.tlswatch.analyzer.quic.QuicPacketWriter.crypto;
import static io.tlswatch.analyzer.quic.QuicPacketWriter.padding;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.tls.TlsAnomaly;
import io.tlswatch.analyzer.tls.TlsRecordLayout;
import io.tlswatch.testkit.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A HelloRetryRequest in QUIC (RFC 9001 §4.1.4 with RFC 8446 §4.1.4): the server's first
 * ServerHello is an HRR, the client answers with a second ClientHello and the server with the real
 * ServerHello, each at the CRYPTO offset where its side's stream left off, in the same Initial
 * packet number spaces and under the same keys. The handshake counts both hellos of each side,
 * flags the HRR, keeps the first ClientHello and the real ServerHello, as a TCP session does. The
 * hellos are a real TLS 1.3 HRR exchange (zeek/tls__hrr.pcap, see {@link TestHellos}) put into
 * Initial packets by the tests' writer.
 */
class HelloRetryRequestTest {
    private static final byte[] CLIENT_DCID = Hex.bytes("a0a1a2a3a4a5a6a7");
    private static final byte[] CLIENT_SCID = Hex.bytes("c1c2c3c4");
    private static final byte[] SERVER_SCID = Hex.bytes("5e5e5e5e5e");
    private static final int TLS_AES_256_GCM_SHA384 = 0x1302;

    private final QuicCounters counters = new QuicCounters();
    private final QuicInitialTracker tracker = new QuicInitialTracker(new QuicInitialDecoder(), counters);
    private final QuicPacketWriter writer = new QuicPacketWriter();
    private final byte[] firstHello = TestHellos.hrrFirstClientHello();
    private final byte[] secondHello = TestHellos.hrrSecondClientHello();
    private final byte[] retryRequest = TestHellos.helloRetryRequest();
    private final byte[] serverHello = TestHellos.hrrServerHello();

    @Test
    void bothHellosOfEachSideAreCountedAndTheFirstClientHelloAndRealServerHelloKept() {
        feedClient(0, crypto(0, firstHello, 0, firstHello.length), 1);
        assertNull(feedServer(0, crypto(0, retryRequest, 0, retryRequest.length), 2));
        assertEquals(QuicInitialTracker.State.READING_SERVER_HELLO, tracker.state(), "an HRR is not the end");
        feedClient(1, crypto(firstHello.length, secondHello, 0, secondHello.length), 3);

        QuicHandshake handshake = feedServer(1, crypto(retryRequest.length, serverHello, 0, serverHello.length), 4);

        assertNotNull(handshake, counters.toString());
        assertEquals(2, handshake.clientHellos());
        assertEquals(2, handshake.serverHellos());
        assertEquals(true, handshake.helloRetryRequest());
        assertFalse(handshake.serverHello().isHelloRetryRequest());
        assertEquals(TLS_AES_256_GCM_SHA384, handshake.serverHello().cipherSuite());
        assertEquals(TlsRecordLayout.TLS_1_3, handshake.serverHello().selectedVersion());
        assertArrayEquals(parsed(firstHello).random(), handshake.client().hello().random(), "the first ClientHello");
        assertEquals(4, handshake.lastNanos());
        assertEquals(List.of(), handshake.anomalies());
        assertEquals(2, counters.get(QuicOutcome.CLIENT_HELLO));
        assertEquals(1, counters.get(QuicOutcome.HELLO_RETRY_REQUEST));
        assertEquals(1, counters.get(QuicOutcome.SERVER_HELLO));
    }

    @Test
    void theRealServerHelloArrivingBeforeTheRetryRequestWaitsForIt() {
        feedClient(0, crypto(0, firstHello, 0, firstHello.length), 1);
        feedClient(1, crypto(firstHello.length, secondHello, 0, secondHello.length), 2);

        assertNull(feedServer(1, crypto(retryRequest.length, serverHello, 0, serverHello.length), 3));
        QuicHandshake handshake = feedServer(0, crypto(0, retryRequest, 0, retryRequest.length), 4);

        assertNotNull(handshake, counters.toString());
        assertEquals(2, handshake.serverHellos());
        assertEquals(TLS_AES_256_GCM_SHA384, handshake.serverHello().cipherSuite());
    }

    @Test
    void bothServerHellosInOnePacket() {
        feedClient(0, crypto(0, firstHello, 0, firstHello.length), 1);
        byte[] both = concat(retryRequest, serverHello);

        QuicHandshake handshake = feedServer(0, crypto(0, both, 0, both.length), 2);

        assertNotNull(handshake, counters.toString());
        assertEquals(true, handshake.helloRetryRequest());
        assertEquals(1, handshake.clientHellos(), "the second ClientHello was not seen");
        assertEquals(TLS_AES_256_GCM_SHA384, handshake.serverHello().cipherSuite());
    }

    @Test
    void aSecondHelloRetryRequestLeavesTheHandshakeWithoutAServerHello() {
        feedClient(0, crypto(0, firstHello, 0, firstHello.length), 1);
        feedServer(0, crypto(0, retryRequest, 0, retryRequest.length), 2);

        QuicHandshake handshake = feedServer(1, crypto(retryRequest.length, retryRequest, 0, retryRequest.length), 3);

        assertNotNull(handshake, counters.toString());
        assertNull(handshake.serverHello());
        assertEquals(2, handshake.serverHellos());
        assertEquals(QuicOutcome.SERVER_HELLO_MALFORMED, tracker.gaveUpFor());
        assertEquals("a second HelloRetryRequest", tracker.gaveUpDetail());
    }

    @Test
    void aSecondClientHelloThatDoesNotParseIsCountedAndNamed() {
        byte[] broken = secondHello.clone();
        broken[HandshakeLayout.HEADER_LENGTH + 34] = 33;   // legacy_session_id of 33 bytes: over its bound of 32
        feedClient(0, crypto(0, firstHello, 0, firstHello.length), 1);
        feedServer(0, crypto(0, retryRequest, 0, retryRequest.length), 2);
        feedClient(1, crypto(firstHello.length, broken, 0, broken.length), 3);

        QuicHandshake handshake = feedServer(1, crypto(retryRequest.length, serverHello, 0, serverHello.length), 4);

        assertNotNull(handshake, counters.toString());
        assertEquals(2, handshake.clientHellos());
        assertEquals(List.of(TlsAnomaly.MALFORMED_CLIENT_HELLO), handshake.anomalies());
        assertEquals(1, counters.get(QuicOutcome.CLIENT_HELLO_MALFORMED));
        assertNotNull(handshake.serverHello(), "the server's side does not depend on it");
    }

    private void feedClient(long packetNumber, byte[] frames, long time) {
        byte[] packet = writer.clientInitial(QuicLayout.VERSION_1, CLIENT_DCID, CLIENT_SCID, new byte[0], packetNumber,
                2, concat(frames, padding(1000)));
        assertNull(tracker.feedFromClient(packet, 0, packet.length, time), "a client packet never ends it here");
    }

    private QuicHandshake feedServer(long packetNumber, byte[] frames, long time) {
        byte[] packet = writer.serverInitial(QuicLayout.VERSION_1, CLIENT_DCID, CLIENT_SCID, SERVER_SCID,
                packetNumber, 2, frames);
        return tracker.feedFromServer(packet, 0, packet.length, time);
    }

    private static ClientHello parsed(byte[] message) {
        return ClientHello.parse(message, HandshakeLayout.HEADER_LENGTH,
                message.length - HandshakeLayout.HEADER_LENGTH).value();
    }
}
