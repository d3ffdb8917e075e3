package io.tlswatch.analyzer.quic;

import static io.tlswatch.analyzer.quic.QuicPacketWriter.concat;
import static io.tlswatch.analyzer.quic.QuicPacketWriter.crypto;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frames an Initial may carry (RFC 9000 §12.4, §19), and what it may not. */
class InitialFrameParserTest {
    private static final byte[] DATA = Hex.bytes("0100000401020304");
    /** PADDING, PING, ACK with one extra range, ACK_ECN, CRYPTO, transport CONNECTION_CLOSE, PADDING. */
    private static final byte[] ALL_ALLOWED = Hex.bytes("""
            00 00 00                    // PADDING x3
            01                          // PING
            02 4102 05 01 00 03 02      // ACK largest 0x102, delay 5, 1 range, first 0, gap 3, length 2
            03 07 00 00 00 01 02 03     // ACK_ECN largest 7, delay 0, no ranges, first 0, ECT0/1/CE
            06 44d2 08 0100000401020304 // CRYPTO offset 1234, 8 bytes
            1c 0a 06 03 626164          // CONNECTION_CLOSE PROTOCOL_VIOLATION in CRYPTO, "bad"
            00 00
            """);

    private final InitialFrameParser parser = new InitialFrameParser();
    private final List<String> seen = new ArrayList<>();
    private final InitialFrameParser.CryptoSink sink = (offset, b, off, len) ->
            seen.add(offset + ":" + Hex.of(Arrays.copyOfRange(b, off, off + len)));

    @Test
    void readsEveryFrameTypeAnInitialMayCarry() {
        assertEquals(InitialFrameParser.OK, parser.parse(ALL_ALLOWED, 0, ALL_ALLOWED.length, sink));

        assertEquals(List.of("1234:0100000401020304"), seen);
    }

    @Test
    void cryptoFramesAreHandedOutInPacketOrder() {
        byte[] frames = concat(crypto(8, DATA, 0, 8), crypto(0, DATA, 0, 8), new byte[] {0x01});

        assertEquals(InitialFrameParser.OK, parser.parse(frames, 0, frames.length, sink));

        assertEquals(List.of("8:0100000401020304", "0:0100000401020304"), seen);
    }

    @Test
    void framesAnInitialMayNotCarryEndThePacket() {
        for (String type : new String[] {"07", "08", "0f", "18", "1d", "1e", "4008", "30"}) {
            seen.clear();
            byte[] frames = concat(crypto(0, DATA, 0, 8), Hex.bytes(type), crypto(8, DATA, 0, 8));

            assertEquals(InitialFrameParser.NOT_ALLOWED, parser.parse(frames, 0, frames.length, sink),
                    "type " + type);
            assertEquals(List.of("0:0100000401020304"), seen, "what came before stays");
        }
    }

    @Test
    void aLongerEncodingOfAnAllowedTypeIsStillThatType() {
        byte[] frames = concat(Hex.bytes("4006"), Arrays.copyOfRange(crypto(0, DATA, 0, 8), 1, 11));

        assertEquals(InitialFrameParser.OK, parser.parse(frames, 0, frames.length, sink));
        assertEquals(List.of("0:0100000401020304"), seen);
    }

    @Test
    void everyCutIsEitherAFrameBoundaryOrMalformed() {
        int[] boundaries = {0, 1, 2, 3, 4, 12, 20, 32, 39, 40, 41};
        for (int cut = 0; cut <= ALL_ALLOWED.length; cut++) {
            seen.clear();
            int result = parser.parse(ALL_ALLOWED, 0, cut, sink);
            boolean boundary = Arrays.binarySearch(boundaries, cut) >= 0;

            assertEquals(cut == 0 ? InitialFrameParser.MALFORMED
                    : boundary ? InitialFrameParser.OK : InitialFrameParser.MALFORMED, result, "cut at " + cut);
            assertTrue(seen.size() <= 1);
        }
    }

    @Test
    void cryptoLongerThanThePacketIsMalformed() {
        byte[] frames = Hex.bytes("06 00 09 0100000401020304");

        assertEquals(InitialFrameParser.MALFORMED, parser.parse(frames, 0, frames.length, sink));
        assertEquals(List.of(), seen);
    }

    @Test
    void cryptoPastTheLargestStreamOffsetIsMalformed() {
        byte[] frames = concat(Hex.bytes("06"), QuicPacketWriter.varInt(QuicLayout.MAX_VARINT - 4), Hex.bytes("08"),
                DATA);

        assertEquals(InitialFrameParser.MALFORMED, parser.parse(frames, 0, frames.length, sink));
    }

    @Test
    void anAckClaimingMoreRangesThanBytesIsMalformedWithoutLooping() {
        byte[] frames = concat(Hex.bytes("02 00 00"), QuicPacketWriter.varInt(QuicLayout.MAX_VARINT), Hex.bytes("00 01 01"));

        assertEquals(InitialFrameParser.MALFORMED, parser.parse(frames, 0, frames.length, sink));
    }

    @Test
    void anEmptyPayloadIsMalformed() {
        assertEquals(InitialFrameParser.MALFORMED, parser.parse(new byte[4], 2, 0, sink));
    }

    @Test
    void readsOnlyItsSliceOfALargerBuffer() {
        byte[] buffer = concat(Hex.bytes("ffff"), crypto(0, DATA, 0, 8), Hex.bytes("08 08 08"));

        assertEquals(InitialFrameParser.OK, parser.parse(buffer, 2, 11, sink));
        assertArrayEquals(new Object[] {"0:0100000401020304"}, seen.toArray());
    }
}
