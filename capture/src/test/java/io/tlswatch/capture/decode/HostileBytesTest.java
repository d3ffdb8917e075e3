package io.tlswatch.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.testkit.Hex;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every real vector cut at every length and broken at every byte: the decoder never throws, and a
 * cut packet ends in a truncation outcome (or, for a tunnel cut inside its inner packet, the outer
 * one), while a cut inside the payload still decodes with the right payload lengths.
 */
class HostileBytesTest {
    record Vector(String name, int linkType, byte[] bytes) {
    }

    private static final List<Vector> VECTORS = List.of(
            new Vector("ethernet padded", LinkType.ETHERNET, Hex.bytes(Vectors.ETHERNET_PADDED)),
            new Vector("vlan", LinkType.ETHERNET, Hex.bytes(Vectors.VLAN)),
            new Vector("pppoe qinq", LinkType.ETHERNET, Hex.bytes(Vectors.PPPOE_QINQ)),
            new Vector("sll", LinkType.LINUX_SLL, Hex.bytes(Vectors.SLL)),
            new Vector("sll2", LinkType.LINUX_SLL2, Hex.bytes(Vectors.SLL2)),
            new Vector("null ipv4", LinkType.NULL, Hex.bytes(Vectors.NULL_IPV4)),
            new Vector("null ipv6", LinkType.NULL, Hex.bytes(Vectors.NULL_IPV6)),
            new Vector("raw ipv4", LinkType.IPV4, Hex.bytes(Vectors.RAW_IPV4)),
            new Vector("ppp", LinkType.PPP, Hex.bytes(Vectors.PPP_CUT)),
            new Vector("ipv6 hop-by-hop", LinkType.ETHERNET, Hex.bytes(Vectors.IPV6_HOP_BY_HOP)),
            new Vector("6in4", LinkType.ETHERNET, Hex.bytes(Vectors.SIX_IN_FOUR)),
            new Vector("4in6", LinkType.ETHERNET, Hex.bytes(Vectors.FOUR_IN_SIX)),
            new Vector("gtp-u", LinkType.ETHERNET, Hex.bytes(Vectors.GTP_U)),
            new Vector("geneve", LinkType.ETHERNET, Hex.bytes(Vectors.GENEVE)));

    private static final Set<DecodeOutcome> TRUNCATIONS = EnumSet.of(DecodeOutcome.TRUNCATED_LINK_HEADER,
            DecodeOutcome.TRUNCATED_IP_HEADER, DecodeOutcome.TRUNCATED_TRANSPORT_HEADER);

    @Test
    void aPacketCutAtEveryLengthEndsInATruncationOrDecodesWithAShorterPayload() {
        StandardPacketDecoder decoder = new StandardPacketDecoder();
        DecodedPacket out = new DecodedPacket();
        for (Vector v : VECTORS) {
            PacketRecord whole = Vectors.record(v.linkType(), v.bytes());
            DecodeOutcome full = decoder.decode(whole, out);
            int payloadOffset = out.payloadOffset;
            int wirePayload = out.payloadLengthOnWire;
            int srcPort = out.srcPort;
            boolean tunnelled = v.name().matches("6in4|4in6|gtp-u|geneve");
            for (int cut = 0; cut < v.bytes().length; cut++) {
                PacketRecord r = new PacketRecord();
                r.set(v.bytes(), 0, cut, v.bytes().length, 0, v.linkType(), 0);
                DecodeOutcome o = decoder.decode(r, out);
                String where = v.name() + " cut at " + cut + ": " + o;
                if (!full.isDecoded()) {
                    assertTrue(TRUNCATIONS.contains(o) || o == full, where);
                } else if (cut >= payloadOffset) {
                    assertEquals(full, o, where);
                    assertEquals(srcPort, out.srcPort, where);
                    assertEquals(Math.min(cut - payloadOffset, wirePayload), out.payloadLength, where);
                    assertEquals(wirePayload, out.payloadLengthOnWire, where);
                } else {
                    assertTrue(TRUNCATIONS.contains(o) || tunnelled && (o == DecodeOutcome.UDP
                            || o == DecodeOutcome.OTHER_IP_PROTOCOL), where);
                }
            }
        }
    }

    @Test
    void everyByteBrokenInTurnNeverThrowsAndAlwaysNamesAnOutcome() {
        StandardPacketDecoder decoder = new StandardPacketDecoder();
        DecodedPacket out = new DecodedPacket();
        int decoded = 0;
        int refused = 0;
        for (Vector v : VECTORS) {
            for (int i = 0; i < v.bytes().length; i++) {
                for (int flip : new int[] {0xff, 0x80, 0x0f}) {
                    byte[] broken = v.bytes().clone();
                    broken[i] ^= (byte) flip;
                    DecodeOutcome o = decoder.decode(Vectors.record(v.linkType(), broken), out);
                    if (o.isDecoded()) {
                        decoded++;
                        assertTrue(out.payloadOffset + out.payloadLength <= broken.length, v.name() + " byte " + i);
                        assertTrue(out.payloadLength >= 0 && out.payloadLength <= out.payloadLengthOnWire,
                                v.name() + " byte " + i);
                    } else {
                        refused++;
                    }
                }
            }
        }
        assertTrue(decoded > 0 && refused > 0, decoded + " decoded, " + refused + " refused");
    }

    @Test
    void brokenVersionAndDataOffsetBytesAreNamed() {
        byte[] ip = Hex.bytes(Vectors.RAW_IPV4);
        ip[0] = 0x55; // version 5
        assertEquals(DecodeOutcome.BAD_IP_HEADER,
                new StandardPacketDecoder().decode(Vectors.record(LinkType.IPV4, ip), new DecodedPacket()));
        byte[] tcp = Hex.bytes(Vectors.RAW_IPV4);
        tcp[32] = 0x30; // data offset 3 words
        assertEquals(DecodeOutcome.BAD_TRANSPORT_HEADER,
                new StandardPacketDecoder().decode(Vectors.record(LinkType.IPV4, tcp), new DecodedPacket()));
    }
}
