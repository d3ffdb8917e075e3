package io.tlswatch.capture.decode;

import static io.tlswatch.capture.decode.Vectors.decode;
import static io.tlswatch.capture.decode.Vectors.hi;
import static io.tlswatch.capture.decode.Vectors.lo;
import static io.tlswatch.capture.decode.Vectors.mapped;
import static io.tlswatch.capture.decode.Vectors.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.testkit.Hex;
import org.junit.jupiter.api.Test;

/** One real packet per link type and encapsulation, with the fields tshark shows for it. */
class RealPacketDecodingTest {

    @Test
    void ethernetIpv4TcpWithPaddingReportsNoPayload() {
        DecodedPacket p = decode(record(LinkType.ETHERNET, Vectors.ETHERNET_PADDED), DecodeOutcome.TCP);
        assertEquals(4, p.ipVersion);
        assertEquals(14, p.ipOffset);
        assertEquals(0, p.srcAddrHi);
        assertEquals(mapped("74.53.140.153"), p.srcAddrLo);
        assertEquals(mapped("10.10.1.4"), p.dstAddrLo);
        assertEquals(50, p.ttl);
        assertEquals(34, p.transportOffset);
        assertEquals(25, p.srcPort);
        assertEquals(1470, p.dstPort);
        assertEquals(2934727269L, p.tcpSeq);
        assertEquals(2126795706L, p.tcpAck);
        assertEquals(DecodedPacket.TCP_ACK, p.tcpFlags);
        assertEquals(5840, p.tcpWindow);
        assertEquals(54, p.payloadOffset);
        assertEquals(0, p.payloadLength, "the 6 bytes of Ethernet padding are not payload");
        assertEquals(0, p.payloadLengthOnWire);
        assertEquals(0, p.vlanId);
    }

    @Test
    void singleVlanTagGivesTheVlanId() {
        DecodedPacket p = decode(record(LinkType.ETHERNET, Vectors.VLAN), DecodeOutcome.TCP);
        assertEquals(50, p.vlanId);
        assertEquals(0, p.innerVlanId);
        assertEquals(mapped("10.10.10.10"), p.srcAddrLo);
        assertEquals(mapped("10.10.10.11"), p.dstAddrLo);
        assertEquals(41324, p.srcPort);
        assertEquals(3306, p.dstPort);
        assertTrue(p.hasTcpFlag(DecodedPacket.TCP_SYN));
        assertEquals(18 + 20 + 40, p.payloadOffset);
    }

    @Test
    void pppoeOverQinqGivesBothVlanIdsAndTheInnerTcp() {
        DecodedPacket p = decode(record(LinkType.ETHERNET, Vectors.PPPOE_QINQ), DecodeOutcome.TCP);
        assertEquals(3704, p.vlanId);
        assertEquals(2474, p.innerVlanId);
        assertEquals(30, p.ipOffset);
        assertEquals(mapped("1.1.1.1"), p.srcAddrLo);
        assertEquals(mapped("2.2.2.2"), p.dstAddrLo);
        assertEquals(20394, p.srcPort);
        assertEquals(443, p.dstPort);
        assertEquals(3618128214L, p.tcpSeq);
        assertEquals(4237337343L, p.tcpAck);
        assertEquals(4096, p.tcpWindow);
    }

    @Test
    void linuxCookedV1() {
        DecodedPacket p = decode(record(LinkType.LINUX_SLL, Vectors.SLL), DecodeOutcome.TCP);
        assertEquals(16, p.ipOffset);
        assertEquals(mapped("94.242.246.24"), p.srcAddrLo);
        assertEquals(mapped("10.158.109.220"), p.dstAddrLo);
        assertEquals(38464, p.srcPort);
        assertEquals(443, p.dstPort);
        assertEquals(3813191820L, p.tcpSeq);
        assertEquals(14600, p.tcpWindow);
        assertEquals(39, p.ttl);
    }

    @Test
    void linuxCookedV2() {
        DecodedPacket p = decode(record(LinkType.LINUX_SLL2, Vectors.SLL2), DecodeOutcome.TCP);
        assertEquals(20, p.ipOffset);
        assertEquals(mapped("192.168.64.6"), p.srcAddrLo);
        assertEquals(mapped("192.0.78.150"), p.dstAddrLo);
        assertEquals(55058, p.srcPort);
        assertEquals(974184494L, p.tcpSeq);
        assertEquals(64240, p.tcpWindow);
    }

    @Test
    void bsdNullWithIpv4AndMacosIpv6Families() {
        DecodedPacket v4 = decode(record(LinkType.NULL, Vectors.NULL_IPV4), DecodeOutcome.TCP);
        assertEquals(mapped("10.180.152.137"), v4.srcAddrLo);
        assertEquals(60101, v4.srcPort);
        assertEquals(4443, v4.dstPort);

        DecodedPacket v6 = decode(record(LinkType.NULL, Vectors.NULL_IPV6), DecodeOutcome.TCP);
        assertEquals(6, v6.ipVersion);
        assertEquals(hi("::1"), v6.srcAddrHi);
        assertEquals(lo("::1"), v6.srcAddrLo);
        assertEquals(58606, v6.srcPort);
        assertEquals(8081, v6.dstPort);
        assertEquals(1528953547L, v6.tcpSeq);
        assertEquals(64, v6.ttl);
        assertEquals(4 + 40 + 44, v6.payloadOffset);
    }

