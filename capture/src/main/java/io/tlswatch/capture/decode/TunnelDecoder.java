package io.tlswatch.capture.decode;

import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_ETHERNET;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_IPV4;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_IPV6;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_MPLS_UNICAST;
import static io.tlswatch.capture.decode.TunnelLayout.GENEVE_HEADER_LENGTH;
import static io.tlswatch.capture.decode.TunnelLayout.GENEVE_OPTION_LENGTH_MASK;
import static io.tlswatch.capture.decode.TunnelLayout.GENEVE_PORT;
import static io.tlswatch.capture.decode.TunnelLayout.GENEVE_PROTOCOL_OFFSET;
import static io.tlswatch.capture.decode.TunnelLayout.GRE_CHECKSUM_PRESENT;
import static io.tlswatch.capture.decode.TunnelLayout.GRE_HEADER_LENGTH;
import static io.tlswatch.capture.decode.TunnelLayout.GRE_KEY_PRESENT;
import static io.tlswatch.capture.decode.TunnelLayout.GRE_OPTIONAL_FIELD_LENGTH;
import static io.tlswatch.capture.decode.TunnelLayout.GRE_PROTOCOL_OFFSET;
import static io.tlswatch.capture.decode.TunnelLayout.GRE_ROUTING_PRESENT;
import static io.tlswatch.capture.decode.TunnelLayout.GRE_SEQUENCE_PRESENT;
import static io.tlswatch.capture.decode.TunnelLayout.GRE_VERSION_MASK;
import static io.tlswatch.capture.decode.TunnelLayout.GTPU_EXTENSION_FLAG;
import static io.tlswatch.capture.decode.TunnelLayout.GTPU_G_PDU;
import static io.tlswatch.capture.decode.TunnelLayout.GTPU_HEADER_LENGTH;
import static io.tlswatch.capture.decode.TunnelLayout.GTPU_OPTIONAL_FLAGS;
import static io.tlswatch.capture.decode.TunnelLayout.GTPU_OPTIONAL_LENGTH;
import static io.tlswatch.capture.decode.TunnelLayout.GTPU_PORT;
import static io.tlswatch.capture.decode.TunnelLayout.GTPU_PROTOCOL_TYPE_GTP;
import static io.tlswatch.capture.decode.TunnelLayout.GTPU_VERSION_1;
import static io.tlswatch.capture.decode.TunnelLayout.VXLAN_FLAG_VNI;
import static io.tlswatch.capture.decode.TunnelLayout.VXLAN_HEADER_LENGTH;
import static io.tlswatch.capture.decode.TunnelLayout.VXLAN_PORT;

import io.tlswatch.capture.Bytes;

/**
 * Looks through tunnels (see {@link TunnelLayout}): IP in IP, GRE, and, by UDP port, VXLAN,
 * Geneve and GTP-U. Returns {@code true} with the cursor at the inner header and
 * {@link Cursor#next} saying what it is. A tunnel header that is cut short, malformed or carries
 * something else leaves the packet as what its outer header says: UDP for the UDP tunnels,
 * OTHER_IP_PROTOCOL for GRE.
 */
final class TunnelDecoder {
    static final int MAX_GTPU_EXTENSIONS = 8;

    private TunnelDecoder() {
    }

    /** IP protocol 4 or 41: the payload is an IP header. */
    static boolean ipInIp(Cursor c, int nextEtherType) {
        c.next = nextEtherType;
        return true;
    }

    /** The cursor is at a UDP payload: a tunnel when a known port says so and the header agrees. */
    static boolean udp(Cursor c, DecodedPacket out) {
        if (isPort(out, VXLAN_PORT)) {
            return vxlan(c);
        }
        if (isPort(out, GENEVE_PORT)) {
            return geneve(c);
        }
        if (isPort(out, GTPU_PORT)) {
            return gtpU(c);
        }
        return c.finish(DecodeOutcome.UDP);
    }

    static boolean gre(Cursor c) {
        if (!c.has(GRE_HEADER_LENGTH)) {
            return c.finish(DecodeOutcome.OTHER_IP_PROTOCOL);
        }
        int flags = Bytes.u16(c.b, c.at);
        int protocol = Bytes.u16(c.b, c.at + GRE_PROTOCOL_OFFSET);
        if ((flags & (GRE_ROUTING_PRESENT | GRE_VERSION_MASK)) != 0 || !isCarried(protocol)) {
            return c.finish(DecodeOutcome.OTHER_IP_PROTOCOL);
        }
        int length = GRE_HEADER_LENGTH;
        length += (flags & GRE_CHECKSUM_PRESENT) != 0 ? GRE_OPTIONAL_FIELD_LENGTH : 0;
        length += (flags & GRE_KEY_PRESENT) != 0 ? GRE_OPTIONAL_FIELD_LENGTH : 0;
        length += (flags & GRE_SEQUENCE_PRESENT) != 0 ? GRE_OPTIONAL_FIELD_LENGTH : 0;
        return enter(c, length, protocol, DecodeOutcome.OTHER_IP_PROTOCOL);
    }

