package io.tlswatch.analyzer.quic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The tests' packet writer protects as RFC 9001 A.2 and RFC 9369 A.2 do, to the byte. */
class QuicPacketWriterTest {
    private final QuicPacketWriter writer = new QuicPacketWriter();

    @Test
    void writesTheVersion1ClientInitialOfRfc9001() {
        assertArrayEquals(RfcVectors.v1Packet(), writer.clientInitial(QuicLayout.VERSION_1, RfcVectors.DCID,
                new byte[0], new byte[0], RfcVectors.PACKET_NUMBER, 4, RfcVectors.payload()));
    }

    @Test
    void writesTheVersion2ClientInitialOfRfc9369() {
        assertArrayEquals(RfcVectors.v2Packet(), writer.clientInitial(QuicLayout.VERSION_2, RfcVectors.DCID,
                new byte[0], new byte[0], RfcVectors.PACKET_NUMBER, 4, RfcVectors.payload()));
    }

    @Test
    void varIntsUseTheShortestEncodingsOfRfc9000Section16() {
        assertArrayEquals(new byte[] {0x25}, QuicPacketWriter.varInt(37));
        assertArrayEquals(new byte[] {0x7b, (byte) 0xbd}, QuicPacketWriter.varInt(15293));
        assertArrayEquals(new byte[] {(byte) 0x9d, 0x7f, 0x3e, 0x7d}, QuicPacketWriter.varInt(494878333));
        assertArrayEquals(new byte[] {(byte) 0xc2, 0x19, 0x7c, 0x5e, (byte) 0xff, 0x14, (byte) 0xe8, (byte) 0x8c},
                QuicPacketWriter.varInt(151288809941952652L));
    }
}
