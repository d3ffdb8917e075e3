package io.tlswatch.capture.decode;

/**
 * Byte layouts of IPv4 (RFC 791 3.1) and IPv6 (RFC 8200 3, 4) headers: offsets from the start of
 * the header, network byte order.
 *
 * <pre>
 * IPv4:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |Version|  IHL  |    DSCP/ECN   |          Total Length         |  0
 * |         Identification        |Flags|     Fragment Offset     |  4
 * |  Time to Live |    Protocol   |         Header Checksum       |  8
 * |                       Source Address                          | 12
 * |                    Destination Address                        | 16
 * |                    Options (IHL > 5)                          | 20
 *
 * IPv6:
 * |Version| Traffic Class |              Flow Label               |  0
 * |         Payload Length        |  Next Header  |   Hop Limit   |  4
 * |                 Source Address (16)                           |  8
 * |              Destination Address (16)                         | 24
 * Extension headers (RFC 8200 4.2-4.6, RFC 6564): Next Header (1) | Hdr Ext Len (1) | ...
 *   length (Hdr Ext Len + 1) * 8 bytes; AH (RFC 4302 2): (Payload Len + 2) * 4 bytes;
 *   Fragment (4.5): Next Header | Reserved | Fragment Offset (13) Res (2) M (1) | Identification (4)
 * </pre>
 */
final class IpLayout {
    static final int IPV4_MIN_HEADER_LENGTH = 20;
    static final int IPV4_TOTAL_LENGTH_OFFSET = 2;
    static final int IPV4_FRAGMENT_OFFSET = 6;
    /** More-fragments flag and fragment offset; the don't-fragment bit is not part of it. */
    static final int IPV4_FRAGMENT_MASK = 0x3fff;
    static final int IPV4_TTL_OFFSET = 8;
    static final int IPV4_PROTOCOL_OFFSET = 9;
    static final int IPV4_SOURCE_OFFSET = 12;
    static final int IPV4_DESTINATION_OFFSET = 16;
    /** The high half of an IPv4-mapped IPv6 address is 0; the low half starts with 0000ffff. */
    static final long IPV4_MAPPED_PREFIX = 0x0000ffff_00000000L;

    static final int IPV6_HEADER_LENGTH = 40;
    static final int IPV6_PAYLOAD_LENGTH_OFFSET = 4;
    static final int IPV6_NEXT_HEADER_OFFSET = 6;
    static final int IPV6_HOP_LIMIT_OFFSET = 7;
    static final int IPV6_SOURCE_OFFSET = 8;
    static final int IPV6_DESTINATION_OFFSET = 24;

    static final int HOP_BY_HOP = 0;
    static final int ROUTING = 43;
    static final int FRAGMENT = 44;
    static final int AUTHENTICATION = 51;
    static final int DESTINATION_OPTIONS = 60;
    static final int MOBILITY = 135;
    static final int HIP = 139;
    static final int SHIM6 = 140;

    static final int EXTENSION_MIN_LENGTH = 8;
    static final int FRAGMENT_HEADER_LENGTH = 8;
    static final int FRAGMENT_OFFSET_FIELD = 2;
    /** Fragment offset (13 bits) and the M flag; both 0 in an atomic fragment (RFC 6946). */
    static final int FRAGMENT_OFFSET_AND_M_MASK = 0xfff9;

    static final int PROTO_IPIP = 4;
    static final int PROTO_IPV6_IN_IP = 41;
    static final int PROTO_GRE = 47;

    private IpLayout() {
    }
}
