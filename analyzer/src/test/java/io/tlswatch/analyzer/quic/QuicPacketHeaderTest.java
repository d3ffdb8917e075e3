package io.tlswatch.analyzer.quic;

import static io.tlswatch.analyzer.quic.QuicPacketWriter.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.Hex;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long headers located and bounded (RFC 9000 §17.2, RFC 8999 §5.1), and what is not one. */
class QuicPacketHeaderTest {
    private final QuicPacketHeader header = new QuicPacketHeader();

    @Test
    void locatesTheFieldsOfTheRfc9001ClientInitial() {
        byte[] packet = RfcVectors.v1Packet();

        assertTrue(header.parse(packet, 0, packet.length));

        assertEquals(QuicLayout.VERSION_1, header.wireVersion());
        assertEquals(QuicVersion.V1, header.version());
        assertEquals(QuicPacketType.INITIAL, header.type());
        assertArrayEquals(RfcVectors.DCID, Arrays.copyOfRange(packet, header.dcidOffset(),
                header.dcidOffset() + header.dcidLength()));
        assertEquals(0, header.scidLength());
        assertEquals(0, header.tokenLength());
        assertEquals(18, header.packetNumberOffset(), "after the 2-byte Length 0x449e");
        assertEquals(18 + 1182, header.end());
    }

    @Test
    void coalescedPacketsFollowOneAnother() {
        byte[] first = RfcVectors.v1Packet();
        byte[] handshake = QuicPacketWriter.opaque(QuicLayout.VERSION_1, QuicPacketType.HANDSHAKE,
                Hex.bytes("0102"), Hex.bytes("03"), 40);
        byte[] datagram = concat(Hex.bytes("ee"), first, handshake, new byte[7]);

        assertTrue(header.parse(datagram, 1, datagram.length));
        assertTrue(header.parse(datagram, header.end(), datagram.length));
        assertEquals(QuicPacketType.HANDSHAKE, header.type());
        assertEquals(1 + first.length, header.start());
        assertEquals(datagram.length - 7, header.end());
        assertFalse(header.parse(datagram, header.end(), datagram.length), "zero padding after the packets");
        assertEquals(QuicOutcome.NOT_QUIC, header.failure());
    }

    @Test
    void aRetryRunsToTheEndOfTheDatagramAndEndsInItsTag() {
        byte[] retry = QuicPacketWriter.retry(QuicLayout.VERSION_2, 0, Hex.bytes("0a"), Hex.bytes("c1"), Hex.bytes("5e5e"),
                Hex.bytes("746f6b656e"));

        assertTrue(header.parse(retry, 0, retry.length));

        assertEquals(QuicPacketType.RETRY, header.type());
        assertEquals(5, header.tokenLength());
        assertEquals(retry.length, header.end());
        assertFalse(header.parse(retry, 0, retry.length - 6), "no room for the 16-byte tag");
    }

    @Test
    void rfc9001AppendixA4RetryParses() {
        byte[] retry = Hex.bytes("ff000000010008f067a5502a4262b574 6f6b656e04a265ba2eff4d829058fb3f 0f2496ba");

        assertTrue(header.parse(retry, 0, retry.length));

        assertEquals(QuicPacketType.RETRY, header.type());
        assertEquals(0, header.dcidLength());
        assertArrayEquals(Hex.bytes("f067a5502a4262b5"), Arrays.copyOfRange(retry, header.scidOffset(),
                header.scidOffset() + header.scidLength()));
        assertEquals("token", new String(retry, header.tokenOffset(), header.tokenLength(),
                java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void whatIsNotALongHeaderOfAKnownVersionIsNamed() {
        assertFailure(QuicOutcome.SHORT_HEADER, "41 0102030405060708 00");
        assertFailure(QuicOutcome.NOT_QUIC, "01 0203");
        assertFailure(QuicOutcome.NOT_QUIC, "80 00000001 00 00 00 01");
        assertFailure(QuicOutcome.VERSION_NEGOTIATION, "8a 00000000 01 aa 01 bb 00000001 6b3343cf");
        assertFailure(QuicOutcome.RESERVED_VERSION, "c0 0a1a2a3a 00 00 00 01 00");
        assertFailure(QuicOutcome.UNSUPPORTED_VERSION, "c0 51303433 00 00 00 01 00");
    }

    @Test
    void lengthsAreBoundedBeforeTheyAreTrusted() {
        assertFailure(QuicOutcome.PACKET_MALFORMED, "c0 00000001 00 00");
        assertFailure(QuicOutcome.PACKET_MALFORMED, "c0 00000001 15 " + "00".repeat(21) + " 00 00 01 00");
        assertFailure(QuicOutcome.PACKET_MALFORMED, "c0 00000001 01 aa 15 " + "00".repeat(21) + " 00 01 00");
        assertFailure(QuicOutcome.PACKET_MALFORMED, "c0 00000001 01 aa 00 05 0102");
        assertFailure(QuicOutcome.PACKET_MALFORMED, "c0 00000001 01 aa 00 00 4005 0102");
        assertFailure(QuicOutcome.PACKET_MALFORMED, "c0 00000001 01 aa 00 00 40");
        assertFailure(QuicOutcome.PACKET_MALFORMED, "c0 00000001 01 aa 00 ff ffffffff ffffffff");
        assertFailure(QuicOutcome.PACKET_MALFORMED, "e0 00000001 01 aa 00 ffffffffffffffff 00");
    }

    @Test
    void everyCutOfAnInitialsHeaderIsMalformed() {
        byte[] packet = RfcVectors.v1Packet();
        for (int cut = 1; cut < packet.length; cut++) {
            assertFalse(header.parse(packet, 0, cut), "cut at " + cut);
            assertEquals(QuicOutcome.PACKET_MALFORMED, header.failure(), "cut at " + cut);
        }
    }

    @Test
    void versionFieldsReadAsTheWireHasThem() {
        for (int version : List.of(0x00000001, 0x6b3343cf, 0xff00001d, 0xfaceb002)) {
            byte[] b = concat(Hex.bytes("c0"), new byte[] {(byte) (version >>> 24), (byte) (version >>> 16),
                (byte) (version >>> 8), (byte) version});

            assertEquals(version, QuicLayout.version(b, 0));
        }
        assertEquals(29, QuicLayout.draftNumber(0xff00001d));
        assertEquals(-1, QuicLayout.draftNumber(0xfe00001d));
    }

    @Test
    void variableLengthIntegersDecodeAsRfc9000Section16Shows() {
        assertEquals(151288809941952652L, QuicLayout.varInt(Hex.bytes("c2197c5eff14e88c"), 0));
        assertEquals(494878333L, QuicLayout.varInt(Hex.bytes("9d7f3e7d"), 0));
        assertEquals(15293L, QuicLayout.varInt(Hex.bytes("7bbd"), 0));
        assertEquals(37L, QuicLayout.varInt(Hex.bytes("25"), 0));
        assertEquals(37L, QuicLayout.varInt(Hex.bytes("4025"), 0));
        assertEquals(8, QuicLayout.varIntLength(0xc2));
    }

    private void assertFailure(QuicOutcome expected, String hex) {
        byte[] b = Hex.bytes(hex);
        assertFalse(header.parse(b, 0, b.length), hex);
        assertEquals(expected, header.failure(), hex);
    }
}