    @Test
    void loopbackFamilyInNetworkOrderAndNullWrittenByABigEndianHost() {
        byte[] ipv4 = Hex.bytes(Vectors.RAW_IPV4);
        for (int linkType : new int[] {LinkType.LOOP, LinkType.NULL}) {
            byte[] frame = new byte[4 + ipv4.length];
            frame[3] = 2; // AF_INET, big-endian
            System.arraycopy(ipv4, 0, frame, 4, ipv4.length);
            DecodedPacket p = decode(record(linkType, frame), DecodeOutcome.TCP);
            assertEquals(15057, p.srcPort);
        }
    }

    @Test
    void rawIpLinkTypesTakeTheVersionFromTheFirstNibble() {
        for (int linkType : new int[] {LinkType.IPV4, LinkType.RAW, LinkType.DLT_RAW_BSD, LinkType.DLT_RAW_OPENBSD}) {
            DecodedPacket p = decode(record(linkType, Vectors.RAW_IPV4), DecodeOutcome.TCP);
            assertEquals(0, p.ipOffset);
            assertEquals(mapped("192.168.0.2"), p.srcAddrLo);
            assertEquals(mapped("192.168.0.1"), p.dstAddrLo);
            assertEquals(15057, p.srcPort);
            assertEquals(443, p.dstPort);
            assertEquals(11, p.tcpSeq);
            assertEquals(101, p.tcpAck);
            assertEquals(8192, p.tcpWindow);
        }
        decode(record(LinkType.IPV6, Vectors.RAW_IPV4), DecodeOutcome.BAD_IP_HEADER);
    }

    @Test
    void pppCutBySnapLengthKeepsTheWireLengthFromIpAndUdp() {
        byte[] bytes = Hex.bytes(Vectors.PPP_CUT);
        PacketRecord r = new PacketRecord();
        r.set(bytes, 0, bytes.length, 1230, 0, LinkType.PPP, 0);
        DecodedPacket p = decode(r, DecodeOutcome.UDP);
        assertEquals(mapped("193.167.0.252"), p.srcAddrLo);
        assertEquals(mapped("193.167.100.100"), p.dstAddrLo);
        assertEquals(44083, p.srcPort);
        assertEquals(443, p.dstPort);
        assertEquals(30, p.payloadOffset);
        assertEquals(10, p.payloadLength);
        assertEquals(1208 - 8, p.payloadLengthOnWire);
    }

    @Test
    void ipv6HopByHopIsSkippedToTheUpperLayer() {
        DecodedPacket p = decode(record(LinkType.ETHERNET, Vectors.IPV6_HOP_BY_HOP), DecodeOutcome.OTHER_IP_PROTOCOL);
        assertEquals(58, p.ipProtocol, "ICMPv6 after the hop-by-hop header");
        assertEquals(hi("ff02::16"), p.dstAddrHi);
        assertEquals(lo("ff02::16"), p.dstAddrLo);
        assertEquals(1, p.ttl);
    }

    @Test
    void ipv6InIpv4ReportsTheInnerIpv6() {
        DecodedPacket p = decode(record(LinkType.ETHERNET, Vectors.SIX_IN_FOUR), DecodeOutcome.TCP);
        assertEquals(6, p.ipVersion);
        assertEquals(34, p.ipOffset);
        assertEquals(hi("2001:470:1f17:13f:3e97:eff:fe73:4dec"), p.srcAddrHi);
        assertEquals(lo("2001:470:1f17:13f:3e97:eff:fe73:4dec"), p.srcAddrLo);
        assertEquals(hi("2a03:2880:1010:6f03:face:b00c:0:2"), p.dstAddrHi);
        assertEquals(lo("2a03:2880:1010:6f03:face:b00c:0:2"), p.dstAddrLo);
        assertEquals(53234, p.srcPort);
        assertEquals(443, p.dstPort);
        assertEquals(662001836L, p.tcpSeq);
        assertEquals(63, p.ttl);
    }

    @Test
    void ipv4InIpv6ReportsTheInnerIpv4AndIgnoresTheTrailer() {
        DecodedPacket p = decode(record(LinkType.ETHERNET, Vectors.FOUR_IN_SIX), DecodeOutcome.TCP);
        assertEquals(4, p.ipVersion);
        assertEquals(54, p.ipOffset);
        assertEquals(mapped("192.168.0.1"), p.srcAddrLo);
        assertEquals(mapped("10.10.10.1"), p.dstAddrLo);
        assertEquals(64455, p.srcPort);
        assertEquals(3756080770L, p.tcpSeq);
        assertEquals(127, p.ttl);
        assertEquals(0, p.payloadLength, "48 bytes after the IPv6 payload are not TCP payload");
    }

    @Test
    void gtpUReportsTheSubscribersInnerPacket() {
        DecodedPacket p = decode(record(LinkType.ETHERNET, Vectors.GTP_U), DecodeOutcome.TCP);
        assertEquals(50, p.ipOffset);
        assertEquals(mapped("10.222.10.10"), p.srcAddrLo);
        assertEquals(mapped("173.194.69.188"), p.dstAddrLo);
        assertEquals(44960, p.srcPort);
        assertEquals(5228, p.dstPort);
        assertEquals(1143352226L, p.tcpSeq);
        assertEquals(1023695902L, p.tcpAck);
        assertEquals(32120, p.tcpWindow);
        assertEquals(0, p.payloadLength);
    }

    @Test
    void geneveReportsTheInnerEthernetsPacket() {
        DecodedPacket p = decode(record(LinkType.ETHERNET, Vectors.GENEVE), DecodeOutcome.TCP);
        assertEquals(64, p.ipOffset);
        assertEquals(mapped("192.168.0.107"), p.srcAddrLo);
        assertEquals(mapped("145.40.68.75"), p.dstAddrLo);
        assertEquals(45474, p.srcPort);
        assertEquals(443, p.dstPort);
        assertEquals(2224877774L, p.tcpSeq);
        assertEquals(502, p.tcpWindow);
    }
}
