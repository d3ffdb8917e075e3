package io.tlswatch.capture.decode;

import io.tlswatch.capture.PacketRecord;

/**
 * The {@link PacketDecoder} for every link type in {@link io.tlswatch.capture.LinkType}: link
 * layer, then IP, then TCP or UDP, looking through up to {@link #MAX_TUNNELS} tunnels (IP in IP,
 * GRE, VXLAN, Geneve, GTP-U) so that the innermost IP header and ports are the ones reported.
 *
 * <p>Each layer is a small class that reads by offset and bounds every read: malformed bytes end
 * in a {@link DecodeOutcome}, never an exception. An instance keeps one reusable cursor, so it
 * allocates nothing per packet and belongs to one thread.
 */
public final class StandardPacketDecoder implements PacketDecoder {
    /** Tunnels looked through in one packet; one more is TOO_MANY_HEADERS. */
    public static final int MAX_TUNNELS = 4;

    private final Cursor cursor = new Cursor();

    @Override
    public DecodeOutcome decode(PacketRecord packet, DecodedPacket out) {
        out.clear();
        Cursor c = cursor.reset(packet.data(), packet.offset(), packet.capturedLength(), packet.originalLength());
        if (!LinkLayerDecoder.decode(packet.linkType(), c)) {
            return c.outcome();
        }
        for (int tunnels = 0; tunnels <= MAX_TUNNELS; tunnels++) {
            if (!EtherTypeDecoder.toIp(c, out) || !ip(c, out) || !transport(c, out)) {
                return c.outcome();
            }
        }
        return DecodeOutcome.TOO_MANY_HEADERS;
    }

    private static boolean ip(Cursor c, DecodedPacket out) {
        return c.next == LinkLayout.ETHERTYPE_IPV4 ? Ipv4Decoder.decode(c, out) : Ipv6Decoder.decode(c, out);
    }

    /** Finishes with the transport outcome, or returns {@code true} when a tunnel's inner packet follows. */
    private static boolean transport(Cursor c, DecodedPacket out) {
        switch (out.ipProtocol) {
            case DecodedPacket.PROTO_TCP:
                return TransportDecoder.tcp(c, out);
            case DecodedPacket.PROTO_UDP:
                return TransportDecoder.udp(c, out) && TunnelDecoder.udp(c, out);
            case IpLayout.PROTO_IPIP:
                return TunnelDecoder.ipInIp(c, LinkLayout.ETHERTYPE_IPV4);
            case IpLayout.PROTO_IPV6_IN_IP:
                return TunnelDecoder.ipInIp(c, LinkLayout.ETHERTYPE_IPV6);
            case IpLayout.PROTO_GRE:
                return TunnelDecoder.gre(c);
            default:
                return c.finish(DecodeOutcome.OTHER_IP_PROTOCOL);
        }
    }
}
