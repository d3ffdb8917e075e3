package io.tlswatch.capture.decode;

import io.tlswatch.testkit.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Builds headers for the encapsulations the corpus does not hold (MPLS, GRE, VXLAN, options,
 * fragments): small, explicit, field by field, around the TCP segment of a real packet.
 */
final class Frames {
    /** The TCP header of suricata-verify/linktype-228__flow-test-01.pcap frame 3: 15057 -> 443, ACK, no payload. */
    static final byte[] TCP_ACK = Hex.bytes("3a d1 01 bb 00 00 00 0b 00 00 00 65 50 10 20 00 d1 84 00 00");
    static final byte[] SRC = {10, 0, 0, 1};
    static final byte[] DST = {10, 0, 0, 2};

    private Frames() {
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ethernet(int etherType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14);
        b.put(new byte[] {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 6}).putShort((short) etherType);
        return concat(b.array(), payload);
    }

    /** An IPv4 header with these options (a multiple of 4 bytes) and fragment field. */
    static byte[] ipv4(int protocol, byte[] options, int fragmentField, byte[] payload) {
        int headerLength = 20 + options.length;
        ByteBuffer b = ByteBuffer.allocate(headerLength);
        b.put((byte) (0x40 | headerLength / 4)).put((byte) 0).putShort((short) (headerLength + payload.length))
                .putShort((short) 1).putShort((short) fragmentField).put((byte) 64).put((byte) protocol)
                .putShort((short) 0).put(SRC).put(DST).put(options);
        return concat(b.array(), payload);
    }

    static byte[] ipv4(int protocol, byte[] payload) {
        return ipv4(protocol, new byte[0], 0x4000, payload);
    }

    /** An IPv6 header from 2001:db8::1 to 2001:db8::2. */
    static byte[] ipv6(int nextHeader, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40);
        b.putInt(0x60000000).putShort((short) payload.length).put((byte) nextHeader).put((byte) 64)
                .putLong(0x20010db800000000L).putLong(1).putLong(0x20010db800000000L).putLong(2);
        return concat(b.array(), payload);
    }

    /** An extension header of 8 bytes (hop-by-hop, routing or destination options: Hdr Ext Len 0). */
    static byte[] extension(int nextHeader, byte[] rest) {
        byte[] h = new byte[8];
        h[0] = (byte) nextHeader;
        return concat(h, rest);
    }

    static byte[] fragmentHeader(int nextHeader, int offsetAndM, byte[] rest) {
        ByteBuffer b = ByteBuffer.allocate(8);
        b.put((byte) nextHeader).put((byte) 0).putShort((short) offsetAndM).putInt(0x1234);
        return concat(b.array(), rest);
    }

    static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8);
        b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length)).putShort((short) 0);
        return concat(b.array(), payload);
    }

    static byte[] mplsLabel(int label, boolean bottom) {
        return ByteBuffer.allocate(4).putInt(label << 12 | (bottom ? 0x100 : 0) | 64).array();
    }

    static byte[] vlanTag(int vlanId, int etherType) {
        return ByteBuffer.allocate(4).putShort((short) vlanId).putShort((short) etherType).array();
    }
}
