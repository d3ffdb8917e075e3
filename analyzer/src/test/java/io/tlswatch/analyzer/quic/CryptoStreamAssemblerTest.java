package io.tlswatch.analyzer.quic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The CRYPTO stream put back together: order, overlaps, the bound, and what is not a ClientHello. */
class CryptoStreamAssemblerTest {
    private static final int BOUND = 4096;
    private final CryptoStreamAssembler stream = new CryptoStreamAssembler(BOUND);
    private final byte[] hello = RfcVectors.clientHelloMessage();

    @Test
    void aHelloInOnePieceIsCompleteAtOnce() {
        assertTrue(stream.add(0, hello, 0, hello.length));

        assertEquals(CryptoStreamAssembler.COMPLETE, stream.state());
        assertEquals(hello.length - 4, stream.messageBodyLength());
        assertArrayEquals(hello, Arrays.copyOf(stream.buffer(), hello.length));
    }

    @Test
    void piecesInAnyOrderCompleteWhenTheGapCloses() {
        stream.add(200, hello, 200, hello.length - 200);
        assertEquals(CryptoStreamAssembler.NEED_MORE, stream.state(), "nothing at offset 0 yet");
        stream.add(0, hello, 0, 100);
        assertEquals(CryptoStreamAssembler.NEED_MORE, stream.state());
        assertEquals(100, stream.contiguousBytes());

        stream.add(100, hello, 100, 100);

        assertEquals(CryptoStreamAssembler.COMPLETE, stream.state());
        assertEquals(hello.length, stream.contiguousBytes());
        assertArrayEquals(hello, Arrays.copyOf(stream.buffer(), hello.length));
    }

    @Test
    void whereCopiesOverlapTheFirstOneWins() {
        byte[] other = new byte[hello.length];
        Arrays.fill(other, (byte) 0x77);
        stream.add(0, hello, 0, 50);

        stream.add(0, other, 0, 100);
        stream.add(100, hello, 100, hello.length - 100);

        byte[] expected = hello.clone();
        Arrays.fill(expected, 50, 100, (byte) 0x77);
        assertArrayEquals(expected, Arrays.copyOf(stream.buffer(), hello.length));
    }

    @Test
    void anEmptyFrameChangesNothing() {
        assertTrue(stream.add(123, hello, 0, 0));

        assertEquals(0, stream.contiguousBytes());
        assertEquals(CryptoStreamAssembler.NEED_MORE, stream.state());
    }

    @Test
    void bytesAtOrPastTheBoundAreDroppedAndTheRestKept() {
        byte[] data = new byte[20];
        Arrays.fill(data, (byte) 1);

        assertFalse(stream.add(BOUND, data, 0, 20));
        assertFalse(stream.add(BOUND - 10, data, 0, 20));
        assertFalse(stream.add(QuicLayout.MAX_VARINT - 20, data, 0, 20));
        assertTrue(stream.add(BOUND - 30, data, 0, 20));

        assertEquals(BOUND, stream.buffer().length, "grown to the bound, not past it");
        assertEquals(1, stream.buffer()[BOUND - 1]);
    }

    @Test
    void aFarOffsetDoesNotAllocateBeyondIt() {
        stream.add(3000, hello, 0, 10);

        assertEquals(3010, stream.buffer().length);
    }

    @Test
    void aStreamStartingWithAnotherMessageTypeIsNotAClientHelloFromItsFirstByte() {
        byte[] serverHello = {2};

        stream.add(0, serverHello, 0, 1);

        assertEquals(CryptoStreamAssembler.NOT_CLIENT_HELLO, stream.state());
    }

    @Test
    void aClaimLargerThanTheBoundIsTooLarge() {
        byte[] header = {1, 0, 0x10, 0x00};

        stream.add(0, header, 0, 4);

        assertEquals(CryptoStreamAssembler.TOO_LARGE, stream.state(), "4096 + 4 bytes cannot fit");
    }

    @Test
    void releaseFreesTheBuffers() {
        stream.add(0, hello, 0, hello.length);

        stream.release();

        assertEquals(null, stream.buffer());
        assertEquals(CryptoStreamAssembler.NEED_MORE, stream.state());
    }
}
