package io.tlswatch.analyzer.quic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tlswatch.testkit.Hex;
import org.junit.jupiter.api.Test;

/**
 * Which connection ID's keys a connection's Initials use (RFC 9001 §5.2), the client's and the
 * server's, and what a Retry changes (RFC 9000 §17.2.5.2: at most one, none after a server Initial).
 */
class InitialKeyScheduleTest {
    private static final byte[] DCID = Hex.bytes("0011223344556677");
    private static final byte[] SCID = Hex.bytes("c1c2");
    private final InitialKeySchedule schedule = new InitialKeySchedule();
    private final QuicPacketWriter writer = new QuicPacketWriter();
    private final Hkdf hkdf = new Hkdf();
    private final RetryIntegrity integrity = new RetryIntegrity();

    @Test
    void theFirstInitialsDcidNamesTheKeysAndTheyAreDerivedOnce() {
        byte[] initial = initialTo(DCID);
        QuicPacketHeader h = parsed(initial);

        QuicInitialKeys keys = schedule.keys(h, initial, 0, hkdf);
        schedule.opened(h, initial, keys);

        assertArrayEquals(DCID, schedule.keysDcid());
        assertSame(keys, schedule.keys(h, initial, 0, hkdf), "cached");
        assertNull(schedule.keys(h, initial, 1, hkdf), "no alternative for the same DCID");
    }

    @Test
    void theFirstRetryToThisClientMovesTheKeysToItsScid() {
        open(initialTo(DCID));

        assertEquals(InitialKeySchedule.RETRY_ACCEPTED, retry(DCID, SCID, Hex.bytes("aaaa")));
        assertEquals(InitialKeySchedule.RETRY_IGNORED, retry(DCID, SCID, Hex.bytes("bbbb")));

        assertArrayEquals(Hex.bytes("aaaa"), schedule.keysDcid(), "a client processes one Retry");
        assertEquals(true, schedule.retried());
    }

    @Test
    void aRetryAfterAServerInitialIsIgnored() {
        open(initialTo(DCID));
        schedule.serverInitialOpened();

        assertEquals(InitialKeySchedule.RETRY_IGNORED, retry(DCID, SCID, Hex.bytes("aaaa")));

        assertArrayEquals(DCID, schedule.keysDcid());
        assertEquals(false, schedule.retried());
    }

    @Test
    void aRetryToAnotherClientIsIgnored() {
        open(initialTo(DCID));

        assertEquals(InitialKeySchedule.RETRY_IGNORED, retry(DCID, Hex.bytes("0909"), Hex.bytes("aaaa")));

        assertArrayEquals(DCID, schedule.keysDcid());
    }

    @Test
    void aRetryWhoseTagDoesNotVerifyIsForgedAndAGenuineOneStillCounts() {
        open(initialTo(DCID));

        assertEquals(InitialKeySchedule.RETRY_FORGED, retry(Hex.bytes("0000000000000000"), SCID, Hex.bytes("ffff")));
        assertArrayEquals(DCID, schedule.keysDcid());
        assertEquals(InitialKeySchedule.RETRY_ACCEPTED, retry(DCID, SCID, Hex.bytes("aaaa")));

        assertArrayEquals(Hex.bytes("aaaa"), schedule.keysDcid());
    }

    @Test
    void aRetryBeforeAnyClientInitialIsIgnored() {
        assertEquals(InitialKeySchedule.RETRY_IGNORED, retry(DCID, SCID, Hex.bytes("aaaa")));
        assertEquals(null, schedule.keysDcid());
    }

    @Test
    void theServersKeysComeFromTheClientsDcidAndFollowARetry() {
        byte[] serverInitial = writer.serverInitial(QuicLayout.VERSION_1, DCID, SCID, Hex.bytes("5e5e"), 0, 1,
                new byte[40]);
        QuicPacketHeader h = parsed(serverInitial);
        assertNull(schedule.serverKeys(h, hkdf), "no client Initial yet: no DCID, no keys");

        open(initialTo(DCID));
        QuicInitialKeys beforeRetry = schedule.serverKeys(h, hkdf);
        assertArrayEquals(QuicInitialKeys.server(QuicVersion.V1, DCID, 0, DCID.length, hkdf).key(), beforeRetry.key());
        assertSame(beforeRetry, schedule.serverKeys(h, hkdf), "cached");

        retry(DCID, SCID, Hex.bytes("aaaa"));
        byte[] retried = Hex.bytes("aaaa");
        assertArrayEquals(QuicInitialKeys.server(QuicVersion.V1, retried, 0, 2, hkdf).key(),
                schedule.serverKeys(h, hkdf).key());
    }

    @Test
    void theServersKeysAreInTheVersionOfItsPacket() {
        open(initialTo(DCID));
        byte[] v2 = writer.serverInitial(QuicLayout.VERSION_2, DCID, SCID, Hex.bytes("5e5e"), 0, 1, new byte[40]);

        QuicInitialKeys keys = schedule.serverKeys(parsed(v2), hkdf);

        assertEquals(QuicVersion.V2, keys.version(), "compatible version negotiation (RFC 9368): v1 client, v2 server");
        assertArrayEquals(QuicInitialKeys.server(QuicVersion.V2, DCID, 0, DCID.length, hkdf).key(), keys.key());
    }

    private void open(byte[] initial) {
        QuicPacketHeader h = parsed(initial);
        schedule.opened(h, initial, schedule.keys(h, initial, 0, hkdf));
    }

    /** A Retry whose tag is computed over {@code odcid}, to the client {@code toClient}. */
    private int retry(byte[] odcid, byte[] toClient, byte[] newScid) {
        byte[] retry = QuicPacketWriter.retry(QuicLayout.VERSION_1, 0, odcid, toClient, newScid, Hex.bytes("01"));
        return schedule.retry(parsed(retry), retry, SCID, integrity);
    }

    private byte[] initialTo(byte[] dcid) {
        return writer.clientInitial(QuicLayout.VERSION_1, dcid, SCID, new byte[0], 0, 1, new byte[40]);
    }

    private static QuicPacketHeader parsed(byte[] packet) {
        QuicPacketHeader h = new QuicPacketHeader();
        h.parse(packet, 0, packet.length);
        return h;
    }
}
