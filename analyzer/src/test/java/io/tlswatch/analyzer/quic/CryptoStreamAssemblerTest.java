package io.tlswatch.analyzer.quic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.tls.HandshakeLayout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A CRYPTO stream put back together: order, overlaps, the bound, what is not a hello, and the
 * hellos that follow one another in it (a second ClientHello, a ServerHello after an HRR).
 */
class CryptoStreamAssemblerTest {
    private static final int BOUND = 4096;
    private final CryptoStreamAssembler stream = new CryptoStreamAssembler(BOUND, HandshakeLayout.CLIENT_HELLO);
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

        assertEquals(CryptoStreamAssembler.UNEXPECTED_TYPE, stream.state());
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

    @Test
    void theNextHelloIsReadFromWhereTheFirstEnds() {
        byte[] second = TestHellos.hrrSecondClientHello();
        stream.add(0, hello, 0, hello.length);
        stream.next();

        assertEquals(hello.length, stream.messageOffset());
        assertEquals(null, stream.buffer(), "nothing after the first hello yet: the buffer is freed");
        assertEquals(CryptoStreamAssembler.NEED_MORE, stream.state());

        stream.add(hello.length + 100, second, 100, second.length - 100);
        stream.add(hello.length, second, 0, 100);

        assertEquals(CryptoStreamAssembler.COMPLETE, stream.state());
        assertArrayEquals(second, Arrays.copyOf(stream.buffer(), second.length));
    }

    @Test
    void bytesOfTheNextHelloThatCameEarlyAreKept() {
        byte[] second = TestHellos.hrrSecondClientHello();
        stream.add(hello.length + 50, second, 50, second.length - 50);
        stream.add(0, hello, 0, hello.length);

        stream.next();
        assertEquals(CryptoStreamAssembler.NEED_MORE, stream.state(), "its first 50 bytes are missing");
        stream.add(hello.length, second, 0, 50);

        assertEquals(CryptoStreamAssembler.COMPLETE, stream.state());
        assertArrayEquals(second, Arrays.copyOf(stream.buffer(), second.length));
    }

    @Test
    void aRetransmissionOfAHelloAlreadyReadIsIgnored() {
        stream.add(0, hello, 0, hello.length);
        stream.next();

        assertTrue(stream.add(0, hello, 0, hello.length));
        assertTrue(stream.add(10, hello, 0, hello.length - 10));

        assertEquals(null, stream.buffer(), "nothing past the first hello: nothing kept");
        assertEquals(CryptoStreamAssembler.NEED_MORE, stream.state());
    }

    @Test
    void aFrameAcrossTheEndOfTheFirstHelloFeedsTheNextOne() {
        byte[] second = TestHellos.hrrSecondClientHello();
        byte[] both = QuicPacketWriter.concat(hello, second);
        stream.add(0, both, 0, hello.length - 10);
        stream.add(hello.length - 10, both, hello.length - 10, both.length - hello.length + 10);

        assertEquals(CryptoStreamAssembler.COMPLETE, stream.state());
        stream.next();

        assertEquals(CryptoStreamAssembler.COMPLETE, stream.state());
        assertArrayEquals(second, Arrays.copyOf(stream.buffer(), second.length));
    }

    @Test
    void theBoundIsOnStreamOffsetsNotOnEachHello() {
        byte[] big = new byte[3000];
        big[0] = HandshakeLayout.CLIENT_HELLO;
        big[2] = (byte) ((3000 - 4) >>> 8);
        big[3] = (byte) (3000 - 4);
        stream.add(0, big, 0, big.length);
        stream.next();
        byte[] header = {1, 0, 0x05, 0x00};

        stream.add(3000, header, 0, 4);

        assertEquals(CryptoStreamAssembler.TOO_LARGE, stream.state(), "3000 + 1284 bytes pass 4096");
    }
}
