package io.tlswatch.capture.decode;

import static io.tlswatch.capture.decode.Frames.TCP_ACK;
import static io.tlswatch.capture.decode.Frames.concat;
import static io.tlswatch.capture.decode.Frames.ethernet;
import static io.tlswatch.capture.decode.Frames.extension;
import static io.tlswatch.capture.decode.Frames.fragmentHeader;
import static io.tlswatch.capture.decode.Frames.ipv4;
import static io.tlswatch.capture.decode.Frames.ipv6;
import static io.tlswatch.capture.decode.Frames.mplsLabel;
import static io.tlswatch.capture.decode.Frames.udp;
import static io.tlswatch.capture.decode.Frames.vlanTag;
import static io.tlswatch.capture.decode.Vectors.decode;
import static io.tlswatch.capture.decode.Vectors.mapped;
import static io.tlswatch.capture.decode.Vectors.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.capture.LinkType;
import io.tlswatch.testkit.Hex;
import org.junit.jupiter.api.Test;

/** Encapsulations, options, extension headers and fragments built field by field around a real TCP header. */
class EncapsulationDecodingTest {
    private static final byte[] IPV4_TCP = ipv4(6, TCP_ACK);

    @Test
    void ipv4OptionsAreSkipped() {
        byte[] options = Hex.bytes("01 01 01 00"); // NOP NOP NOP EOL
        DecodedPacket p = decode(record(LinkType.RAW, ipv4(6, options, 0, TCP_ACK)), DecodeOutcome.TCP);
        assertEquals(24, p.transportOffset);
        assertEquals(15057, p.srcPort);
        assertEquals(mapped("10.0.0.1"), p.srcAddrLo);
    }

    @Test
    void ipv4FragmentsAreCountedNotDecodedButDontFragmentIsNoFragment() {
        decode(record(LinkType.RAW, ipv4(6, new byte[0], 0x2000, TCP_ACK)), DecodeOutcome.IP_FRAGMENT);
        DecodedPacket later = decode(record(LinkType.RAW, ipv4(6, new byte[0], 0x00b9, TCP_ACK)), DecodeOutcome.IP_FRAGMENT);
        assertEquals(mapped("10.0.0.2"), later.dstAddrLo, "a fragment still names its addresses");
        decode(record(LinkType.RAW, ipv4(6, new byte[0], 0x4000, TCP_ACK)), DecodeOutcome.TCP);
    }

    @Test
    void ipv4HeaderShorterThanFiveWordsOrLongerThanTotalLengthIsBad() {
        byte[] p = ipv4(6, TCP_ACK);
        p[0] = 0x44;
        decode(record(LinkType.RAW, p), DecodeOutcome.BAD_IP_HEADER);
        byte[] q = ipv4(6, TCP_ACK);
        q[3] = 16; // total length 16 < header length 20
        decode(record(LinkType.RAW, q), DecodeOutcome.BAD_IP_HEADER);
    }

    @Test
    void ipv4TotalLengthZeroMeansToTheEndOfTheFrame() {
        byte[] p = ipv4(6, concat(TCP_ACK, new byte[100]));
        p[2] = 0;
        p[3] = 0;
        DecodedPacket d = decode(record(LinkType.RAW, p), DecodeOutcome.TCP);
        assertEquals(100, d.payloadLength);
        assertEquals(100, d.payloadLengthOnWire);
    }

    @Test
    void ipv6ExtensionHeadersAreFollowedToTcp() {
        // hop-by-hop -> routing -> destination options -> TCP
        byte[] packet = ipv6(0, extension(43, extension(60, extension(6, TCP_ACK))));
        DecodedPacket d = decode(record(LinkType.IPV6, packet), DecodeOutcome.TCP);
        assertEquals(6, d.ipProtocol);
        assertEquals(40 + 24, d.transportOffset);
        assertEquals(0x20010db800000000L, d.srcAddrHi);
        assertEquals(1, d.srcAddrLo);
        assertEquals(15057, d.srcPort);
    }

    @Test
    void ipv6FragmentHeaderIsAFragmentUnlessAtomic() {
        decode(record(LinkType.IPV6, ipv6(44, fragmentHeader(6, 0x0001, TCP_ACK))), DecodeOutcome.IP_FRAGMENT);
        decode(record(LinkType.IPV6, ipv6(44, fragmentHeader(6, 0x0010, TCP_ACK))), DecodeOutcome.IP_FRAGMENT);
        DecodedPacket atomic = decode(record(LinkType.IPV6, ipv6(44, fragmentHeader(6, 0, TCP_ACK))), DecodeOutcome.TCP);
        assertEquals(48, atomic.transportOffset);
    }

