package io.tlswatch.analyzer.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.synth.TlsBytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Handshake messages as a stream of their own across records, RFC 8446 §5.1. */
class HandshakeAssemblerTest {
    private final List<String> seen = new ArrayList<>();
    private final List<byte[]> arrays = new ArrayList<>();
    private final HandshakeAssembler.Sink sink = new HandshakeAssembler.Sink() {
        @Override
        public void onMessage(int type, byte[] b, int off, int len) {
            seen.add(type + ":" + len);
            arrays.add(b);
        }

        @Override
        public void onOversizedMessage(int type, int claimedLength) {
            seen.add("oversized " + type + ":" + claimedLength);
        }
    };

    /** The three handshake messages of record 3 of arkime/ssl-selfsign.pcap's server plus a fourth. */
    private final byte[] record = Vectors.recordBody(Vectors.stream("ssl3-server"), 2);

    @Test
    void messagesInsideOneRecordAreHandedOutInPlace() {
        HandshakeAssembler assembler = new HandshakeAssembler(TlsLimits.DEFAULT);

        assembler.append(record, 0, record.length, sink);

        assertEquals(List.of("13:48", "14:0"), seen, "certificate_request, server_hello_done");
        assertSame(record, arrays.get(0), "no copy");
        assertEquals(0, assembler.bufferCapacity());
        assertFalse(assembler.inMessage());
    }

    @Test
    void messageAcrossRecordsIsDeliveredWholeOnce() {
        HandshakeAssembler assembler = new HandshakeAssembler(TlsLimits.DEFAULT);
        for (int i = 0; i < record.length; i++) {
            assembler.append(record, i, 1, sink);
        }
        assertEquals(List.of("13:48", "14:0"), seen);
    }

    @Test
    void claimedLengthAllocatesNothingBeyondTheBytesThatArrive() {
        HandshakeAssembler assembler = new HandshakeAssembler(TlsLimits.DEFAULT);
        byte[] start = {HandshakeLayout.CERTIFICATE, 0x07, (byte) 0xff, (byte) 0xff, 1, 2, 3, 4, 5, 6};

        assembler.append(start, 0, start.length, sink);

        assertTrue(assembler.inMessage());
        assertTrue(assembler.bufferCapacity() <= 4096, "a 512 KiB claim with 10 bytes behind it");
        assertEquals(List.of(), seen);
    }

    @Test
    void oversizedMessageIsSkippedAndTheNextOneRead() {
        HandshakeAssembler assembler = new HandshakeAssembler(new TlsLimits(1024, 1024));
        byte[] big = TlsBytes.handshake(HandshakeLayout.SERVER_KEY_EXCHANGE, new byte[5000]);
        byte[] both = TlsBytes.concat(big, record);
        for (int i = 0; i < both.length; i += 700) {
            assembler.append(both, i, Math.min(700, both.length - i), sink);
        }
        assertEquals(List.of("oversized 12:5000", "13:48", "14:0"), seen);
        assertTrue(assembler.bufferCapacity() <= 4096);
    }

    @Test
    void headerSplitAcrossRecordsIsReassembled() {
        HandshakeAssembler assembler = new HandshakeAssembler(TlsLimits.DEFAULT);
        assembler.append(record, 0, 2, sink);
        assembler.append(record, 2, 1, sink);
        assembler.append(record, 3, record.length - 3, sink);
        assertEquals(List.of("13:48", "14:0"), seen);
        assertArrayEquals(Arrays.copyOfRange(record, 4, 52), Arrays.copyOfRange(arrays.get(0), 4, 52));
    }

    @Test
    void resetForgetsAPartialMessageAndALargeBuffer() {
        HandshakeAssembler assembler = new HandshakeAssembler(TlsLimits.DEFAULT);
        byte[] large = TlsBytes.handshake(HandshakeLayout.CERTIFICATE, new byte[200_000]);
        assembler.append(large, 0, 100_000, sink);
        assertTrue(assembler.bufferCapacity() >= 100_000);

        assembler.reset();

        assertFalse(assembler.inMessage());
        assertEquals(0, assembler.bufferCapacity(), "a buffer grown past the ordinary bound is let go");
        assembler.append(record, 0, record.length, sink);
        assertEquals(List.of("13:48", "14:0"), seen);
    }
}
