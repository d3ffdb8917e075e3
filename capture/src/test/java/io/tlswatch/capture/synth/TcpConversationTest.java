package io.tlswatch.capture.synth;

import static io.tlswatch.capture.decode.DecodedPacket.TCP_ACK;
import static io.tlswatch.capture.decode.DecodedPacket.TCP_FIN;
import static io.tlswatch.capture.decode.DecodedPacket.TCP_PSH;
import static io.tlswatch.capture.decode.DecodedPacket.TCP_RST;
import static io.tlswatch.capture.decode.DecodedPacket.TCP_SYN;
import static io.tlswatch.capture.synth.Decoded.decode;
import static io.tlswatch.capture.synth.Decoded.mapped;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.capture.decode.DecodedPacket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packets a conversation writes, read back by {@link io.tlswatch.capture.decode.StandardPacketDecoder}. */
class TcpConversationTest {
    static final TcpEndpoint CLIENT = TcpEndpoint.of("192.168.6.217", 50020);
    static final TcpEndpoint SERVER = TcpEndpoint.of("67.207.128.99", 443);
    static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] RESPONSE = "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    static TcpConversation conversation() {
        return TcpConversation.between(CLIENT, SERVER).initialSequenceNumbers(1000, 4_000_000_000L);
    }

    @Test
    void handshakeIsSynSynAckAckWithTheSequenceNumbersOfRfc9293() {
        List<SynthPacket> p = conversation().handshake().packets();

        assertEquals(3, p.size());
        DecodedPacket syn = decode(p.get(0));
        DecodedPacket synAck = decode(p.get(1));
        DecodedPacket ack = decode(p.get(2));
        assertAll(
                () -> assertEquals(TCP_SYN, syn.tcpFlags),
                () -> assertEquals(1000, syn.tcpSeq),
                () -> assertEquals(0, syn.tcpAck, "no ACK flag, no acknowledgement number"),
                () -> assertEquals(TCP_SYN | TCP_ACK, synAck.tcpFlags),
                () -> assertEquals(4_000_000_000L, synAck.tcpSeq),
                () -> assertEquals(1001, synAck.tcpAck),
                () -> assertEquals(TCP_ACK, ack.tcpFlags),
                () -> assertEquals(1001, ack.tcpSeq),
                () -> assertEquals(4_000_000_001L, ack.tcpAck));
    }

    @Test
    void ipv4EndpointsPortsWindowAndTtlAreWhereTheDecoderLooks() {
        DecodedPacket syn = decode(conversation().window(29200).handshake().packets().get(0));
        DecodedPacket synAck = decode(conversation().handshake().packets().get(1));

        assertAll(
                () -> assertEquals(4, syn.ipVersion),
                () -> assertEquals(14, syn.ipOffset, "untagged Ethernet"),
                () -> assertEquals(mapped(192, 168, 6, 217), syn.srcAddrLo),
                () -> assertEquals(mapped(67, 207, 128, 99), syn.dstAddrLo),
                () -> assertEquals(50020, syn.srcPort),
                () -> assertEquals(443, syn.dstPort),
                () -> assertEquals(29200, syn.tcpWindow),
                () -> assertEquals(64, syn.ttl),
                () -> assertEquals(0, syn.vlanId),
                () -> assertEquals(443, synAck.srcPort, "the server answers from its port"),
                () -> assertEquals(mapped(67, 207, 128, 99), synAck.srcAddrLo));
    }

    @Test
    void ipv6WithAVlanTag() {
        TcpConversation c = TcpConversation.between(TcpEndpoint.of("2001:db8::10", 40000),
                TcpEndpoint.of("2001:db8:1::443", 8443)).vlan(100).handshake().client(REQUEST);
        List<SynthPacket> p = c.packets();

        DecodedPacket data = decode(p.get(3));
        assertAll(
                () -> assertEquals(6, data.ipVersion),
                () -> assertEquals(100, data.vlanId),
                () -> assertEquals(18, data.ipOffset, "Ethernet and one 802.1Q tag"),
                () -> assertEquals(0x20010db800000000L, data.srcAddrHi),
                () -> assertEquals(0x10, data.srcAddrLo),
                () -> assertEquals(0x20010db800010000L, data.dstAddrHi),
                () -> assertEquals(0x443, data.dstAddrLo),
                () -> assertEquals(8443, data.dstPort),
                () -> assertEquals(64, data.ttl, "hop limit"),
                () -> assertArrayEquals(REQUEST, Decoded.payload(p.get(3))));
        assertTrue(p.stream().allMatch(Decoded::tcpChecksumVerifies));
    }

    @Test
    void dataIsCutIntoSegmentsOfTheChosenSizeWithPshOnTheLast() {
        List<SynthPacket> p = conversation().handshake().segmentSize(10).client(REQUEST).packets();

        int segments = (REQUEST.length + 9) / 10;
        assertEquals(3 + segments + 1, p.size(), "handshake, the segments, the server's ACK");
        long seq = 1001;
        for (int i = 0; i < segments; i++) {
            DecodedPacket d = decode(p.get(3 + i));
            int expectedLength = Math.min(10, REQUEST.length - i * 10);
            assertEquals(seq, d.tcpSeq, "segment " + i);
            assertEquals(4_000_000_001L, d.tcpAck, "segment " + i + " acknowledges the SYN-ACK");
            assertEquals(expectedLength, d.payloadLength, "segment " + i);
            assertEquals(i == segments - 1, d.hasTcpFlag(TCP_PSH), "PSH only on the last, segment " + i);
            seq += expectedLength;
        }
        DecodedPacket serverAck = decode(p.get(3 + segments));
        assertEquals(TCP_ACK, serverAck.tcpFlags);
        assertEquals(1001 + REQUEST.length, serverAck.tcpAck);
        assertArrayEquals(REQUEST, Decoded.streamFrom(p, CLIENT.port()));
    }

    @Test
    void eachSideAcknowledgesWhatThePeerSent() {
        List<SynthPacket> p = conversation().handshake().client(REQUEST).server(RESPONSE).packets();

        DecodedPacket response = decode(p.get(5));
        assertEquals(4_000_000_001L, response.tcpSeq);
        assertEquals(1001 + REQUEST.length, response.tcpAck);
        DecodedPacket clientAck = decode(p.get(6));
        assertEquals(1001 + REQUEST.length, clientAck.tcpSeq);
        assertEquals(4_000_000_001L + RESPONSE.length, clientAck.tcpAck);
    }

    @Test
    void aSendLargerThanThePeersWindowIsAcknowledgedOnTheWay() {
        byte[] big = new byte[5000];
        List<Segment> s = conversation().acknowledgeSends(true).window(2000).segmentSize(1000).handshake()
                .server(big).segments();

        List<Segment> afterHandshake = s.subList(3, s.size());
        long clientAcks = afterHandshake.stream().filter(x -> x.from() == Side.CLIENT).count();
        assertEquals(3, clientAcks, "after 2000 and 4000 bytes, and at the end");
        assertEquals(Side.CLIENT, afterHandshake.get(2).from());
        assertEquals(4_000_000_001L + 2000, afterHandshake.get(2).ack());
    }

    @Test
    void withoutAcknowledgementsOnlyTheDataIsSent() {
        List<Segment> s = conversation().acknowledgeSends(false).handshake().client(REQUEST).server(RESPONSE)
                .segments();
        assertEquals(5, s.size());
    }

    @Test
    void closeIsFinFinAckAckAndEachFinTakesOneSequenceNumber() {
        List<SynthPacket> p = conversation().handshake().client(REQUEST).close().packets();

        DecodedPacket clientFin = decode(p.get(5));
        DecodedPacket serverFin = decode(p.get(6));
        DecodedPacket lastAck = decode(p.get(7));
        assertEquals(8, p.size());
        assertAll(
                () -> assertEquals(TCP_FIN | TCP_ACK, clientFin.tcpFlags),
                () -> assertEquals(1001 + REQUEST.length, clientFin.tcpSeq),
                () -> assertEquals(TCP_FIN | TCP_ACK, serverFin.tcpFlags),
                () -> assertEquals(1001 + REQUEST.length + 1, serverFin.tcpAck, "acknowledges the client's FIN"),
                () -> assertEquals(TCP_ACK, lastAck.tcpFlags),
                () -> assertEquals(1001 + REQUEST.length + 1, lastAck.tcpSeq),
                () -> assertEquals(4_000_000_002L, lastAck.tcpAck, "acknowledges the server's FIN"));
    }

    @Test
    void resetEndsBothSides() {
        TcpConversation c = conversation().handshake().client(REQUEST).reset(Side.SERVER);

        DecodedPacket rst = decode(c.packets().get(5));
        assertEquals(TCP_RST | TCP_ACK, rst.tcpFlags);
        assertEquals(4_000_000_001L, rst.tcpSeq);
        assertEquals(1001 + REQUEST.length, rst.tcpAck);
        assertThrows(IllegalStateException.class, () -> c.client(REQUEST));
        assertThrows(IllegalStateException.class, () -> c.server(RESPONSE));
    }

    @Test
    void fastOpenPutsTheFirstSegmentOnTheSynAndTheSynAckAcknowledgesIt() {
        List<SynthPacket> p = conversation().segmentSize(20).fastOpen(REQUEST).packets();

        DecodedPacket syn = decode(p.get(0));
        assertEquals(TCP_SYN, syn.tcpFlags);
        assertEquals(1000, syn.tcpSeq);
        assertArrayEquals(Arrays.copyOf(REQUEST, 20), Decoded.payload(p.get(0)));
        assertEquals(1021, decode(p.get(1)).tcpAck, "SYN and 20 data bytes acknowledged");
        DecodedPacket rest = decode(p.get(3));
        assertEquals(1021, rest.tcpSeq);
        assertArrayEquals(REQUEST, Decoded.streamFrom(p, CLIENT.port()));
    }

    @Test
    void withoutAHandshakeTheCaptureStartsWithData() {
        List<SynthPacket> p = conversation().server(RESPONSE).packets();

        DecodedPacket first = decode(p.get(0));
        assertFalse(first.hasTcpFlag(TCP_SYN));
        assertEquals(4_000_000_001L, first.tcpSeq, "as if a handshake had been");
        assertEquals(1001, first.tcpAck);
    }

    @Test
    void sequenceNumbersWrapAt32Bits() {
        List<SynthPacket> p = TcpConversation.between(CLIENT, SERVER).initialSequenceNumbers(0xffff_fff0L, 7)
                .handshake().segmentSize(10).client(REQUEST).packets();

        assertEquals(0xffff_fff1L, decode(p.get(3)).tcpSeq);
        assertEquals(0xffff_fffbL, decode(p.get(4)).tcpSeq);
        assertEquals(0x0000_0005L, decode(p.get(5)).tcpSeq, "0xfffffff1 + 20, modulo 2^32");
        assertArrayEquals(REQUEST, Decoded.streamFrom(p, CLIENT.port()));
    }

    @Test
    void everyChecksumVerifiesAndOneBrokenByteIsSeen() {
        List<SynthPacket> p = conversation().handshake().segmentSize(7).client(REQUEST).server(RESPONSE).close()
                .packets();

        for (SynthPacket packet : p) {
            assertTrue(Decoded.ipv4HeaderChecksumVerifies(packet), packet.toString());
            assertTrue(Decoded.tcpChecksumVerifies(packet), packet.toString());
        }
        SynthPacket odd = p.get(3);
        byte[] broken = odd.frame().clone();
        broken[broken.length - 1] ^= 0x01;
        assertFalse(Decoded.tcpChecksumVerifies(new SynthPacket(0, broken)), "the check sees a changed payload byte");
        broken = odd.frame().clone();
        broken[14 + 8] ^= 0x01;
        assertFalse(Decoded.ipv4HeaderChecksumVerifies(new SynthPacket(0, broken)), "and a changed TTL");
    }

    @Test
    void ipv4IdentificationCountsUpPerSender() {
        List<SynthPacket> p = conversation().handshake().packets();
        int clientFirst = (p.get(0).frame()[18] & 0xff) << 8 | (p.get(0).frame()[19] & 0xff);
        int clientSecond = (p.get(2).frame()[18] & 0xff) << 8 | (p.get(2).frame()[19] & 0xff);
        assertEquals(clientFirst + 1, clientSecond);
        assertEquals(0x40, p.get(0).frame()[20] & 0xff, "don't fragment");
    }

    @Test
    void timeAdvancesByTheStepAndByPauses() {
        TcpConversation c = conversation().startAt(5_000).timeStep(10).handshake().pause(1_000).client(REQUEST);
        List<SynthPacket> p = c.packets();

        assertEquals(5_000, p.get(0).timestampNanos());
        assertEquals(5_010, p.get(1).timestampNanos());
        assertEquals(5_020, p.get(2).timestampNanos());
        assertEquals(6_030, p.get(3).timestampNanos(), "the pause goes before the next packet built");
        assertEquals(6_040, p.get(4).timestampNanos());
        assertEquals(6_040, c.endNanos());
    }

    @Test
    void misuseIsRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class,
                () -> TcpConversation.between(CLIENT, TcpEndpoint.of("2001:db8::1", 443)));
        assertThrows(IllegalArgumentException.class, () -> conversation().segmentSize(0));
        assertThrows(IllegalArgumentException.class, () -> conversation().segmentSize(65_496));
        assertThrows(IllegalArgumentException.class, () -> conversation().vlan(4095));
        assertThrows(IllegalArgumentException.class, () -> conversation().client(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> TcpEndpoint.of("example.com", 443));
        assertThrows(IllegalArgumentException.class, () -> TcpEndpoint.of("10.0.0.1", 65536));
        assertThrows(IllegalStateException.class, () -> conversation().client(REQUEST).handshake());
        assertThrows(IllegalStateException.class, () -> conversation().fin(Side.CLIENT).client(REQUEST));
    }

    @Test
    void theLargestSegmentFitsOneIpv4Datagram() {
        byte[] big = new byte[65_495];
        SynthPacket p = conversation().acknowledgeSends(false).segmentSize(65_495).client(big).packets().get(0);

        DecodedPacket d = decode(p);
        assertEquals(65_495, d.payloadLength);
        assertEquals(0xffff, (p.frame()[16] & 0xff) << 8 | (p.frame()[17] & 0xff), "IPv4 total length");
        assertTrue(Decoded.tcpChecksumVerifies(p));
    }
}