    @Test
    void ipv6AuthenticationHeaderLengthIsInFourByteUnits() {
        byte[] ah = new byte[16]; // Payload Len 2: (2 + 2) * 4 = 16 bytes
        ah[0] = 6;
        ah[1] = 2;
        DecodedPacket d = decode(record(LinkType.IPV6, ipv6(51, concat(ah, TCP_ACK))), DecodeOutcome.TCP);
        assertEquals(56, d.transportOffset);
    }

    @Test
    void moreExtensionHeadersThanTheBoundAreTooMany() {
        byte[] payload = TCP_ACK;
        int next = 6;
        for (int i = 0; i < Ipv6Decoder.MAX_EXTENSION_HEADERS + 1; i++) {
            payload = extension(next, payload);
            next = 60;
        }
        decode(record(LinkType.IPV6, ipv6(60, payload)), DecodeOutcome.TOO_MANY_HEADERS);
    }

    @Test
    void extensionHeaderPastThePayloadLengthIsBad() {
        byte[] packet = ipv6(60, concat(extension(6, new byte[0]), TCP_ACK));
        packet[5] = 4; // payload length 4: the 8-byte extension header does not fit
        decode(record(LinkType.IPV6, packet), DecodeOutcome.BAD_IP_HEADER);
    }

    @Test
    void mplsLabelsArePoppedToTheBottomOfTheStack() {
        byte[] frame = ethernet(0x8847, concat(mplsLabel(16, false), mplsLabel(17, true), IPV4_TCP));
        DecodedPacket d = decode(record(LinkType.ETHERNET, frame), DecodeOutcome.TCP);
        assertEquals(22, d.ipOffset);
        byte[] ipv6 = ethernet(0x8848, concat(mplsLabel(16, true), ipv6(6, TCP_ACK)));
        assertEquals(6, decode(record(LinkType.ETHERNET, ipv6), DecodeOutcome.TCP).ipVersion);
        byte[] pseudowire = ethernet(0x8847, concat(mplsLabel(16, true), new byte[4], ethernet(0x0800, IPV4_TCP)));
        assertEquals(36, decode(record(LinkType.ETHERNET, pseudowire), DecodeOutcome.TCP).ipOffset);
    }

    @Test
    void tooDeepMplsStackOrVlanStackIsTooManyHeaders() {
        byte[] labels = new byte[0];
        for (int i = 0; i < EtherTypeDecoder.MAX_MPLS_LABELS + 1; i++) {
            labels = concat(labels, mplsLabel(100 + i, false));
        }
        decode(record(LinkType.ETHERNET, ethernet(0x8847, concat(labels, mplsLabel(1, true), IPV4_TCP))),
                DecodeOutcome.TOO_MANY_HEADERS);
        byte[] tags = new byte[0];
        for (int i = 0; i < EtherTypeDecoder.MAX_VLAN_TAGS + 1; i++) {
            tags = concat(tags, vlanTag(i + 1, i < EtherTypeDecoder.MAX_VLAN_TAGS ? 0x8100 : 0x0800));
        }
        decode(record(LinkType.ETHERNET, ethernet(0x8100, concat(tags, IPV4_TCP))), DecodeOutcome.TOO_MANY_HEADERS);
    }

    @Test
    void threeTagsAreFollowedAndTheFirstTwoReported() {
        byte[] tags = concat(vlanTag(10, 0x8100), vlanTag(20, 0x8100), vlanTag(30, 0x0800));
        DecodedPacket d = decode(record(LinkType.ETHERNET, ethernet(0x88a8, concat(tags, IPV4_TCP))), DecodeOutcome.TCP);
        assertEquals(10, d.vlanId);
        assertEquals(20, d.innerVlanId);
        assertEquals(26, d.ipOffset);
    }

    @Test
    void greWithKeyAndSequenceCarriesIpv4() {
        byte[] gre = Hex.bytes("30 00 08 00  00 00 00 2a  00 00 00 07"); // K and S present, IPv4
        DecodedPacket d = decode(record(LinkType.ETHERNET, ethernet(0x0800, ipv4(47, concat(gre, IPV4_TCP)))),
                DecodeOutcome.TCP);
        assertEquals(14 + 20 + 12, d.ipOffset);
        assertEquals(15057, d.srcPort);
    }