    private static boolean vxlan(Cursor c) {
        if (!c.has(VXLAN_HEADER_LENGTH) || (Bytes.u8(c.b, c.at) & VXLAN_FLAG_VNI) == 0) {
            return c.finish(DecodeOutcome.UDP);
        }
        return enter(c, VXLAN_HEADER_LENGTH, ETHERTYPE_ETHERNET, DecodeOutcome.UDP);
    }

    private static boolean geneve(Cursor c) {
        if (!c.has(GENEVE_HEADER_LENGTH)) {
            return c.finish(DecodeOutcome.UDP);
        }
        int first = Bytes.u8(c.b, c.at);
        int protocol = Bytes.u16(c.b, c.at + GENEVE_PROTOCOL_OFFSET);
        if (first >>> 6 != 0 || !isCarried(protocol)) {
            return c.finish(DecodeOutcome.UDP);
        }
        int length = GENEVE_HEADER_LENGTH + (first & GENEVE_OPTION_LENGTH_MASK) * 4;
        return enter(c, length, protocol, DecodeOutcome.UDP);
    }

    private static boolean gtpU(Cursor c) {
        if (!c.has(GTPU_HEADER_LENGTH)) {
            return c.finish(DecodeOutcome.UDP);
        }
        int flags = Bytes.u8(c.b, c.at);
        if (flags >>> 5 != GTPU_VERSION_1 || (flags & GTPU_PROTOCOL_TYPE_GTP) == 0
                || Bytes.u8(c.b, c.at + 1) != GTPU_G_PDU) {
            return c.finish(DecodeOutcome.UDP);
        }
        int length = GTPU_HEADER_LENGTH;
        if ((flags & GTPU_OPTIONAL_FLAGS) != 0) {
            length += GTPU_OPTIONAL_LENGTH;
            if ((flags & GTPU_EXTENSION_FLAG) != 0) {
                length = gtpUExtensions(c, length);
                if (length < 0) {
                    return c.finish(DecodeOutcome.UDP);
                }
            }
        }
        if (!c.has(length + 1)) {
            return c.finish(DecodeOutcome.UDP);
        }
        int version = Bytes.u8(c.b, c.at + length) >>> 4;
        int inner = version == 4 ? ETHERTYPE_IPV4 : version == 6 ? ETHERTYPE_IPV6 : -1;
        if (inner < 0) {
            return c.finish(DecodeOutcome.UDP);
        }
        return enter(c, length, inner, DecodeOutcome.UDP);
    }

    /** Walks the GTP-U extension header chain; the header length past it, or -1 when malformed. */
    private static int gtpUExtensions(Cursor c, int length) {
        if (!c.has(length)) {
            return -1;
        }
        int nextType = Bytes.u8(c.b, c.at + length - 1);
        for (int count = 0; nextType != 0; count++) {
            if (count == MAX_GTPU_EXTENSIONS || !c.has(length + 1)) {
                return -1;
            }
            int extensionLength = Bytes.u8(c.b, c.at + length) * 4;
            if (extensionLength == 0 || !c.has(length + extensionLength)) {
                return -1;
            }
            length += extensionLength;
            nextType = Bytes.u8(c.b, c.at + length - 1);
        }
        return length;
    }

    /** Steps over a tunnel header of this length, if it was captured, to a header of type next. */
    private static boolean enter(Cursor c, int headerLength, int next, DecodeOutcome otherwise) {
        if (!c.has(headerLength)) {
            return c.finish(otherwise);
        }
        c.at += headerLength;
        c.next = next;
        return true;
    }

    private static boolean isCarried(int etherType) {
        return etherType == ETHERTYPE_IPV4 || etherType == ETHERTYPE_IPV6 || etherType == ETHERTYPE_ETHERNET
                || etherType == ETHERTYPE_MPLS_UNICAST;
    }

    private static boolean isPort(DecodedPacket out, int port) {
        return out.dstPort == port || out.srcPort == port;
    }
}
