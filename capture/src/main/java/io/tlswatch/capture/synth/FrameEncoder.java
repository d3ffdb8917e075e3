package io.tlswatch.capture.synth;

import static io.tlswatch.capture.synth.FrameLayout.ETHERNET_DESTINATION_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.ETHERNET_HEADER_LENGTH;
import static io.tlswatch.capture.synth.FrameLayout.ETHERNET_SOURCE_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.ETHERNET_TYPE_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.ETHERTYPE_IPV4;
import static io.tlswatch.capture.synth.FrameLayout.ETHERTYPE_IPV6;
import static io.tlswatch.capture.synth.FrameLayout.ETHERTYPE_VLAN;
import static io.tlswatch.capture.synth.FrameLayout.HOP_LIMIT;
import static io.tlswatch.capture.synth.FrameLayout.IPV4_CHECKSUM_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.IPV4_DESTINATION_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.IPV4_DONT_FRAGMENT;
import static io.tlswatch.capture.synth.FrameLayout.IPV4_FLAGS_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.IPV4_HEADER_LENGTH;
import static io.tlswatch.capture.synth.FrameLayout.IPV4_IDENTIFICATION_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.IPV4_PROTOCOL_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.IPV4_SOURCE_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.IPV4_TOTAL_LENGTH_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.IPV4_TTL_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.IPV4_VERSION_IHL;
import static io.tlswatch.capture.synth.FrameLayout.IPV6_DESTINATION_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.IPV6_HEADER_LENGTH;
import static io.tlswatch.capture.synth.FrameLayout.IPV6_HOP_LIMIT_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.IPV6_NEXT_HEADER_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.IPV6_PAYLOAD_LENGTH_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.IPV6_SOURCE_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.IPV6_VERSION_WORD;
import static io.tlswatch.capture.synth.FrameLayout.MAC_LENGTH;
import static io.tlswatch.capture.synth.FrameLayout.PROTOCOL_TCP;
import static io.tlswatch.capture.synth.FrameLayout.TCP_ACK_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.TCP_CHECKSUM_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.TCP_DATA_OFFSET_5_WORDS;
import static io.tlswatch.capture.synth.FrameLayout.TCP_DATA_OFFSET_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.TCP_DESTINATION_PORT_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.TCP_FLAGS_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.TCP_HEADER_LENGTH;
import static io.tlswatch.capture.synth.FrameLayout.TCP_SEQ_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.TCP_SOURCE_PORT_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.TCP_URGENT_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.TCP_WINDOW_OFFSET;
import static io.tlswatch.capture.synth.FrameLayout.VLAN_TAG_LENGTH;

/**
 * Writes the frame of one {@link Segment} (see {@link FrameLayout}) into a caller's buffer: MAC
 * addresses, VLAN tag, IP header with its checksum (IPv4), TCP header with the checksum over its
 * pseudo-header, and the payload. IPv4 identification counts up per sender. One per conversation
 * and thread; allocation-free per frame.
 */
