package io.tlswatch.capture.decode;

/**
 * Where the headers of one packet are, and the few header fields the analyzer needs, written by
 * {@link PacketDecoder} into a reused instance. Offsets index the packet's buffer
 * ({@link io.tlswatch.capture.PacketRecord#data()}); no object is made per header.
 *
 * <p>Addresses are held as two longs each, IPv4 as an IPv4-mapped IPv6 address
 * ({@code ::ffff:a.b.c.d}), so IPv4 and IPv6 flows share one key layout.
 */
public final class DecodedPacket {
    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;

    public static final int TCP_FIN = 0x01;
    public static final int TCP_SYN = 0x02;
    public static final int TCP_RST = 0x04;
    public static final int TCP_PSH = 0x08;
    public static final int TCP_ACK = 0x10;

    /** Outermost 802.1Q/802.1ad VLAN id, 0 when untagged (tags inside a tunnel are not reported). */
    public int vlanId;
    /** Second (inner) VLAN id for QinQ, 0 when absent. */
    public int innerVlanId;

    /** 4 or 6. */
    public int ipVersion;
    /** Offset of the (innermost) IP header. */
    public int ipOffset;
    public long srcAddrHi;
    public long srcAddrLo;
    public long dstAddrHi;
    public long dstAddrLo;
    /** IPv4 protocol or the IPv6 upper-layer next header after extension headers. */
    public int ipProtocol;
    public int ttl;

    /** Offset of the TCP or UDP header. */
    public int transportOffset;
    public int srcPort;
    public int dstPort;

    /** TCP sequence number as an unsigned 32-bit value. */
    public long tcpSeq;
    /** TCP acknowledgement number as an unsigned 32-bit value. */
    public long tcpAck;
    /**
     * TCP flags, the {@code TCP_*} bits: the whole flags byte of the header (CWR, ECE and URG
     * included, so test single bits with {@link #hasTcpFlag}).
     */
    public int tcpFlags;
    public int tcpWindow;

    /** Offset of the transport payload. */
    public int payloadOffset;
    /**
     * Payload bytes present in the capture: bounded by the IP total length (Ethernet padding is not
     * payload) and by the captured length (a snap length may cut it).
     */
    public int payloadLength;
    /** Payload length according to the IP header, which exceeds payloadLength when the snap length cut it. */
    public int payloadLengthOnWire;

    /** Resets every field, before decoding the next packet. */
    public void clear() {
        vlanId = 0;
        innerVlanId = 0;
        ipVersion = 0;
        ipOffset = 0;
        srcAddrHi = 0;
        srcAddrLo = 0;
        dstAddrHi = 0;
        dstAddrLo = 0;
        ipProtocol = 0;
        ttl = 0;
        transportOffset = 0;
        srcPort = 0;
        dstPort = 0;
        tcpSeq = 0;
        tcpAck = 0;
        tcpFlags = 0;
        tcpWindow = 0;
        payloadOffset = 0;
        payloadLength = 0;
        payloadLengthOnWire = 0;
    }

    public boolean isTcp() {
        return ipProtocol == PROTO_TCP;
    }

    public boolean isUdp() {
        return ipProtocol == PROTO_UDP;
    }

    public boolean hasTcpFlag(int flag) {
        return (tcpFlags & flag) != 0;
    }
}
