package io.tlswatch.analyzer.quic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.tlswatch.testkit.Hex;
import org.junit.jupiter.api.Test;

/** The tests' packet writer protects as RFC 9001 and RFC 9369 (A.2, A.3, A.4) do, to the byte. */
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
    void writesTheServerInitialsOfRfc9001AndRfc9369() {
        assertArrayEquals(RfcVectors.v1ServerPacket(), writer.serverInitial(QuicLayout.VERSION_1, RfcVectors.DCID,
                new byte[0], RfcVectors.SERVER_SCID, RfcVectors.SERVER_PACKET_NUMBER, 2, RfcVectors.SERVER_FRAMES));
        assertArrayEquals(RfcVectors.v2ServerPacket(), writer.serverInitial(QuicLayout.VERSION_2, RfcVectors.DCID,
                new byte[0], RfcVectors.SERVER_SCID, RfcVectors.SERVER_PACKET_NUMBER, 2, RfcVectors.SERVER_FRAMES));
    }

    @Test
    void writesTheRetriesOfRfc9001AndRfc9369() {
        byte[] scid = Hex.bytes("f067a5502a4262b5");
        byte[] token = Hex.bytes("746f6b656e");

        assertArrayEquals(Hex.bytes("ff000000010008f067a5502a4262b574 6f6b656e04a265ba2eff4d829058fb3f 0f2496ba"),
                QuicPacketWriter.retry(QuicLayout.VERSION_1, 0x0f, RfcVectors.DCID, new byte[0], scid, token));
        assertArrayEquals(Hex.bytes("cf6b3343cf0008f067a5502a4262b574 6f6b656ec8646ce8bfe33952d9555436 65dcc7b6"),
                QuicPacketWriter.retry(QuicLayout.VERSION_2, 0x0f, RfcVectors.DCID, new byte[0], scid, token));
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