final class FrameEncoder {
    /** Locally administered unicast MAC addresses (IEEE 802 U/L bit set) for the two ends. */
    private static final byte[] CLIENT_MAC = {0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
    private static final byte[] SERVER_MAC = {0x02, 0x00, 0x00, 0x00, 0x00, 0x02};

    private final byte[] clientAddress;
    private final byte[] serverAddress;
    private final int clientPort;
    private final int serverPort;
    private final int vlanId;
    private final boolean ipv6;
    private final int ipOffset;
    private final int tcpOffset;
    private int clientIpId;
    private int serverIpId;

    /** @param vlanId 802.1Q VLAN id, or 0 for an untagged frame */
    FrameEncoder(TcpEndpoint client, TcpEndpoint server, int vlanId) {
        this.clientAddress = client.address().getAddress();
        this.serverAddress = server.address().getAddress();
        this.clientPort = client.port();
        this.serverPort = server.port();
        this.vlanId = vlanId;
        this.ipv6 = client.isIpv6();
        this.ipOffset = ETHERNET_HEADER_LENGTH + (vlanId != 0 ? VLAN_TAG_LENGTH : 0);
        this.tcpOffset = ipOffset + (ipv6 ? IPV6_HEADER_LENGTH : IPV4_HEADER_LENGTH);
    }

    /** Bytes before the payload. */
    int headerLength() {
        return tcpOffset + TCP_HEADER_LENGTH;
    }

    /** Writes the frame of {@code s} at the start of {@code frame}; returns its length. */
    int encode(Segment s, byte[] frame) {
        boolean fromClient = s.from() == Side.CLIENT;
        byte[] source = fromClient ? clientAddress : serverAddress;
        byte[] destination = fromClient ? serverAddress : clientAddress;
        int tcpLength = TCP_HEADER_LENGTH + s.length();
        ethernet(frame, fromClient);
        if (ipv6) {
            ipv6(frame, source, destination, tcpLength);
        } else {
            ipv4(frame, source, destination, tcpLength, fromClient ? clientIpId++ : serverIpId++);
        }
        tcp(frame, s, fromClient);
        System.arraycopy(s.data(), s.offset(), frame, tcpOffset + TCP_HEADER_LENGTH, s.length());
        long sum = pseudoHeader(frame, tcpLength);
        sum = InternetChecksum.add(sum, frame, tcpOffset, tcpLength);
        put16(frame, tcpOffset + TCP_CHECKSUM_OFFSET, InternetChecksum.finish(sum));
        return tcpOffset + tcpLength;
    }

    private void ethernet(byte[] f, boolean fromClient) {
        System.arraycopy(fromClient ? SERVER_MAC : CLIENT_MAC, 0, f, ETHERNET_DESTINATION_OFFSET, MAC_LENGTH);
        System.arraycopy(fromClient ? CLIENT_MAC : SERVER_MAC, 0, f, ETHERNET_SOURCE_OFFSET, MAC_LENGTH);
        int typeAt = ETHERNET_TYPE_OFFSET;
        if (vlanId != 0) {
            put16(f, typeAt, ETHERTYPE_VLAN);
            put16(f, typeAt + 2, vlanId);
            typeAt += VLAN_TAG_LENGTH;
        }
        put16(f, typeAt, ipv6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4);
    }

    private void ipv4(byte[] f, byte[] source, byte[] destination, int tcpLength, int identification) {
        int at = ipOffset;
        f[at] = (byte) IPV4_VERSION_IHL;
        f[at + 1] = 0;
        put16(f, at + IPV4_TOTAL_LENGTH_OFFSET, IPV4_HEADER_LENGTH + tcpLength);
        put16(f, at + IPV4_IDENTIFICATION_OFFSET, identification);
        put16(f, at + IPV4_FLAGS_OFFSET, IPV4_DONT_FRAGMENT);
        f[at + IPV4_TTL_OFFSET] = (byte) HOP_LIMIT;
        f[at + IPV4_PROTOCOL_OFFSET] = (byte) PROTOCOL_TCP;
        put16(f, at + IPV4_CHECKSUM_OFFSET, 0);
        System.arraycopy(source, 0, f, at + IPV4_SOURCE_OFFSET, source.length);
        System.arraycopy(destination, 0, f, at + IPV4_DESTINATION_OFFSET, destination.length);
        put16(f, at + IPV4_CHECKSUM_OFFSET,
                InternetChecksum.finish(InternetChecksum.add(0, f, at, IPV4_HEADER_LENGTH)));
    }

    private void ipv6(byte[] f, byte[] source, byte[] destination, int tcpLength) {
        int at = ipOffset;
        put32(f, at, IPV6_VERSION_WORD);
        put16(f, at + IPV6_PAYLOAD_LENGTH_OFFSET, tcpLength);
        f[at + IPV6_NEXT_HEADER_OFFSET] = (byte) PROTOCOL_TCP;
        f[at + IPV6_HOP_LIMIT_OFFSET] = (byte) HOP_LIMIT;
        System.arraycopy(source, 0, f, at + IPV6_SOURCE_OFFSET, source.length);
        System.arraycopy(destination, 0, f, at + IPV6_DESTINATION_OFFSET, destination.length);
    }

    private void tcp(byte[] f, Segment s, boolean fromClient) {
        int at = tcpOffset;
        put16(f, at + TCP_SOURCE_PORT_OFFSET, fromClient ? clientPort : serverPort);
        put16(f, at + TCP_DESTINATION_PORT_OFFSET, fromClient ? serverPort : clientPort);
        put32(f, at + TCP_SEQ_OFFSET, (int) s.seq());
        put32(f, at + TCP_ACK_OFFSET, (int) s.ack());
        f[at + TCP_DATA_OFFSET_OFFSET] = (byte) TCP_DATA_OFFSET_5_WORDS;
        f[at + TCP_FLAGS_OFFSET] = (byte) s.flags();
        put16(f, at + TCP_WINDOW_OFFSET, s.window());
        put16(f, at + TCP_CHECKSUM_OFFSET, 0);
        put16(f, at + TCP_URGENT_OFFSET, 0);
    }

    /** The pseudo-header's sum, read back from the addresses already in the IP header. */
    private long pseudoHeader(byte[] f, int tcpLength) {
        long sum;
        if (ipv6) {
            sum = InternetChecksum.add(0, f, ipOffset + IPV6_SOURCE_OFFSET, 2 * clientAddress.length);
            sum = InternetChecksum.addWord(sum, tcpLength >>> 16);
        } else {
            sum = InternetChecksum.add(0, f, ipOffset + IPV4_SOURCE_OFFSET, 2 * clientAddress.length);
        }
        sum = InternetChecksum.addWord(sum, tcpLength);
        return InternetChecksum.addWord(sum, PROTOCOL_TCP);
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void put32(byte[] b, int at, int v) {
        put16(b, at, v >>> 16);
        put16(b, at + 2, v);
    }
}
