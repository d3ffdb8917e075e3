package io.tlswatch.capture.decode;

/**
 * Byte layouts of the tunnel headers the decoder looks through, offsets from the start of each
 * header, network byte order. The packet's innermost IP header and ports are the ones reported.
 *
 * <pre>
 * GRE (RFC 2784 2, RFC 2890 2): C R K S | reserved | version (3) | Protocol Type (2)
 *   then Checksum + Reserved1 (4) if C, Key (4) if K, Sequence Number (4) if S;
 *   R (source routing, RFC 1701) and versions other than 0 are not followed.
 * VXLAN (RFC 7348 5), UDP port 4789: flags (1, I = 0x08) | reserved (3) | VNI (3) | reserved (1); Ethernet follows.
 * Geneve (RFC 8926 3.4), UDP port 6081: Ver (2) Opt Len (6, 4-byte words) | O C reserved (1)
 *   | Protocol Type (2) | VNI (3) | reserved (1) | options (Opt Len * 4)
 * GTP-U (3GPP TS 29.281 5.1), UDP port 2152: version (3) = 1, PT = 1, E S PN flags (1) | message
 *   type (1) = 0xff G-PDU | length (2) | TEID (4); if E, S or PN: sequence (2) | N-PDU (1) | next
 *   extension type (1); each extension header: length (1, 4-byte words) ... next type (last byte).
 *   The user's IP packet follows.
 * IP in IP (RFC 2003, RFC 4213): protocol 4 (IPv4) or 41 (IPv6) carries an IP header directly.
 * </pre>
 */
final class TunnelLayout {
    static final int GRE_HEADER_LENGTH = 4;
    static final int GRE_PROTOCOL_OFFSET = 2;
    static final int GRE_CHECKSUM_PRESENT = 0x8000;
    static final int GRE_ROUTING_PRESENT = 0x4000;
    static final int GRE_KEY_PRESENT = 0x2000;
    static final int GRE_SEQUENCE_PRESENT = 0x1000;
    static final int GRE_VERSION_MASK = 0x0007;
    static final int GRE_OPTIONAL_FIELD_LENGTH = 4;

    static final int VXLAN_PORT = 4789;
    static final int VXLAN_HEADER_LENGTH = 8;
    static final int VXLAN_FLAG_VNI = 0x08;

    static final int GENEVE_PORT = 6081;
    static final int GENEVE_HEADER_LENGTH = 8;
    static final int GENEVE_PROTOCOL_OFFSET = 2;
    static final int GENEVE_OPTION_LENGTH_MASK = 0x3f;

    static final int GTPU_PORT = 2152;
    static final int GTPU_HEADER_LENGTH = 8;
    static final int GTPU_VERSION_1 = 1;
    static final int GTPU_PROTOCOL_TYPE_GTP = 0x10;
    static final int GTPU_OPTIONAL_FLAGS = 0x07;
    static final int GTPU_EXTENSION_FLAG = 0x04;
    static final int GTPU_OPTIONAL_LENGTH = 4;
    static final int GTPU_G_PDU = 0xff;

    private TunnelLayout() {
    }
}
