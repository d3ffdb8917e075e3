package io.tlswatch.analyzer.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.AllocationCounter;
import io.tlswatch.testkit.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packets that make up nearly all of a QUIC flow (1-RTT, Handshake, 0-RTT, and everything
 * after the handshake is read) allocate nothing, nor do the ones that wait for the ServerHello; an
 * Initial costs what the JDK's AES-GCM allocates: about the packet's size (SunJCE holds the
 * ciphertext until the tag verifies), measured at some 1.2 KiB.
 */
class SteadyStateAllocationTest {
    private static final int ROUNDS = 20_000;

    @Test
    void packetsThatAreNotInitialsToReadAllocateNothing() {
        AllocationCounter threads = AllocationCounter.require();
        QuicCounters counters = new QuicCounters();
        QuicInitialDecoder decoder = new QuicInitialDecoder();
        QuicInitialTracker waiting = new QuicInitialTracker(decoder, counters);
        QuicInitialTracker readingServer = new QuicInitialTracker(decoder, counters);
        QuicInitialTracker done = new QuicInitialTracker(decoder, counters);
        byte[] initial = RfcVectors.v1Packet();
        byte[] serverInitial = RfcVectors.v1ServerPacket();
        readingServer.feedFromClient(initial, 0, initial.length, 0);
        done.feedFromClient(initial, 0, initial.length, 0);
        assertNotNull(done.feedFromServer(serverInitial, 0, serverInitial.length, 0));
        byte[] oneRtt = Hex.bytes("41 0011223344556677 0102030405060708090a0b0c0d0e0f101112131415");
        byte[] server = Datagrams.load("zeek-quicv2-http3.datagrams").get(1).bytes();
        byte[] zeroRtt = QuicPacketWriter.opaque(QuicLayout.VERSION_1, QuicPacketType.ZERO_RTT, Hex.bytes("01"),
                Hex.bytes("02"), 1000);
        byte[] serverHandshake = QuicPacketWriter.opaque(QuicLayout.VERSION_1, QuicPacketType.HANDSHAKE, new byte[0],
                RfcVectors.SERVER_SCID, 1000);

        for (int warmup = 0; warmup < 2; warmup++) {
            long before = threads.currentThread();
            for (int i = 0; i < ROUNDS; i++) {
                waiting.feedFromClient(oneRtt, 0, oneRtt.length, i);
                waiting.feedFromClient(zeroRtt, 0, zeroRtt.length, i);
                waiting.feedFromServer(server, 0, server.length, i);
                readingServer.feedFromClient(zeroRtt, 0, zeroRtt.length, i);
                readingServer.feedFromServer(serverHandshake, 0, serverHandshake.length, i);
                done.feedFromClient(initial, 0, initial.length, i);
                done.feedFromServer(serverInitial, 0, serverInitial.length, i);
            }
            long allocated = threads.currentThread() - before;
            if (warmup == 1) {
                assertTrue(allocated < 4096, allocated + " bytes for " + 7 * ROUNDS + " datagrams");
            }
        }
        assertEquals(2L * ROUNDS, counters.get(QuicOutcome.SHORT_HEADER));
        assertEquals(QuicInitialTracker.State.READING_SERVER_HELLO, readingServer.state());
    }

    @Test
    void anInitialCostsOnlyWhatTheJdksCryptoAllocates() {
        AllocationCounter threads = AllocationCounter.require();
        QuicInitialDecoder decoder = new QuicInitialDecoder();
        QuicCounters counters = new QuicCounters();
        QuicInitialDecoder.Connection connection = new ReopeningConnection();
        byte[] ackAndCrypto = new QuicPacketWriter().clientInitial(QuicLayout.VERSION_1, RfcVectors.DCID,
                new byte[0], new byte[0], 1, 1, QuicPacketWriter.concat(Hex.bytes("02 00 00 00 00"),
                        QuicPacketWriter.crypto(0, RfcVectors.clientHelloMessage(), 0, 100), new byte[1000]));

        int initials = 2000;
        for (int warmup = 0; warmup < 2; warmup++) {
            long before = threads.currentThread();
            for (int i = 0; i < initials; i++) {
                decoder.decode(ackAndCrypto, 0, ackAndCrypto.length, true, connection, counters);
            }
            long perInitial = (threads.currentThread() - before) / initials;
            if (warmup == 1) {
                assertTrue(perInitial < 2048, perInitial + " bytes per Initial");
            }
        }
        assertEquals(2L * initials, counters.get(QuicOutcome.CLIENT_INITIAL), counters.toString());
    }


    /** A connection that takes every client Initial with the RFC DCID's keys, so one can be opened over and over. */
    private static final class ReopeningConnection implements QuicInitialDecoder.Connection {
        private static final QuicInitialKeys KEYS = QuicInitialKeys.client(QuicVersion.V1, RfcVectors.DCID, 0, 8,
                new Hkdf());

        @Override
        public boolean acceptInitial(boolean fromClient) {
            return fromClient;
        }

        @Override
        public QuicInitialKeys keys(QuicPacketHeader h, byte[] b, boolean fromClient, int attempt, Hkdf hkdf) {
            return attempt == 0 ? KEYS : null;
        }

        @Override
        public long largestPacketNumber(boolean fromClient) {
            return 0;
        }

        @Override
        public InitialFrameParser.CryptoSink onOpened(QuicPacketHeader h, byte[] b, boolean fromClient,
                QuicInitialKeys keys, long packetNumber) {
            return (offset, data, off, len) -> { };
        }

        @Override
        public void onRetry(QuicPacketHeader h, byte[] b, RetryIntegrity integrity) {
        }

        @Override
        public void onClientPastInitial() {
        }

        @Override
        public boolean quicBitMayBeGreased() {
            return false;
        }
    }
}
