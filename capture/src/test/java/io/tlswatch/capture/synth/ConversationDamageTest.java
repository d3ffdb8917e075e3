package io.tlswatch.capture.synth;

import static io.tlswatch.capture.decode.DecodedPacket.TCP_SYN;
import static io.tlswatch.capture.synth.Decoded.decode;
import static io.tlswatch.capture.synth.TcpConversationTest.CLIENT;
import static io.tlswatch.capture.synth.TcpConversationTest.REQUEST;
import static io.tlswatch.capture.synth.TcpConversationTest.conversation;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.capture.decode.DecodedPacket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Reordering, retransmission, conflicting retransmission, loss and late pickup, as the frames show them. */
class ConversationDamageTest {
    /** Handshake, then REQUEST from the client in 10-byte segments at indexes 3.., then the server's ACK. */
    private static TcpConversation tenByteSegments() {
        return conversation().handshake().segmentSize(10).client(REQUEST);
    }

    @Test
    void indexOfFindsTheSegmentCarryingAStreamByte() {
        TcpConversation c = tenByteSegments();

        assertEquals(3, c.indexOf(Side.CLIENT, 0));
        assertEquals(3, c.indexOf(Side.CLIENT, 9));
        assertEquals(4, c.indexOf(Side.CLIENT, 10));
        assertEquals(-1, c.indexOf(Side.CLIENT, REQUEST.length), "past the data");
        assertEquals(-1, c.indexOf(Side.SERVER, 0), "the server sent no data");
        assertEquals(20, c.streamOffset(5));
    }

    @Test
    void indexOfCountsDataOnASynFromTheFirstStreamByte() {
        TcpConversation c = conversation().segmentSize(10).fastOpen(REQUEST);
        assertEquals(0, c.indexOf(Side.CLIENT, 0));
        assertEquals(0, c.streamOffset(0));
        assertEquals(3, c.indexOf(Side.CLIENT, 10), "after SYN, SYN-ACK and ACK");
    }

    @Test
    void swappedSegmentsArriveOutOfOrderYetTheirSequenceNumbersStillTellTheStream() {
        List<SynthPacket> p = tenByteSegments().swap(3, 4).packets();

        assertEquals(1011, decode(p.get(3)).tcpSeq, "the second segment comes first");
        assertEquals(1001, decode(p.get(4)).tcpSeq);
        assertArrayEquals(REQUEST, bySequence(p, CLIENT.port()));
        assertTrue(p.get(3).timestampNanos() < p.get(4).timestampNanos(), "capture time follows capture order");
    }

    @Test
    void moveDelaysASegment() {
        TcpConversation c = tenByteSegments();
        int last = c.indexOf(Side.CLIENT, REQUEST.length - 1);
        List<SynthPacket> p = c.move(3, last).packets();

        assertEquals(1001, decode(p.get(last)).tcpSeq, "the first segment now arrives after the others");
        assertArrayEquals(REQUEST, bySequence(p, CLIENT.port()));
    }

    @Test
    void aRetransmissionRepeatsTheSegmentRightAfterIt() {
        TcpConversation c = tenByteSegments();
        int before = c.size();
        List<SynthPacket> p = c.retransmit(4).packets();

        assertEquals(before + 1, p.size());
        assertEquals(decode(p.get(4)).tcpSeq, decode(p.get(5)).tcpSeq);
        assertArrayEquals(Decoded.payload(p.get(4)), Decoded.payload(p.get(5)));
        assertArrayEquals(Arrays.copyOfRange(REQUEST, 10, 20), Decoded.payload(p.get(5)));
    }

    @Test
    void aConflictingRetransmissionHasTheSameSequenceNumberAndOtherBytes() {
        byte[] other = "XXXXXXXXXX".getBytes(StandardCharsets.US_ASCII);
        List<SynthPacket> p = tenByteSegments().retransmit(4, other).packets();

        assertEquals(1011, decode(p.get(5)).tcpSeq);
        assertArrayEquals(other, Decoded.payload(p.get(5)));
        assertArrayEquals(Arrays.copyOfRange(REQUEST, 10, 20), Decoded.payload(p.get(4)), "the first copy is unchanged");
        assertTrue(Decoded.tcpChecksumVerifies(p.get(5)), "the checksum covers the new bytes");
    }

    @Test
    void aDroppedSegmentLeavesAHoleInTheSequenceSpace() {
        List<SynthPacket> p = tenByteSegments().drop(4).packets();

        assertEquals(1001, decode(p.get(3)).tcpSeq);
        assertEquals(1021, decode(p.get(4)).tcpSeq, "bytes 10 to 19 never appear");
        byte[] seen = Decoded.streamFrom(p, CLIENT.port());
        assertEquals(REQUEST.length - 10, seen.length);
    }

    @Test
    void pickingUpLateLosesEverythingBefore() {
        TcpConversation c = tenByteSegments();
        List<SynthPacket> p = c.pickUpAt(c.indexOf(Side.CLIENT, 20)).packets();

        DecodedPacket first = decode(p.get(0));
        assertFalse(first.hasTcpFlag(TCP_SYN));
        assertEquals(1021, first.tcpSeq);
        assertEquals(TcpConversation.DEFAULT_START_NANOS, p.get(0).timestampNanos(), "the capture starts there");
    }

    @Test
    void aPauseStaysWithThePacketItPrecedesButACopyDoesNotRepeatIt() {
        TcpConversation c = conversation().startAt(0).timeStep(1).handshake().pause(100).client(REQUEST);
        List<SynthPacket> p = c.retransmit(3).packets();

        assertEquals(2 + 1 + 100, p.get(3).timestampNanos());
        assertEquals(104, p.get(4).timestampNanos(), "the retransmission follows one step later");
    }

    /** A side's payload put together by sequence number (each byte from its first copy), as a receiver would. */
    static byte[] bySequence(List<SynthPacket> packets, int port) {
        TreeMap<Long, byte[]> bySeq = new TreeMap<>();
        for (SynthPacket p : packets) {
            DecodedPacket d = decode(p);
            if (d.srcPort == port && d.payloadLength > 0) {
                bySeq.putIfAbsent(d.tcpSeq, Decoded.payload(p));
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        bySeq.values().forEach(out::writeBytes);
        return out.toByteArray();
    }
}