    @Test
    void greTransparentEthernetAndUnfollowedGre() {
        byte[] gre = Hex.bytes("80 00 65 58  00 00 00 00"); // checksum present, transparent Ethernet
        DecodedPacket d = decode(record(LinkType.RAW, ipv4(47, concat(gre, ethernet(0x0800, IPV4_TCP)))),
                DecodeOutcome.TCP);
        assertEquals(20 + 8 + 14, d.ipOffset);
        byte[] pptp = Hex.bytes("30 81 88 0b 00 00 00 00 00 00 00 01"); // version 1 (PPTP) is not followed
        DecodedPacket outer = decode(record(LinkType.RAW, ipv4(47, pptp)), DecodeOutcome.OTHER_IP_PROTOCOL);
        assertEquals(47, outer.ipProtocol);
    }

    @Test
    void vxlanCarriesAnEthernetFrameAndAnInvalidHeaderStaysUdp() {
        byte[] vxlan = Hex.bytes("08 00 00 00 00 00 64 00"); // I flag, VNI 100
        byte[] frame = ethernet(0x0800, ipv4(17, udp(54321, 4789, concat(vxlan, ethernet(0x0800, IPV4_TCP)))));
        DecodedPacket d = decode(record(LinkType.ETHERNET, frame), DecodeOutcome.TCP);
        assertEquals(14 + 20 + 8 + 8 + 14, d.ipOffset);
        assertEquals(15057, d.srcPort);

        byte[] noFlag = ethernet(0x0800, ipv4(17, udp(54321, 4789, concat(new byte[8], IPV4_TCP))));
        DecodedPacket u = decode(record(LinkType.ETHERNET, noFlag), DecodeOutcome.UDP);
        assertEquals(4789, u.dstPort);
    }

    @Test
    void tunnelsNestedPastTheBoundAreTooMany() {
        byte[] packet = IPV4_TCP;
        for (int i = 0; i <= StandardPacketDecoder.MAX_TUNNELS; i++) {
            packet = ipv4(4, packet);
        }
        decode(record(LinkType.RAW, packet), DecodeOutcome.TOO_MANY_HEADERS);
        decode(record(LinkType.RAW, ipv4(4, ipv4(4, IPV4_TCP))), DecodeOutcome.TCP);
    }

    @Test
    void udpLengthBoundsThePayloadAndBelowEightIsBad() {
        byte[] datagram = udp(5353, 5353, new byte[10]);
        DecodedPacket d = decode(record(LinkType.RAW, ipv4(17, datagram)), DecodeOutcome.UDP);
        assertEquals(28, d.payloadOffset);
        assertEquals(10, d.payloadLength);
        byte[] shortLength = udp(5353, 5353, new byte[10]);
        shortLength[5] = 12; // UDP length 12: 4 bytes of payload, the rest is not
        assertEquals(4, decode(record(LinkType.RAW, ipv4(17, shortLength)), DecodeOutcome.UDP).payloadLength);
        shortLength[5] = 7;
        decode(record(LinkType.RAW, ipv4(17, shortLength)), DecodeOutcome.BAD_TRANSPORT_HEADER);
    }

    @Test
    void tcpDataOffsetBelowFiveWordsOrPastTheSegmentIsBad() {
        byte[] tcp = TCP_ACK.clone();
        tcp[12] = 0x40;
        decode(record(LinkType.RAW, ipv4(6, tcp)), DecodeOutcome.BAD_TRANSPORT_HEADER);
        tcp[12] = (byte) 0xf0; // 60 bytes of header in a 20-byte segment
        decode(record(LinkType.RAW, ipv4(6, tcp)), DecodeOutcome.BAD_TRANSPORT_HEADER);
    }

    @Test
    void framesWithoutIpAndUnknownLinkTypes() {
        byte[] arp = ethernet(0x0806, new byte[28]);
        decode(record(LinkType.ETHERNET, arp), DecodeOutcome.NOT_IP);
        byte[] llc = ethernet(0x0026, Hex.bytes("42 42 03 00 00 00 00 00")); // 802.3 length, STP
        decode(record(LinkType.ETHERNET, llc), DecodeOutcome.NOT_IP);
        decode(record(127, IPV4_TCP), DecodeOutcome.UNSUPPORTED_LINK_TYPE);
        decode(record(LinkType.NULL, Hex.bytes("07 00 00 00 45")), DecodeOutcome.NOT_IP);
        decode(record(LinkType.ETHERNET, ethernet(0x0800, ipv4(1, new byte[8]))), DecodeOutcome.OTHER_IP_PROTOCOL);
    }
}
