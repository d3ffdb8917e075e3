package io.tlswatch.capture.synth;

/**
 * The bytes of a frame that {@link FrameEncoder} writes: Ethernet II, an optional 802.1Q tag, an
 * IPv4 header without options or an IPv6 header without extension headers, a TCP header without
 * options, then the payload. All fields in network byte order. Offsets of a header's fields are from
 * the start of that header.
 *
 * <pre>
 * Ethernet II (IEEE 802.3 clause 3)                                             14 bytes
 * |  destination MAC (6)  |  source MAC (6)  | EtherType (2) |
 * 802.1Q tag (IEEE 802.1Q 9.6), when a VLAN is set                              4 bytes
 * |  TPID 0x8100 (2)  | PCP(3) DEI(1) VID(12) | EtherType (2) |   (the tag sits before the EtherType)
 *
 * IPv4 (RFC 791 3.1)                                                            20 bytes
 *  0                   1                   2                   3
 * |Version|  IHL  |    DSCP/ECN   |          Total Length         |  0
 * |         Identification        |Flags|     Fragment Offset     |  4
 * |  Time to Live |  Protocol (6) |         Header Checksum       |  8
 * |                       Source Address                          | 12
 * |                    Destination Address                        | 16
 *
 * IPv6 (RFC 8200 3)                                                             40 bytes
 * |Version| Traffic Class |              Flow Label               |  0
 * |         Payload Length        | Next Header(6)|   Hop Limit   |  4
 * |                 Source Address (16)                           |  8
 * |              Destination Address (16)                         | 24
 *
 * TCP (RFC 9293 3.1)                                                            20 bytes
 * |          Source Port          |       Destination Port        |  0
 * |                        Sequence Number                        |  4
 * |                    Acknowledgment Number                      |  8
 * |Offset | Rsrvd |C|E|U|A|P|R|S|F|            Window             | 12
 * |           Checksum            |         Urgent Pointer        | 16
 *
 * TCP checksum pseudo-headers, summed before the TCP header and payload:
 *   IPv4 (RFC 9293 3.1): source (4) | destination (4) | zero (1) | protocol (1) | TCP length (2)
 *   IPv6 (RFC 8200 8.1): source (16) | destination (16) | TCP length (4) | zero (3) | next header (1)
 * </pre>
 */
final class FrameLayout {
    static final int ETHERNET_HEADER_LENGTH = 14;
    static final int ETHERNET_DESTINATION_OFFSET = 0;
    static final int ETHERNET_SOURCE_OFFSET = 6;
    static final int ETHERNET_TYPE_OFFSET = 12;
    static final int MAC_LENGTH = 6;
    static final int VLAN_TAG_LENGTH = 4;
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86dd;
    static final int MAX_VLAN_ID = 4094;

    static final int IPV4_HEADER_LENGTH = 20;
    /** Version 4, IHL 5 words. */
    static final int IPV4_VERSION_IHL = 0x45;
    static final int IPV4_TOTAL_LENGTH_OFFSET = 2;
    static final int IPV4_IDENTIFICATION_OFFSET = 4;
    static final int IPV4_FLAGS_OFFSET = 6;
    /** Don't fragment, offset 0. */
    static final int IPV4_DONT_FRAGMENT = 0x4000;
    static final int IPV4_TTL_OFFSET = 8;
    static final int IPV4_PROTOCOL_OFFSET = 9;
    static final int IPV4_CHECKSUM_OFFSET = 10;
    static final int IPV4_SOURCE_OFFSET = 12;
    static final int IPV4_DESTINATION_OFFSET = 16;
    static final int IPV4_ADDRESS_LENGTH = 4;

    static final int IPV6_HEADER_LENGTH = 40;
    /** Version 6, traffic class 0, flow label 0. */
    static final int IPV6_VERSION_WORD = 0x6000_0000;
    static final int IPV6_PAYLOAD_LENGTH_OFFSET = 4;
    static final int IPV6_NEXT_HEADER_OFFSET = 6;
    static final int IPV6_HOP_LIMIT_OFFSET = 7;
    static final int IPV6_SOURCE_OFFSET = 8;
    static final int IPV6_DESTINATION_OFFSET = 24;
    static final int IPV6_ADDRESS_LENGTH = 16;

    static final int PROTOCOL_TCP = 6;
    static final int HOP_LIMIT = 64;
    /** The most bytes an IPv4 datagram holds (Total Length is 16 bits). */
    static final int MAX_IPV4_TOTAL_LENGTH = 0xffff;

    static final int TCP_HEADER_LENGTH = 20;
    static final int TCP_SOURCE_PORT_OFFSET = 0;
    static final int TCP_DESTINATION_PORT_OFFSET = 2;
    static final int TCP_SEQ_OFFSET = 4;
    static final int TCP_ACK_OFFSET = 8;
    static final int TCP_DATA_OFFSET_OFFSET = 12;
    /** Data offset 5 words, in the high nibble. */
    static final int TCP_DATA_OFFSET_5_WORDS = 0x50;
    static final int TCP_FLAGS_OFFSET = 13;
    static final int TCP_WINDOW_OFFSET = 14;
    static final int TCP_CHECKSUM_OFFSET = 16;
    static final int TCP_URGENT_OFFSET = 18;

    /** The largest TCP payload one frame can carry: an IPv4 datagram's bound, less both headers. */
    static final int MAX_PAYLOAD = MAX_IPV4_TOTAL_LENGTH - IPV4_HEADER_LENGTH - TCP_HEADER_LENGTH;

    private FrameLayout() {
    }

    /** Bytes before the payload. */
    static int headerLength(boolean ipv6, boolean vlan) {
        return ETHERNET_HEADER_LENGTH + (vlan ? VLAN_TAG_LENGTH : 0)
                + (ipv6 ? IPV6_HEADER_LENGTH : IPV4_HEADER_LENGTH) + TCP_HEADER_LENGTH;
    }
}
