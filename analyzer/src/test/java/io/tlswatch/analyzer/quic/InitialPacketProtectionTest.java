package io.tlswatch.analyzer.quic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Header protection removal, packet number recovery and payload decryption against the client
 * Initials of RFC 9001 Appendix A.2 and RFC 9369 Appendix A.2, and the packet number examples of
 * RFC 9000 Appendix A.3.
 */
class InitialPacketProtectionTest {
    private final Hkdf hkdf = new Hkdf();
    private final InitialPacketProtection protection = new InitialPacketProtection();
    private final QuicPacketHeader header = new QuicPacketHeader();

    @Test
    void opensTheVersion1ClientInitialOfRfc9001() {
        assertOpensTheRfcPacket(RfcVectors.v1Packet(), QuicVersion.V1, RfcVectors.V1_UNPROTECTED_HEADER);
    }

    @Test
    void opensTheVersion2ClientInitialOfRfc9369() {
        assertOpensTheRfcPacket(RfcVectors.v2Packet(), QuicVersion.V2, RfcVectors.V2_UNPROTECTED_HEADER);
    }

    /** Opens {@code packet}; its header and payload must be those the RFC shows before protection. */
    private void assertOpensTheRfcPacket(byte[] packet, QuicVersion version, byte[] unprotectedHeader) {
        assertTrue(header.parse(packet, 0, packet.length));
        assertEquals(QuicPacketType.INITIAL, header.type(), "type bits 00 in v1, 01 in v2");
        QuicInitialKeys keys = QuicInitialKeys.client(version, RfcVectors.DCID, 0, 8, hkdf);

        assertEquals(InitialPacketProtection.OPENED, protection.open(packet, header, keys, -1));

        assertArrayEquals(unprotectedHeader, protection.unprotectedHeader());
        assertEquals(unprotectedHeader[0] & 0xff, protection.unprotectedFirstByte());
        assertEquals(RfcVectors.PACKET_NUMBER, protection.packetNumber());
        assertArrayEquals(RfcVectors.payload(),
                Arrays.copyOf(protection.plaintext(), protection.plaintextLength()));
    }

    @Test
    void leavesTheCallersBytesAsTheyWere() {
        byte[] packet = RfcVectors.v1Packet();
        header.parse(packet, 0, packet.length);
        protection.open(packet, header, QuicInitialKeys.client(QuicVersion.V1, RfcVectors.DCID, 0, 8, hkdf), -1);

        assertArrayEquals(RfcVectors.v1Packet(), packet);
    }

    @Test
    void wrongKeysFailTheTagInsteadOfThrowing() {
        byte[] packet = RfcVectors.v1Packet();
        header.parse(packet, 0, packet.length);

        assertEquals(InitialPacketProtection.FAILED, protection.open(packet, header,
                QuicInitialKeys.client(QuicVersion.V2, RfcVectors.DCID, 0, 8, hkdf), -1));
        assertEquals(InitialPacketProtection.FAILED, protection.open(packet, header,
                QuicInitialKeys.client(QuicVersion.V1, new byte[8], 0, 8, hkdf), -1));
    }

    @Test
    void aPacketTooShortToSampleIsNotOpened() {
        byte[] packet = RfcVectors.v1Packet();
        header.parse(packet, 0, packet.length);
        int pnOffset = header.packetNumberOffset();
        byte[] cut = Arrays.copyOf(packet, pnOffset + 4 + 15);
        cut[pnOffset - 2] = 0x40;
        cut[pnOffset - 1] = 19;
        assertTrue(header.parse(cut, 0, cut.length));

        assertEquals(InitialPacketProtection.TOO_SHORT, protection.open(cut, header,
                QuicInitialKeys.client(QuicVersion.V1, RfcVectors.DCID, 0, 8, hkdf), -1));
    }

    @Test
    void packetNumbersAreRecoveredAsRfc9000AppendixA3Shows() {
        assertEquals(0xa82f9b32L, InitialPacketProtection.decodePacketNumber(0xa82f30eaL, 0x9b32, 16));
        assertEquals(2, InitialPacketProtection.decodePacketNumber(-1, 2, 32), "the first packet: no history");
        assertEquals(0x100, InitialPacketProtection.decodePacketNumber(0xff, 0x00, 8), "one byte wraps forward");
        assertEquals(0xff, InitialPacketProtection.decodePacketNumber(0x100, 0xff, 8), "a late packet stays behind");
        assertEquals(5, InitialPacketProtection.decodePacketNumber(3, 5, 8));
    }
}
